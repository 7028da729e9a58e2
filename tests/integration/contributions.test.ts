import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import {
	auditEvents,
	bodies,
	calls,
	categories,
	contributionFiles,
	contributionItems,
	contributionRevisions,
	contributions,
	contributionSubmitters,
	memberships,
	organisations,
	persons,
	searchEntries,
	users
} from '../../src/lib/server/db/schema';
import { callInput, contributionInput, revisionInput } from '../../src/lib/core/contributions/schemas';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { listContributions } from '../../src/lib/server/repositories/contributions';
import { openCall, updateCall } from '../../src/lib/server/actions/calls';
import {
	confirmCoSubmission,
	keepUploadedOriginal,
	mergeContribution,
	moveContribution,
	recategoriseItem,
	reviseContribution,
	setContributionPublished,
	submitContribution,
	withdrawContribution
} from '../../src/lib/server/actions/contributions';

const TEXT = ['# Proposals', '', '1. Enhanced cooperation should involve all stakeholders on an equal footing.[^1]', '', '2. Capacity building for developing countries:', '   - training;', '   - funding.', '', '[^1]: As the Tunis Agenda says.', ''].join('\n');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const callForm = (over: Record<string, unknown> = {}) =>
	callInput.parse({
		title: 'Call for draft recommendations',
		description: 'Send your proposals.',
		questions: 'What is enhanced cooperation?\nWho takes part?\nWhat hinders it?',
		framework: 'A. Implementation (Questions 1 and 2)\nB. Barriers (Question 3)',
		eligibility: 'members_and_observers',
		opensOn: day(-1),
		closesOn: day(10),
		languages: ['en', 'fr'],
		compilationTitle: 'Proposals — rolling document',
		...over
	});
let tokens = 0;
const token = () => `form-token-${String(++tokens).padStart(8, '0')}`;
const contributionForm = (over: Record<string, unknown> = {}) =>
	contributionInput.parse({ token: token(), title: 'Our proposals', text: TEXT, lang: 'en', itemCategory: ['A', 'B'], ...over });

async function n(db: Db, table: typeof contributions | typeof auditEvents | typeof contributionRevisions | typeof calls) {
	const [{ c }] = await db.select({ c: count() }).from(table);
	return Number(c);
}

describe.each(databaseKinds())('calls and contributions on %s', (kind) => {
	let d: Database;
	let db: Db;
	let bodyId: string;
	let callId: string;
	const org: Record<string, string> = {};
	const actors: Record<'ru' | 'br' | 'observer' | 'secretariat' | 'outsider', Actor> = {} as never;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const [body] = await db.insert(bodies).values({ slug: 'wg', name: 'Working Group', shortName: 'WG', lang: 'en' }).returning();
		bodyId = body.id;
		for (const [slug, name] of [
			['ru', 'Russian Federation'],
			['br', 'Brazil'],
			['obs', 'Observer Org']
		] as const) {
			const [o] = await db.insert(organisations).values({ slug, kind: slug === 'obs' ? 'civil_society' : 'member_state', name }).returning();
			org[slug] = o.id;
		}
		const seat = async (who: keyof typeof actors, role: 'member' | 'observer' | 'secretariat' | null, organisationId: string | null) => {
			const [p] = await db.insert(persons).values({ slug: `p-${who}`, name: `Person ${who}` }).returning();
			if (role) await db.insert(memberships).values({ bodyId, role, personId: p.id, organisationId });
			const [u] = await db.insert(users).values({ email: `${who}@example.org`, passwordHash: 'x', displayName: `Person ${who}`, personId: p.id }).returning();
			actors[who] = await actorForUser(db, u);
		};
		await seat('ru', 'member', org.ru);
		await seat('br', 'member', org.br);
		await seat('observer', 'observer', org.obs);
		await seat('secretariat', 'secretariat', null);
		await seat('outsider', null, null);
	});
	afterAll(async () => {
		await d?.close();
	});

	it('lets the secretariat open a call with its framework, and no one else', async () => {
		const denied = await openCall(db, actors.ru, bodyId, callForm());
		expect(denied).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await n(db, calls)).toBe(0);
		const r = await openCall(db, actors.secretariat, bodyId, callForm());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		callId = r.value.id;
		const cats = await db.select().from(categories).where(eq(categories.callId, callId));
		expect(cats.map((c) => [c.code, c.title, c.questions])).toEqual([
			['A', 'Implementation', [1, 2]],
			['B', 'Barriers', [3]]
		]);
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'call.create'));
		expect(event.entityId).toBe(callId);
	});

	it('refuses a framework citing a question the call does not ask', () => {
		expect(callInput.safeParse({ ...callForm(), framework: 'A. Something (Question 9)', questions: 'One?' }).success).toBe(false);
	});

	it('takes a contribution with items in categories, its revision 1, search entries and fingerprints; a double post makes one', async () => {
		const form = contributionForm({ coSubmitters: [org.br] });
		const [a, b] = await Promise.all([submitContribution(db, actors.ru, callId, form), submitContribution(db, actors.ru, callId, form)]);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(b.value.id).toBe(a.value.id);
		expect(await db.select().from(contributions).where(eq(contributions.submissionToken, form.token))).toHaveLength(1);
		const items = await db
			.select({ number: contributionItems.number, code: categories.code, notes: contributionItems.notes, text: contributionItems.text })
			.from(contributionItems)
			.leftJoin(categories, eq(categories.id, contributionItems.categoryId))
			.where(eq(contributionItems.contributionId, a.value.id))
			.orderBy(contributionItems.position);
		expect(items.map((i) => [i.number, i.code])).toEqual([
			['1', 'A'],
			['2', 'B']
		]);
		expect(items[0].notes).toEqual([{ marker: '1', text: 'As the Tunis Agenda says.' }]);
		expect(items[1].text).toContain('training;');
		const subs = await db.select().from(contributionSubmitters).where(eq(contributionSubmitters.contributionId, a.value.id)).orderBy(contributionSubmitters.position);
		expect(subs.map((s) => [s.organisationId, s.confirmed])).toEqual([
			[org.ru, true],
			[org.br, false]
		]);
		expect(await db.select().from(contributionRevisions).where(eq(contributionRevisions.contributionId, a.value.id))).toHaveLength(1);
		const entries = await db.select().from(searchEntries).where(eq(searchEntries.contributionId, a.value.id));
		expect(entries.length).toBe(2);
		expect(entries[0].submitterIds).not.toContain(org.br);
	});

	it('refuses visitors, outsiders, a language the call does not take, unknown categories and stale previews — writing nothing', async () => {
		const before = [await n(db, contributions), await n(db, auditEvents)];
		expect(await submitContribution(db, ANONYMOUS, callId, contributionForm())).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await submitContribution(db, actors.outsider, callId, contributionForm())).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await submitContribution(db, actors.ru, callId, contributionForm({ lang: 'zh' }))).toMatchObject({ ok: false, error: 'invalid' });
		expect(await submitContribution(db, actors.ru, callId, contributionForm({ itemCategory: ['A', 'Z'] }))).toMatchObject({ ok: false, error: 'invalid' });
		expect(await submitContribution(db, actors.ru, callId, contributionForm({ itemCategory: ['A'] }))).toMatchObject({ ok: false, error: 'invalid', detail: { reason: 'preview_again' } });
		expect(await submitContribution(db, actors.ru, callId, contributionForm({ coSubmitters: ['00000000-0000-4000-8000-000000000000'] }))).toMatchObject({ ok: false, error: 'invalid' });
		expect([await n(db, contributions), await n(db, auditEvents)]).toEqual(before);
	});

	it('shows a co-submitter only once its delegation confirms, and lets no one else confirm', async () => {
		const [c] = await db.select().from(contributions).where(eq(contributions.title, 'Our proposals'));
		// Until it confirms, the delegation's public list does not carry the contribution, nor the body's list its name.
		expect((await listContributions(db, { organisationId: org.br })).map((x) => x.id)).not.toContain(c.id);
		const listed = (await listContributions(db, { bodyId })).find((x) => x.id === c.id);
		expect(listed?.submitters.map((x) => x.id)).not.toContain(org.br);
		expect(await confirmCoSubmission(db, actors.observer, c.id)).toMatchObject({ ok: false, error: 'forbidden' });
		expect((await confirmCoSubmission(db, actors.br, c.id)).ok).toBe(true);
		const [br] = await db.select().from(contributionSubmitters).where(and(eq(contributionSubmitters.contributionId, c.id), eq(contributionSubmitters.organisationId, org.br)));
		expect(br.confirmed).toBe(true);
		expect((await listContributions(db, { organisationId: org.br })).map((x) => x.id)).toContain(c.id);
		const entries = await db.select().from(searchEntries).where(eq(searchEntries.contributionId, c.id));
		expect(entries[0].submitterIds).toContain(org.br);
	});

	it('keeps every revision, lets only submitters revise, and refuses an unchanged one', async () => {
		const [c] = await db.select().from(contributions).where(eq(contributions.title, 'Our proposals'));
		const revised = revisionInput.parse({ token: token(), title: 'Our proposals, revised', text: TEXT.replace('equal footing', 'equal footing, in their respective roles'), itemCategory: ['A', 'A'] });
		expect(await reviseContribution(db, actors.observer, c.id, revised)).toMatchObject({ ok: false, error: 'forbidden' });
		const r = await reviseContribution(db, actors.br, c.id, revised);
		expect(r.ok).toBe(true);
		expect(await reviseContribution(db, actors.ru, c.id, { ...revised, token: token() })).toMatchObject({ ok: false, error: 'invalid', detail: { reason: 'unchanged' } });
		const revs = await db.select().from(contributionRevisions).where(eq(contributionRevisions.contributionId, c.id)).orderBy(contributionRevisions.number);
		expect(revs.map((x) => [x.number, x.title])).toEqual([
			[1, 'Our proposals'],
			[2, 'Our proposals, revised']
		]);
		expect(revs[0].sourceText).toBe(TEXT.trim());
	});

	it('keeps an uploaded original under the form token and joins it to the submitted revision', async () => {
		const t = token();
		const bytes = new TextEncoder().encode(TEXT);
		const kept = await keepUploadedOriginal(db, actors.observer, callId, { formToken: t, name: 'ours.md', mediaType: 'text/markdown', format: 'markdown', bytes, sha256: 'x'.repeat(64) });
		expect(kept.ok).toBe(true);
		const r = await submitContribution(db, actors.observer, callId, contributionForm({ token: t, title: 'Observer views' }));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const [file] = await db.select().from(contributionFiles).where(eq(contributionFiles.contributionId, r.value.id));
		expect(file).toMatchObject({ revision: 1, name: 'ours.md', size: bytes.length });
		expect(Buffer.from(file.bytes).toString("utf8")).toBe(TEXT);
		const [rev] = await db.select().from(contributionRevisions).where(eq(contributionRevisions.contributionId, r.value.id));
		expect(rev.fileId).toBe(file.id);
	});

	it('lets the secretariat hold, publish, re-categorise, merge and order — and no one else', async () => {
		const [ours] = await db.select().from(contributions).where(eq(contributions.slug, 'our-proposals'));
		const [theirs] = await db.select().from(contributions).where(eq(contributions.title, 'Observer views'));
		const before = await n(db, auditEvents);
		expect(await setContributionPublished(db, actors.ru, theirs.id, false)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await mergeContribution(db, actors.ru, theirs.id, ours.id)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await recategoriseItem(db, actors.br, theirs.id, 1, 'B')).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await n(db, auditEvents)).toBe(before);

		expect((await setContributionPublished(db, actors.secretariat, theirs.id, false)).ok).toBe(true);
		const held = await db.select().from(searchEntries).where(eq(searchEntries.contributionId, theirs.id));
		expect(held.every((e) => !e.published)).toBe(true);
		expect((await setContributionPublished(db, actors.secretariat, theirs.id, true)).ok).toBe(true);

		expect((await recategoriseItem(db, actors.secretariat, theirs.id, 1, 'B')).ok).toBe(true);
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'contribution.recategorise'));
		expect(event.changes).toEqual({ 'item 1': { from: 'A', to: 'B' } });
		expect(await recategoriseItem(db, actors.secretariat, theirs.id, 1, 'Q')).toMatchObject({ ok: false, error: 'invalid' });

		expect((await mergeContribution(db, actors.secretariat, theirs.id, ours.id)).ok).toBe(true);
		expect(await mergeContribution(db, actors.secretariat, ours.id, theirs.id)).toMatchObject({ ok: false, error: 'invalid', detail: { reason: 'cycle' } });
		expect(await mergeContribution(db, actors.secretariat, ours.id, ours.id)).toMatchObject({ ok: false, error: 'invalid' });

		expect((await moveContribution(db, actors.secretariat, theirs.id, 'up')).ok).toBe(true);
		const order = await db.select({ id: contributions.id }).from(contributions).where(eq(contributions.callId, callId)).orderBy(contributions.position);
		expect(order.map((o) => o.id)).toEqual([theirs.id, ours.id]);
		expect(await moveContribution(db, actors.secretariat, theirs.id, 'up')).toMatchObject({ ok: false, error: 'invalid' });
	});

	it('lets a submitter withdraw, keeping the record; a second withdrawal is a conflict', async () => {
		const [ours] = await db.select().from(contributions).where(eq(contributions.slug, 'our-proposals'));
		expect(await withdrawContribution(db, actors.observer, ours.id)).toMatchObject({ ok: false, error: 'forbidden' });
		const r = await withdrawContribution(db, actors.ru, ours.id);
		expect(r.ok && r.value.status).toBe('withdrawn');
		expect(await withdrawContribution(db, actors.ru, ours.id)).toMatchObject({ ok: false, error: 'conflict' });
		expect(await reviseContribution(db, actors.ru, ours.id, revisionInput.parse({ token: token(), title: 'x', text: TEXT, itemCategory: ['A', 'B'] }))).toMatchObject({ ok: false, error: 'conflict' });
	});

	it('closes the call at the end of its last day: members are refused, the secretariat records a late one', async () => {
		const closed = callForm({ opensOn: day(-10), closesOn: day(-2) });
		expect((await updateCall(db, actors.secretariat, callId, closed)).ok).toBe(true);
		expect(await submitContribution(db, actors.ru, callId, contributionForm())).toMatchObject({ ok: false, error: 'forbidden', detail: { reason: 'closed' } });
		expect(await submitContribution(db, actors.secretariat, callId, contributionForm({ submitters: [org.br] }))).toMatchObject({ ok: false, error: 'forbidden', detail: { reason: 'closed' } });
		const late = await submitContribution(db, actors.secretariat, callId, contributionForm({ submitters: [org.br], late: 'on', title: 'By e-mail' }));
		expect(late.ok && late.value.late).toBe(true);
		if (!late.ok) return;
		const subs = await db.select().from(contributionSubmitters).where(eq(contributionSubmitters.contributionId, late.value.id));
		expect(subs.map((s) => [s.organisationId, s.confirmed])).toEqual([[org.br, true]]);
	});

	it('refuses to drop a category that items cite', async () => {
		const r = await updateCall(db, actors.secretariat, callId, callForm({ framework: 'A. Implementation (Questions 1 and 2)' }));
		expect(r).toMatchObject({ ok: false, error: 'conflict', detail: { field: 'framework' } });
		expect(await db.select().from(categories).where(eq(categories.callId, callId))).toHaveLength(2);
	});
});
