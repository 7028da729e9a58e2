import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { bodies, contributions, contributionSubmitters, memberships, organisations, persons, searchEntries, users } from '../../src/lib/server/db/schema';
import { callInput, contributionInput, revisionInput } from '../../src/lib/core/contributions/schemas';
import { heldReader } from '../../src/lib/core/contributions/held-readers';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { openCall } from '../../src/lib/server/actions/calls';
import { confirmCoSubmission, reviseContribution, setContributionPublished, submitContribution, withdrawContribution } from '../../src/lib/server/actions/contributions';
import { search } from '../../src/lib/server/search/query';
import { listSearchFacets } from '../../src/lib/server/repositories/search-facets';

/**
 * Search and held contributions, through the commands that change them: a held contribution is
 * found by the secretariat of its body and by its own submitters only, and each command that
 * changes a contribution leaves its search entries as the contribution now stands.
 */

const TEXT = ['1. Quokka habitats deserve an intergovernmental observatory.', '', '2. Funding comes from voluntary contributions.', ''].join('\n');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let tokens = 0;
const token = () => `search-held-token-${String(++tokens).padStart(6, '0')}`;

describe.each(databaseKinds())('search of held contributions on %s', (kind) => {
	let d: Database;
	let db: Db;
	let bodyId: string;
	let callId: string;
	let contributionId: string;
	const org: Record<'ru' | 'br' | 'eg', string> = {} as never;
	const actors: Record<'ru' | 'br' | 'eg' | 'secretariat' | 'otherSecretariat' | 'outsider', Actor> = {} as never;

	/** The slugs of the contributions a reader finds for `q` (anonymous unless an actor is given). */
	const found = async (q: string, actor: Actor = ANONYMOUS, filter: { submitterId?: string } = {}) =>
		(await search(db, { q, limit: 20, offset: 0, ...filter }, { includeUnpublished: false, reader: heldReader(actor) })).hits.map((h) => h.contributionSlug);

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const [body, other] = await db
			.insert(bodies)
			.values([
				{ slug: 'wg', name: 'Working Group', shortName: 'WG' },
				{ slug: 'other-wg', name: 'Other Working Group', shortName: 'OWG' }
			])
			.returning();
		bodyId = body.id;
		for (const [key, name] of [
			['ru', 'Russian Federation'],
			['br', 'Brazil'],
			['eg', 'Egypt']
		] as const) {
			const [o] = await db.insert(organisations).values({ slug: key, kind: 'member_state', name }).returning();
			org[key] = o.id;
		}
		const seat = async (who: keyof typeof actors, seats: { bodyId: string; role: 'member' | 'secretariat'; organisationId: string | null }[]) => {
			const [p] = await db.insert(persons).values({ slug: `p-${who}`, name: `Person ${who}` }).returning();
			for (const s of seats) await db.insert(memberships).values({ ...s, personId: p.id });
			const [u] = await db.insert(users).values({ email: `${who}@example.org`, passwordHash: 'x', displayName: `Person ${who}`, personId: p.id }).returning();
			actors[who] = await actorForUser(db, u);
		};
		await seat('ru', [{ bodyId, role: 'member', organisationId: org.ru }]);
		await seat('br', [{ bodyId, role: 'member', organisationId: org.br }]);
		await seat('eg', [{ bodyId, role: 'member', organisationId: org.eg }]);
		await seat('secretariat', [{ bodyId, role: 'secretariat', organisationId: null }]);
		await seat('otherSecretariat', [{ bodyId: other.id, role: 'secretariat', organisationId: null }]);
		await seat('outsider', []);
		const call = await openCall(
			db,
			actors.secretariat,
			bodyId,
			callInput.parse({ title: 'Call', questions: 'One?', framework: 'A. All (Question 1)', eligibility: 'members', opensOn: day(-1), closesOn: day(10), languages: ['en'] })
		);
		if (!call.ok) throw new Error('the call was not opened');
		callId = call.value.id;
		// The Russian Federation submits with Brazil named as co-submitter (pending until it confirms).
		const submitted = await submitContribution(db, actors.ru, callId, contributionInput.parse({ token: token(), title: 'Quokka proposals', text: TEXT, lang: 'en', itemCategory: ['A', 'A'], coSubmitters: [org.br] }));
		if (!submitted.ok) throw new Error('the contribution was not submitted');
		contributionId = submitted.value.id;
	});
	afterAll(async () => {
		await d?.close();
	});

	it('indexes a submitted contribution with its confirmed submitters only, so the filter does not reveal a pending one', async () => {
		const entries = await db.select().from(searchEntries).where(eq(searchEntries.contributionId, contributionId));
		expect(entries).toHaveLength(2);
		for (const e of entries) expect(e.submitterIds).toEqual([org.ru]);
		expect(await found('quokka')).toEqual(['quokka-proposals']);
		expect(await found('quokka', ANONYMOUS, { submitterId: org.ru })).toEqual(['quokka-proposals']);
		expect(await found('quokka', ANONYMOUS, { submitterId: org.br })).toEqual([]);
		expect((await listSearchFacets(db)).submitters.map((s) => s.slug)).toEqual(['ru']);
	});

	it('names the co-submitter in the index once it confirms', async () => {
		expect((await confirmCoSubmission(db, actors.br, contributionId)).ok).toBe(true);
		expect(await found('quokka', ANONYMOUS, { submitterId: org.br })).toEqual(['quokka-proposals']);
		expect((await listSearchFacets(db)).submitters.map((s) => s.slug).sort()).toEqual(['br', 'ru']);
	});

	it('re-indexes a revision: the new text is found, the old one no longer', async () => {
		const revised = revisionInput.parse({ token: token(), title: 'Quokka proposals', text: TEXT.replace('voluntary contributions', 'assessed wombat levies'), itemCategory: ['A', 'A'] });
		expect((await reviseContribution(db, actors.ru, contributionId, revised)).ok).toBe(true);
		expect(await found('wombat')).toEqual(['quokka-proposals']);
		expect(await found('voluntary')).toEqual([]);
	});

	it('shows a held contribution to the secretariat of its body and its submitters, marked held, and to nobody else', async () => {
		expect((await setContributionPublished(db, actors.secretariat, contributionId, false)).ok).toBe(true);
		const entries = await db.select().from(searchEntries).where(eq(searchEntries.contributionId, contributionId));
		expect(entries.length).toBe(2);
		expect(entries.every((e) => !e.published)).toBe(true);

		expect(await found('quokka')).toEqual([]);
		for (const who of ['secretariat', 'ru', 'br'] as const) expect(await found('quokka', actors[who]), who).toEqual(['quokka-proposals']);
		for (const who of ['eg', 'otherSecretariat', 'outsider'] as const) expect(await found('quokka', actors[who]), who).toEqual([]);

		const hit = (await search(db, { q: 'quokka', limit: 5, offset: 0 }, { includeUnpublished: false, reader: heldReader(actors.secretariat) })).hits[0];
		expect(hit).toMatchObject({ contributionSlug: 'quokka-proposals', published: false, withdrawn: false });
		// The filter options follow the reader: the held contribution's body and submitters for its readers only.
		expect((await listSearchFacets(db)).submitters).toEqual([]);
		expect((await listSearchFacets(db, heldReader(actors.eg))).bodies).toEqual([]);
		expect((await listSearchFacets(db, heldReader(actors.ru))).submitters.map((s) => s.slug).sort()).toEqual(['br', 'ru']);
	});

	it('lets a co-submitter that has not confirmed find nothing held', async () => {
		// Egypt is named as a co-submitter directly in the table, pending: still not a reader.
		await db.insert(contributionSubmitters).values({ contributionId, organisationId: org.eg, position: 5, confirmed: false });
		expect(await found('quokka', actors.eg)).toEqual([]);
		await db.delete(contributionSubmitters).where(and(eq(contributionSubmitters.contributionId, contributionId), eq(contributionSubmitters.organisationId, org.eg)));
	});

	it('decides by the contribution as it stands, whatever its entries say', async () => {
		// Entries left published by mistake do not show a held contribution to anyone else.
		await db.update(searchEntries).set({ published: true }).where(eq(searchEntries.contributionId, contributionId));
		expect(await found('quokka')).toEqual([]);
		expect(await found('quokka', actors.eg)).toEqual([]);
		expect(await found('quokka', actors.br)).toEqual(['quokka-proposals']);
	});

	it('publishes it again for everyone, and keeps a withdrawn one found, marked withdrawn', async () => {
		expect((await setContributionPublished(db, actors.secretariat, contributionId, true)).ok).toBe(true);
		expect((await db.select().from(searchEntries).where(eq(searchEntries.contributionId, contributionId))).every((e) => e.published)).toBe(true);
		expect(await found('quokka')).toEqual(['quokka-proposals']);
		const withdrawn = await withdrawContribution(db, actors.ru, contributionId);
		expect(withdrawn.ok).toBe(true);
		const [row] = await db.select().from(contributions).where(eq(contributions.id, contributionId));
		expect(row.status).toBe('withdrawn');
		const hit = (await search(db, { q: 'quokka', limit: 5, offset: 0 })).hits[0];
		expect(hit).toMatchObject({ contributionSlug: 'quokka-proposals', published: true, withdrawn: true });
		expect((await db.select().from(searchEntries).where(eq(searchEntries.contributionId, contributionId))).length).toBe(2);
	});
});
