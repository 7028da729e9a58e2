import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { amendments, auditEvents, bodies, documents, memberships, organisations, persons, unitComments, users } from '../../src/lib/server/db/schema';
import { amendmentInput, commentInput, decisionInput } from '../../src/lib/core/amendments/schemas';
import { parseDocument } from '../../src/lib/core/documents/parse';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { decideAmendment, proposeAmendment, proposeAmendmentsFromCopy, withdrawAmendment } from '../../src/lib/server/actions/amendments';
import { previewVersion, publishVersion } from '../../src/lib/server/actions/versions';
import { addComment, resolveComment } from '../../src/lib/server/actions/comments';
import { findAmendment } from '../../src/lib/server/repositories/amendments';
import { insertVersion, latestPublishedVersion, unitsOf, versionTextOf } from '../../src/lib/server/repositories/versions';
import { deriveForReview } from '../../src/lib/server/drafting/derive-copy';

const DRAFT = [
	'# Introduction',
	'',
	'1. The Working Group met in Geneva on three occasions.',
	'',
	'2. Enhanced cooperation should be implemented without delay by all stakeholders.',
	'',
	'3. The Working Group recommends further dialogue among governments and other stakeholders.',
	'',
	'4. This report is adopted by consensus.',
	''
].join('\n');

const propose = (over: Record<string, unknown>) => amendmentInput.parse({ version: '1', kind: 'replace', resultText: '', explanation: '', ...over });
const decide = (over: Record<string, string>) => decisionInput.parse({ reason: '', modifiedText: '', ...over });

async function rows(db: Db, table: typeof amendments | typeof unitComments | typeof auditEvents) {
	const [{ n }] = await db.select({ n: count() }).from(table);
	return Number(n);
}

describe.each(databaseKinds())('drafting commands on %s', (kind) => {
	let d: Database;
	let db: Db;
	let documentId: string;
	let key: (number: string) => string;
	const actors: Record<'ru' | 'br' | 'observer' | 'chair' | 'secretariat', Actor> = {} as never;
	let ru: string;
	let br: string;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const [body] = await db.insert(bodies).values({ slug: 'wg', name: 'Working Group', shortName: 'WG', lang: 'en' }).returning();
		const [oRu] = await db.insert(organisations).values({ slug: 'ru', kind: 'member_state', name: 'Russian Federation' }).returning();
		const [oBr] = await db.insert(organisations).values({ slug: 'br', kind: 'member_state', name: 'Brazil' }).returning();
		const [oObs] = await db.insert(organisations).values({ slug: 'obs', kind: 'civil_society', name: 'Observer Org' }).returning();
		ru = oRu.id;
		br = oBr.id;
		const seat = async (who: keyof typeof actors, role: 'member' | 'observer' | 'chair' | 'secretariat', organisationId: string | null) => {
			const [p] = await db.insert(persons).values({ slug: `p-${who}`, name: `Person ${who}` }).returning();
			await db.insert(memberships).values({ bodyId: body.id, role, personId: p.id, organisationId });
			const [u] = await db.insert(users).values({ email: `${who}@example.org`, passwordHash: 'x', displayName: `Person ${who}`, personId: p.id }).returning();
			actors[who] = await actorForUser(db, u);
		};
		await seat('ru', 'member', ru);
		await seat('br', 'member', br);
		await seat('observer', 'observer', oObs.id);
		await seat('chair', 'chair', null);
		await seat('secretariat', 'secretariat', null);
		const [doc] = await db.insert(documents).values({ slug: 'draft', bodyId: body.id, kind: 'draft', title: 'Chair’s draft' }).returning();
		documentId = doc.id;
		const parsed = parseDocument(DRAFT).units;
		await db.transaction((tx) => insertVersion(tx, { documentId, number: 1, sourceHash: 'h1', note: '', origin: 'import', renumbering: [], createdByUserId: null }, parsed, parsed.map((u) => u.key), 'en'));
		key = (number) => parsed.find((u) => u.number === number)!.key;
	});
	afterAll(async () => {
		await d?.close();
	});

	it('lets a member delegation propose a replacement, computing the words removed and added, and audits it', async () => {
		const r = await proposeAmendment(db, actors.ru, documentId, propose({ targetKey: key('2'), resultText: 'Enhanced cooperation must be fully implemented without delay by all stakeholders.' }));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value).toMatchObject({ number: 1, kind: 'replace', status: 'proposed', targetNumber: '2', deletedText: 'should', insertedText: 'must fully' });
		const a = (await findAmendment(db, documentId, 1))!;
		expect(a.proposers.map((p) => p.name)).toEqual(['Russian Federation']);
		const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'amendment.propose')));
		expect(event.actorUserId).toBe(actors.ru.userId);
	});

	it('refuses proposals from observers and visitors, against an old version, without change, or naming unknown units — writing nothing', async () => {
		const before = [await rows(db, amendments), await rows(db, auditEvents)];
		const raw = { targetKey: key('3'), resultText: 'The Working Group recommends dialogue.' };
		const valid = propose(raw);
		expect(await proposeAmendment(db, actors.observer, documentId, valid)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await proposeAmendment(db, ANONYMOUS, documentId, valid)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await proposeAmendment(db, actors.chair, documentId, valid)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await proposeAmendment(db, actors.ru, documentId, propose({ ...raw, version: '2' }))).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'stale' } });
		expect(await proposeAmendment(db, actors.ru, documentId, propose({ targetKey: key('3'), resultText: 'The  Working Group recommends further dialogue among governments and other stakeholders.' }))).toMatchObject({ ok: false, error: 'invalid', detail: { field: 'resultText' } });
		expect(await proposeAmendment(db, actors.ru, documentId, propose({ targetKey: 'no-such-unit', resultText: 'x' }))).toMatchObject({ ok: false, error: 'invalid', detail: { field: 'targetKey' } });
		expect(await proposeAmendment(db, actors.ru, documentId, propose({ targetKey: key('3'), resultText: 'Other words.', coProposers: [crypto.randomUUID()] }))).toMatchObject({ ok: false, error: 'invalid', detail: { field: 'coProposers' } });
		expect([await rows(db, amendments), await rows(db, auditEvents)]).toEqual(before);
	});

	it('lets only a proposing delegation (or the secretariat) withdraw, once', async () => {
		const r = await proposeAmendment(db, actors.ru, documentId, propose({ kind: 'delete', targetKey: key('4') }));
		if (!r.ok) throw new Error('not proposed');
		expect(await withdrawAmendment(db, actors.br, r.value.id)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await withdrawAmendment(db, actors.ru, r.value.id)).toMatchObject({ ok: true, value: { status: 'withdrawn' } });
		expect(await withdrawAmendment(db, actors.ru, r.value.id)).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'status' } });
	});

	it('names joint proposers, the proposing delegation first', async () => {
		const r = await proposeAmendment(db, actors.br, documentId, propose({ kind: 'insert', afterKey: key('2'), resultText: 'Governments have a particular role in international public policy.', newNumber: '2 bis', coProposers: [ru] }));
		if (!r.ok) throw new Error(JSON.stringify(r));
		const a = (await findAmendment(db, documentId, r.value.number))!;
		expect(a.proposers.map((p) => p.name)).toEqual(['Brazil', 'Russian Federation']);
		expect(a).toMatchObject({ kind: 'insert', targetNumber: '2 bis', afterKey: key('2'), insertedText: 'Governments have a particular role in international public policy.' });
	});

	it('lets only the Chair decide, records the secretariat as deciding on the Chair’s behalf, and refuses to accept conflicting amendments', async () => {
		const first = await proposeAmendment(db, actors.ru, documentId, propose({ targetKey: key('3'), resultText: 'The Working Group recommends further dialogue between governments and other stakeholders.' }));
		const clash = await proposeAmendment(db, actors.br, documentId, propose({ targetKey: key('3'), resultText: 'The Working Group recommends further dialogue with all stakeholders.' }));
		if (!first.ok || !clash.ok) throw new Error('not proposed');
		expect(await decideAmendment(db, actors.ru, first.value.id, decide({ decision: 'accepted' }))).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await decideAmendment(db, actors.chair, first.value.id, decide({ decision: 'accepted' }))).toMatchObject({ ok: true, value: { status: 'accepted', decidedOnBehalf: false } });
		expect(await decideAmendment(db, actors.chair, (await findAmendment(db, documentId, 1))!.id, decide({ decision: 'accepted' }))).toMatchObject({ ok: true });
		expect(await decideAmendment(db, actors.chair, clash.value.id, decide({ decision: 'accepted' }))).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'conflicts', numbers: [first.value.number] } });
		expect(await decideAmendment(db, actors.secretariat, clash.value.id, decide({ decision: 'rejected', reason: 'Covered by amendment ' + first.value.number }))).toMatchObject({
			ok: true,
			value: { status: 'rejected', decidedOnBehalf: true }
		});
		expect(decisionInput.safeParse({ decision: 'rejected', reason: '', modifiedText: '' }).success).toBe(false);
		const insert = (await findAmendment(db, documentId, 3))!;
		expect(await decideAmendment(db, actors.chair, insert.id, decide({ decision: 'accepted_modified', modifiedText: 'Governments have a particular role and responsibility in international public policy.' }))).toMatchObject({
			ok: true,
			value: { status: 'accepted_modified' }
		});
	});

	it('previews and publishes version 2 from the accepted amendments, renumbered, carrying forward what still applies and flagging what does not', async () => {
		const carried = await proposeAmendment(db, actors.br, documentId, propose({ targetKey: key('1'), resultText: 'The Working Group met in Geneva on four occasions.' }));
		// Amendment 1 (accepted) rewrites these very words of paragraph 2: this one cannot follow.
		const doomed = await proposeAmendment(db, actors.br, documentId, propose({ targetKey: key('2'), resultText: 'Enhanced cooperation shall be implemented without delay by all stakeholders.' }));
		if (!carried.ok || !doomed.ok) throw new Error('not proposed');
		const versionsBefore = (await latestPublishedVersion(db, documentId))!.number;
		const input = { basedOn: 1, source: 'amendments' as const, text: '', renumber: true, note: 'After the first reading' };

		const preview = await previewVersion(db, actors.chair, documentId, input);
		expect(preview.ok).toBe(true);
		expect((await latestPublishedVersion(db, documentId))!.number).toBe(versionsBefore);
		expect(await previewVersion(db, actors.ru, documentId, input)).toMatchObject({ ok: false, error: 'forbidden' });

		const published = await publishVersion(db, actors.chair, documentId, input);
		if (!published.ok) throw new Error(JSON.stringify(published));
		expect(published.value.number).toBe(2);
		const units = await unitsOf(db, published.value.id);
		const text = versionTextOf(units).text;
		expect(text).toContain('must be fully implemented');
		expect(text).toContain('particular role and responsibility');
		expect(text).toContain('further dialogue between governments');
		const numbered = units.filter((u) => u.kind === 'paragraph').map((u) => [u.number, u.text.slice(0, 20)]);
		expect(numbered.map((n) => n[0])).toEqual(['1', '2', '3', '4', '5']);
		// Stable keys: paragraph 3 of version 1 is paragraph 4 of version 2, under the same key.
		expect(units.find((u) => u.key === key('3'))?.number).toBe('4');
		expect(published.value.renumbering).toEqual(expect.arrayContaining([expect.objectContaining({ key: key('3'), from: '3', to: '4' })]));

		const after = async (n: number) => (await findAmendment(db, documentId, n))!;
		expect((await after(1)).appliedInVersionId).toBe(published.value.id);
		expect(await after(carried.value.number)).toMatchObject({ versionId: published.value.id, outdated: null, targetNumber: '1' });
		expect(await after(doomed.value.number)).toMatchObject({ outdated: 'text-changed' });
		expect(await decideAmendment(db, actors.chair, doomed.value.id, decide({ decision: 'accepted' }))).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'outdated' } });
		expect(await publishVersion(db, actors.chair, documentId, input)).toMatchObject({ ok: false, error: 'conflict', detail: { reason: 'stale' } });
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'version.publish'));
		expect(event.changes.flagged.to).toEqual([doomed.value.number]);
	});

	it('publishes a version typed in the editor, keeping the keys of the paragraphs it keeps', async () => {
		const latest = (await latestPublishedVersion(db, documentId))!;
		const before = versionTextOf(await unitsOf(db, latest.id));
		const typed = before.text.replace(/^1\. .*$/m, '1. The Working Group met in Geneva and online.');
		const r = await publishVersion(db, actors.secretariat, documentId, { basedOn: latest.number, source: 'text', text: typed, renumber: false, note: '' });
		if (!r.ok) throw new Error(JSON.stringify(r));
		const units = await unitsOf(db, r.value.id);
		expect(units.map((u) => u.key)).toEqual(before.keys);
		expect(r.value.origin).toBe('editor');
		expect(await publishVersion(db, actors.secretariat, documentId, { basedOn: r.value.number, source: 'text', text: '   ', renumber: false, note: '' })).toMatchObject({ ok: false, error: 'invalid' });
	});

	it('threads comments on a unit; only the Chair or secretariat resolves them', async () => {
		const target = key('2');
		const c = await addComment(db, actors.ru, documentId, target, commentInput.parse({ text: 'Please keep “without delay”.' }));
		if (!c.ok) throw new Error('no comment');
		const reply = await addComment(db, actors.br, documentId, target, commentInput.parse({ text: 'Agreed.', parentId: c.value.id }));
		expect(reply).toMatchObject({ ok: true, value: { parentId: c.value.id } });
		expect(await addComment(db, actors.br, documentId, key('1'), commentInput.parse({ text: 'Wrong thread', parentId: c.value.id }))).toMatchObject({ ok: false, error: 'invalid' });
		expect(await addComment(db, ANONYMOUS, documentId, target, commentInput.parse({ text: 'Hello' }))).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await addComment(db, actors.ru, documentId, 'no-such-unit', commentInput.parse({ text: 'Hello' }))).toMatchObject({ ok: false, error: 'not_found' });
		expect(await resolveComment(db, actors.ru, c.value.id)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await resolveComment(db, actors.chair, c.value.id)).toMatchObject({ ok: true });
		expect(await resolveComment(db, actors.chair, c.value.id)).toMatchObject({ ok: false, error: 'conflict' });
	});

	it('derives amendments from an edited copy and submits the kept ones together, or none', async () => {
		const latest = (await latestPublishedVersion(db, documentId))!;
		const units = await unitsOf(db, latest.id);
		const base = versionTextOf(units).text;
		const copy = base.replace('between governments', '~~between~~ among governments').replace(/^5\. .*$/m, '5. This report is adopted by consensus of all members.');
		const items = deriveForReview(units, { text: copy, changes: [] });
		expect(items.length).toBe(2);
		expect(items[0]).toMatchObject({ kind: 'replace', deletedText: 'between', insertedText: 'among', ticked: true });
		const before = await rows(db, amendments);
		const asItems = items.map((i) => ({ ...i, newNumber: null }));
		const broken = await proposeAmendmentsFromCopy(db, actors.ru, documentId, { version: latest.number, copyName: 'copy.md', explanation: '', coProposers: [], items: [asItems[0], { ...asItems[1], targetKey: 'nowhere' }] });
		expect(broken).toMatchObject({ ok: false, error: 'invalid', detail: { item: 2 } });
		expect(await rows(db, amendments)).toBe(before);
		const r = await proposeAmendmentsFromCopy(db, actors.ru, documentId, { version: latest.number, copyName: 'copy.md', explanation: 'Our edits', coProposers: [], items: asItems });
		if (!r.ok) throw new Error(JSON.stringify(r));
		expect(r.value.map((a) => a.origin)).toEqual(['copy', 'copy']);
		expect(await rows(db, amendments)).toBe(before + 2);
		const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'amendment.propose'));
		for (const a of r.value) expect(events.some((e) => e.entityId === a.id)).toBe(true);
	});
});
