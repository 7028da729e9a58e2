import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { auditEvents, bodies, meetings, memberships, organisations, persons, users } from '../../src/lib/server/db/schema';
import { bodyInput } from '../../src/lib/core/bodies/schemas';
import { meetingInput } from '../../src/lib/core/meetings/schemas';
import { membershipInput } from '../../src/lib/core/memberships/schemas';
import { organisationInput } from '../../src/lib/core/organisations/schemas';
import { personInput } from '../../src/lib/core/people/schemas';
import { can } from '../../src/lib/core/policies/policies';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { createBody, updateBody } from '../../src/lib/server/actions/bodies';
import { createMeeting, deleteMeeting, updateMeeting } from '../../src/lib/server/actions/meetings';
import { createMembership, deleteMembership, updateMembership } from '../../src/lib/server/actions/memberships';
import { createOrganisation, updateOrganisation } from '../../src/lib/server/actions/organisations';
import { createPerson } from '../../src/lib/server/actions/persons';
import { setAdministrator } from '../../src/lib/server/actions/users';
import { auditFacets, auditReferenceNames, listAuditEvents } from '../../src/lib/server/repositories/audit';

const meeting = (over: Record<string, string> = {}) =>
	meetingInput.parse({ number: '1', title: 'First meeting', startsOn: '2016-09-30', endsOn: '2016-09-30', venue: 'Geneva', remoteParticipation: 'on', remoteNote: '', ...over });

async function addUser(db: Db, email: string, over: Partial<typeof users.$inferInsert> = {}) {
	const [u] = await db.insert(users).values({ email, passwordHash: 'x', displayName: email.split('@')[0], ...over }).returning();
	return u;
}

async function auditCount(db: Db): Promise<number> {
	const [{ n }] = await db.select({ n: count() }).from(auditEvents);
	return Number(n);
}

describe.each(databaseKinds())('administrative commands on %s', (kind) => {
	let d: Database;
	let db: Db;
	let admin: Actor;
	let bodyA: string;
	let bodyB: string;
	let secretariatA: Actor;
	let memberA: Actor;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		admin = await actorForUser(db, await addUser(db, 'root@example.org', { isAdmin: true, displayName: 'Root Admin' }));
		const a = await createBody(db, admin, bodyInput.parse({ name: 'Working Group A', shortName: 'WG A 2016', slug: '', mandate: 'A', lang: 'en', periodStart: '2016-01-01', periodEnd: '2018-12-31' }));
		const b = await createBody(db, admin, bodyInput.parse({ name: 'Working Group B', shortName: 'WG B', slug: 'wg-b', lang: 'en' }));
		if (!a.ok || !b.ok) throw new Error('bodies not created');
		bodyA = a.value.id;
		bodyB = b.value.id;
		const [sp] = await db.insert(persons).values({ slug: 'sec', name: 'Sec Retary' }).returning();
		const [mp] = await db.insert(persons).values({ slug: 'mem', name: 'Mem Ber' }).returning();
		await db.insert(memberships).values([
			{ bodyId: bodyA, role: 'secretariat', personId: sp.id },
			{ bodyId: bodyA, role: 'member', personId: mp.id }
		]);
		secretariatA = await actorForUser(db, await addUser(db, 'sec@example.org', { personId: sp.id, displayName: 'Sec Retary' }));
		memberA = await actorForUser(db, await addUser(db, 'mem@example.org', { personId: mp.id }));
	});
	afterAll(async () => {
		await d?.close();
	});

	it('lets an administrator create a body, deriving its slug, and audits it', async () => {
		const [row] = await db.select().from(bodies).where(eq(bodies.id, bodyA));
		expect(row.slug).toBe('wg-a-2016');
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, bodyA));
		expect(event).toMatchObject({ action: 'body.create', entityType: 'body', bodyId: bodyA, actorUserId: admin.userId });
		expect(event.changes.name).toEqual({ from: null, to: 'Working Group A' });
		// A creation records the fields given a value, not the blank ones.
		const [bEvent] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, bodyB));
		expect(Object.keys(bEvent.changes).sort()).toEqual(['lang', 'name', 'shortName', 'slug']);
	});

	it('refuses body creation to a secretariat and a duplicate slug to an administrator', async () => {
		const before = await auditCount(db);
		const input = bodyInput.parse({ name: 'X', shortName: 'X', slug: 'wg-b', lang: 'en' });
		expect(await createBody(db, secretariatA, input)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await createBody(db, admin, input)).toMatchObject({ ok: false, error: 'conflict', detail: { field: 'slug' } });
		expect(await auditCount(db)).toBe(before);
	});

	it('lets the secretariat of body A create a meeting in A, audited in the same transaction', async () => {
		const before = await auditCount(db);
		const r = await createMeeting(db, secretariatA, bodyA, meeting());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value).toMatchObject({ bodyId: bodyA, number: 1, remoteParticipation: true });
		expect(await auditCount(db)).toBe(before + 1);
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, r.value.id));
		expect(event).toMatchObject({ action: 'meeting.create', entityType: 'meeting', bodyId: bodyA, actorUserId: secretariatA.userId, actorLabel: 'Sec Retary <sec@example.org>' });
		expect(event.changes).toMatchObject({ number: { from: null, to: 1 }, startsOn: { from: null, to: '2016-09-30' }, venue: { from: null, to: 'Geneva' } });
		expect(event.summary).toBe('1 — First meeting');
	});

	it('refuses the secretariat of A a meeting in body B: nothing written, no audit event', async () => {
		const before = await auditCount(db);
		expect(await createMeeting(db, secretariatA, bodyB, meeting({ number: '7' }))).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await db.select().from(meetings).where(eq(meetings.bodyId, bodyB))).toHaveLength(0);
		expect(await auditCount(db)).toBe(before);
	});

	it('refuses a member and an anonymous visitor', async () => {
		const before = await auditCount(db);
		expect(await createMeeting(db, memberA, bodyA, meeting({ number: '8' }))).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await createMeeting(db, ANONYMOUS, bodyA, meeting({ number: '8' }))).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await db.select().from(meetings).where(eq(meetings.number, 8))).toHaveLength(0);
		expect(await auditCount(db)).toBe(before);
	});

	it('answers a duplicate meeting number with a conflict and changes nothing', async () => {
		const before = await auditCount(db);
		const r = await createMeeting(db, secretariatA, bodyA, meeting({ title: 'Again' }));
		expect(r).toMatchObject({ ok: false, error: 'conflict', detail: { field: 'number' } });
		const rows = await db.select().from(meetings).where(eq(meetings.bodyId, bodyA));
		expect(rows.map((m) => m.title)).toEqual(['First meeting']);
		expect(await auditCount(db)).toBe(before);
	});

	it('updates a meeting with its changed fields audited, refuses a clashing number, and deletes it', async () => {
		const second = await createMeeting(db, admin, bodyA, meeting({ number: '2', title: 'Second', startsOn: '2017-01-26', endsOn: '2017-01-27' }));
		if (!second.ok) throw new Error('not created');
		const r = await updateMeeting(db, secretariatA, second.value.id, meeting({ number: '2', title: 'Second meeting', startsOn: '2017-01-26', endsOn: '2017-01-27', venue: 'New York' }));
		expect(r.ok).toBe(true);
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'meeting.update'));
		expect(event.changes).toEqual({ title: { from: 'Second', to: 'Second meeting' }, venue: { from: 'Geneva', to: 'New York' } });
		expect(await updateMeeting(db, secretariatA, second.value.id, meeting({ number: '1' }))).toMatchObject({ ok: false, error: 'conflict' });
		expect(await deleteMeeting(db, memberA, second.value.id)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await deleteMeeting(db, secretariatA, second.value.id)).toMatchObject({ ok: true });
		expect(await deleteMeeting(db, secretariatA, second.value.id)).toMatchObject({ ok: false, error: 'not_found' });
		const [gone] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'meeting.delete'));
		expect(gone.changes.title).toEqual({ from: 'Second meeting', to: null });
	});

	it('lets the secretariat update its body but not another', async () => {
		const input = bodyInput.parse({ name: 'Working Group A (renamed)', shortName: 'WG A 2016', slug: '', mandate: 'A', lang: 'en', periodStart: '2016-01-01', periodEnd: '2018-12-31' });
		const r = await updateBody(db, secretariatA, bodyA, input);
		expect(r).toMatchObject({ ok: true, value: { slug: 'wg-a-2016', name: 'Working Group A (renamed)' } });
		expect(await updateBody(db, secretariatA, bodyB, input)).toMatchObject({ ok: false, error: 'forbidden' });
	});

	it('gives the secretariat abilities on a body to the user whose person gets a secretariat seat', async () => {
		const newcomer = await addUser(db, 'new@example.org', { displayName: 'New Comer' });
		let actor = await actorForUser(db, newcomer);
		expect(can(actor, 'meeting.create', bodyB)).toBe(false);
		// The user has no person yet: an administrator gives the seat to the account itself.
		const r = await createMembership(db, admin, bodyB, membershipInput.parse({ role: 'secretariat', personId: `user:${newcomer.id}`, termStart: '2016-09-01' }));
		expect(r.ok).toBe(true);
		const [linked] = await db.select().from(users).where(eq(users.id, newcomer.id));
		expect(linked.personId).not.toBeNull();
		const [person] = await db.select().from(persons).where(eq(persons.id, linked.personId!));
		expect(person).toMatchObject({ name: 'New Comer', slug: 'new-comer' });
		actor = await actorForUser(db, linked);
		expect(can(actor, 'meeting.create', bodyB)).toBe(true);
		expect(can(actor, 'meeting.create', bodyA)).toBe(false);
		expect(await createMeeting(db, actor, bodyB, meeting({ number: '1' }))).toMatchObject({ ok: true });
		const actions = (await db.select().from(auditEvents)).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['person.create', 'user.update', 'membership.create']));
	});

	it('grants nothing for a seat whose term has ended or not yet begun', async () => {
		const former = await addUser(db, 'former@example.org', { displayName: 'Former Secretary' });
		const ended = await createMembership(db, admin, bodyB, membershipInput.parse({ role: 'secretariat', personId: `user:${former.id}`, termStart: '2016-09-01', termEnd: '2018-05-31' }));
		expect(ended.ok).toBe(true);
		const [linked] = await db.select().from(users).where(eq(users.id, former.id));
		expect(can(await actorForUser(db, linked), 'meeting.create', bodyB)).toBe(false);
		expect(can(await actorForUser(db, linked, '2017-01-01'), 'meeting.create', bodyB)).toBe(true);
		expect(can(await actorForUser(db, linked, '2016-08-31'), 'meeting.create', bodyB)).toBe(false);
	});

	it('lets a secretariat give seats by person id in its body only; a seat needs a known person', async () => {
		const [p] = await db.insert(persons).values({ slug: 'delegate', name: 'A Delegate' }).returning();
		const input = membershipInput.parse({ role: 'member', personId: p.id, stakeholderGroup: 'civil_society' });
		const r = await createMembership(db, secretariatA, bodyA, input);
		expect(r.ok).toBe(true);
		if (r.ok) {
			const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, r.value.id));
			expect(event).toMatchObject({ action: 'membership.create', bodyId: bodyA, summary: 'A Delegate (member)' });
			expect(await auditReferenceNames(db, [event])).toEqual({ [p.id]: 'A Delegate' });
		}
		expect(await createMembership(db, secretariatA, bodyB, input)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await createMembership(db, memberA, bodyA, input)).toMatchObject({ ok: false, error: 'forbidden' });
		// Only administrators may attach a person to an account.
		const loose = await addUser(db, 'loose@example.org');
		expect(await createMembership(db, secretariatA, bodyA, membershipInput.parse({ role: 'member', personId: `user:${loose.id}` }))).toMatchObject({ ok: false, error: 'forbidden' });
		const unknown = membershipInput.parse({ role: 'member', personId: '00000000-0000-4000-8000-000000000000' });
		expect(await createMembership(db, secretariatA, bodyA, unknown)).toMatchObject({ ok: false, error: 'invalid', detail: { field: 'personId' } });
		if (!r.ok) return;
		const u = await updateMembership(db, secretariatA, r.value.id, membershipInput.parse({ role: 'observer', personId: p.id, stakeholderGroup: 'civil_society', note: 'Accredited' }));
		expect(u).toMatchObject({ ok: true, value: { role: 'observer', note: 'Accredited' } });
		expect(await deleteMembership(db, secretariatA, r.value.id)).toMatchObject({ ok: true });
	});

	it('fills a Member State from its ISO code and refuses the code twice', async () => {
		const r = await createOrganisation(db, secretariatA, organisationInput.parse({ kind: 'member_state', iso2: 'ru' }));
		expect(r).toMatchObject({
			ok: true,
			value: { name: 'Russian Federation', slug: 'russian-federation', iso2: 'RU', iso3: 'RUS', m49: '643', region: 'Europe', stakeholderGroup: 'government' }
		});
		if (!r.ok) return;
		expect(r.value.names.fr).toBe('Fédération de Russie');
		expect(r.value.developmentStatus).toEqual(['developed']);
		expect(await createOrganisation(db, admin, organisationInput.parse({ kind: 'member_state', iso2: 'RU', slug: 'russia' }))).toMatchObject({
			ok: false,
			error: 'conflict',
			detail: { field: 'iso2' }
		});
		expect(await createOrganisation(db, admin, organisationInput.parse({ kind: 'member_state', iso2: 'XX' }))).toMatchObject({ ok: false, error: 'invalid', detail: { field: 'iso2' } });
		expect(await createOrganisation(db, memberA, organisationInput.parse({ kind: 'company', name: 'Acme' }))).toMatchObject({ ok: false, error: 'forbidden' });
		const itu = await createOrganisation(db, admin, organisationInput.parse({ kind: 'intergovernmental', name: 'International Telecommunication Union' }));
		expect(itu).toMatchObject({ ok: true, value: { slug: 'international-telecommunication-union', iso2: null } });
		if (!itu.ok) return;
		const renamed = await updateOrganisation(db, admin, itu.value.id, organisationInput.parse({ kind: 'intergovernmental', name: 'ITU', stakeholderGroup: 'intergovernmental_organisation' }));
		expect(renamed).toMatchObject({ ok: true, value: { name: 'ITU', slug: 'international-telecommunication-union' } });
		// A delegation seat without a group takes the organisation's group.
		const seat = await createMembership(db, admin, bodyA, membershipInput.parse({ role: 'member', organisationId: r.value.id }));
		expect(seat).toMatchObject({ ok: true, value: { stakeholderGroup: 'government', personId: null } });
	});

	it('numbers derived person slugs and checks the organisation', async () => {
		const one = await createPerson(db, secretariatA, personInput.parse({ name: 'Jane Doe' }));
		const two = await createPerson(db, secretariatA, personInput.parse({ name: 'Jane Doe' }));
		expect(one).toMatchObject({ ok: true, value: { slug: 'jane-doe' } });
		expect(two).toMatchObject({ ok: true, value: { slug: 'jane-doe-2' } });
		expect(await createPerson(db, secretariatA, personInput.parse({ name: 'X', slug: 'jane-doe' }))).toMatchObject({ ok: false, error: 'conflict' });
		expect(await createPerson(db, secretariatA, personInput.parse({ name: 'X', organisationId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
			ok: false,
			error: 'invalid',
			detail: { field: 'organisationId' }
		});
		const [{ n }] = await db.select({ n: count() }).from(organisations);
		expect(Number(n)).toBeGreaterThan(0);
	});

	it('makes a user administrator and back, but never removes the last one', async () => {
		const other = await addUser(db, 'other@example.org');
		expect(await setAdministrator(db, secretariatA, other.id, true)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await setAdministrator(db, admin, other.id, true)).toMatchObject({ ok: true });
		expect((await db.select().from(users).where(eq(users.id, other.id)))[0].isAdmin).toBe(true);
		expect(await setAdministrator(db, admin, other.id, false)).toMatchObject({ ok: true });
		expect(await setAdministrator(db, admin, admin.userId!, false)).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'last_admin' } });
		const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.setAdministrator'));
		expect(events.map((e) => e.changes.isAdmin)).toEqual(expect.arrayContaining([{ from: false, to: true }, { from: true, to: false }]));
	});

	it('filters the audit log, newest first, and shows a secretariat only its body', async () => {
		const all = await listAuditEvents(db, { visibleBodies: 'all' });
		expect(all.total).toBeGreaterThan(10);
		const times = all.events.map((e) => e.at.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);

		const mine = await listAuditEvents(db, { visibleBodies: [bodyA] });
		expect(mine.total).toBeGreaterThan(0);
		expect(mine.events.every((e) => e.bodyId === bodyA)).toBe(true);
		expect(mine.total).toBeLessThan(all.total);
		// Asking for another body's events through the filter still gives nothing.
		expect((await listAuditEvents(db, { visibleBodies: [bodyA], bodyId: bodyB })).total).toBe(0);
		expect((await listAuditEvents(db, { visibleBodies: [] })).total).toBe(0);

		const creates = await listAuditEvents(db, { visibleBodies: 'all', action: 'meeting.create' });
		expect(creates.events.length).toBeGreaterThan(0);
		expect(creates.events.every((e) => e.action === 'meeting.create')).toBe(true);
		const bodyEvents = await listAuditEvents(db, { visibleBodies: 'all', entityType: 'body', bodyId: bodyB });
		expect(bodyEvents.events.map((e) => e.action)).toEqual(['body.create']);
		expect(bodyEvents.events[0].body).toEqual({ slug: 'wg-b', shortName: 'WG B' });
		const bySec = await listAuditEvents(db, { visibleBodies: 'all', actor: 'sec@example' });
		expect(bySec.total).toBeGreaterThan(0);
		expect(bySec.events.every((e) => e.actorUserId === secretariatA.userId)).toBe(true);
		expect((await listAuditEvents(db, { visibleBodies: 'all', actor: secretariatA.userId! })).total).toBe(bySec.total);

		// Every event so far falls between the day of the oldest and the day of the newest.
		const day = (d: Date) => d.toISOString().slice(0, 10);
		const oldest = day(all.events.at(-1)!.at);
		const newest = day(all.events[0].at);
		expect((await listAuditEvents(db, { visibleBodies: 'all', from: oldest, to: newest, pageSize: 200 })).total).toBe(all.total);
		expect((await listAuditEvents(db, { visibleBodies: 'all', to: '2000-01-01' })).total).toBe(0);

		const paged = await listAuditEvents(db, { visibleBodies: 'all', pageSize: 5, page: 2 });
		expect(paged.events.map((e) => e.id)).toEqual((await listAuditEvents(db, { visibleBodies: 'all', pageSize: 10 })).events.slice(5, 10).map((e) => e.id));
		expect(paged.pages).toBe(Math.ceil(all.total / 5));

		const facets = await auditFacets(db, [bodyA]);
		expect(facets.entityTypes).not.toContain('organisation');
		expect(facets.actions).toContain('meeting.create');
	});
});
