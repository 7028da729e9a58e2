import type { DocumentKind, UnitKind } from '../../src/lib/core/shared/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { render } from 'svelte/server';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { rows } from '../../src/lib/server/db/migrate';
import {
	bodies,
	contributionItems,
	contributions,
	documents,
	documentVersions,
	organisations,
	persons,
	searchEntries,
	units
} from '../../src/lib/server/db/schema';
import { indexContribution, indexDocumentVersion, removeFromIndex, setIndexPublished } from '../../src/lib/server/search/index-writer';
import { search, type SearchInput } from '../../src/lib/server/search/query';
import { listSearchFacets } from '../../src/lib/server/repositories/search-facets';
import { searchParamsSchema } from '../../src/lib/core/search/query';
import { segmentsText } from '../../src/lib/core/search/highlight';
import SearchPage from '../../src/routes/[lang=locale]/search/+page.svelte';

type UnitSeed = { key: string; kind?: UnitKind; number?: string | null; text: string; lang?: string; part?: string };

/** A body, document, version and units, written and indexed in one transaction as an importer would. */
async function seedDocument(
	db: Db,
	o: { bodyId: string; slug: string; title: string; kind?: DocumentKind; lang?: string; issuedOn?: string | null; published?: boolean; units: UnitSeed[]; versionNumber?: number }
) {
	return db.transaction(async (tx) => {
		let [document] = await tx.select().from(documents).where(eq(documents.slug, o.slug));
		if (!document) {
			[document] = await tx
				.insert(documents)
				.values({ slug: o.slug, bodyId: o.bodyId, kind: o.kind ?? 'draft', title: o.title, lang: o.lang ?? 'en', issuedOn: o.issuedOn ?? null, published: o.published ?? true })
				.returning();
		}
		const [version] = await tx
			.insert(documentVersions)
			.values({ documentId: document.id, number: o.versionNumber ?? 1, sourceHash: `${o.slug}-${o.versionNumber ?? 1}` })
			.returning();
		const unitRows = await tx
			.insert(units)
			.values(
				o.units.map((u, i) => ({
					versionId: version.id,
					key: u.key,
					position: i,
					kind: u.kind ?? 'paragraph',
					number: u.number ?? null,
					text: u.text,
					source: u.text,
					part: u.part ?? 'body',
					lang: u.lang ?? o.lang ?? 'en'
				}))
			)
			.returning();
		const [body] = await tx.select().from(bodies).where(eq(bodies.id, o.bodyId));
		const written = await indexDocumentVersion(tx, { document, body, version, units: unitRows });
		return { document, version, units: unitRows, written };
	});
}

describe.each(databaseKinds())('search on %s', (kind) => {
	let d: Database;
	let db: Db;
	const ids = {} as Record<'wgec16' | 'wgec13' | 'russia' | 'brazil' | 'doria', string>;
	const run = (input: Partial<SearchInput> & { q: string }) => search(db, { limit: 20, offset: 0, ...input });

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const [b16, b13] = await db
			.insert(bodies)
			.values([
				{ slug: 'wgec-2016-2018', name: 'Working Group on Enhanced Cooperation (2016–2018)', shortName: 'WGEC 2016–2018' },
				{ slug: 'wgec-2013-2014', name: 'Working Group on Enhanced Cooperation (2013–2014)', shortName: 'WGEC 2013–2014' }
			])
			.returning();
		ids.wgec16 = b16.id;
		ids.wgec13 = b13.id;
		const [ru, br] = await db
			.insert(organisations)
			.values([
				{ slug: 'russian-federation', kind: 'member_state', name: 'Russian Federation', names: { fr: 'Fédération de Russie' } },
				{ slug: 'brazil', kind: 'member_state', name: 'Brazil' }
			])
			.returning();
		ids.russia = ru.id;
		ids.brazil = br.id;
		const [doria] = await db.insert(persons).values({ slug: 'avri-doria', name: 'Avri Doria' }).returning();
		ids.doria = doria.id;

		await seedDocument(db, {
			bodyId: ids.wgec16,
			slug: 'chair-draft-2017',
			title: "Chair's draft recommendations",
			issuedOn: '2017-11-11',
			units: [
				{ key: 'title', kind: 'title', text: "Chair's draft recommendations" },
				{ key: 'h-intro', kind: 'heading', number: 'I.', text: 'Introduction' },
				{ key: 'p-1', number: '1', text: 'Enhanced cooperation should proceed with respect for the sovereign rights of States and the roles of all stakeholders.' },
				{ key: 'p-2', number: '2 bis', text: 'Capacity building for developing countries remains essential.' },
				{ key: 'p-3', text: 'An unnumbered paragraph about multistakeholder participation.' },
				{ key: 'b-1', kind: 'blank', text: 'sovereign text in a blank unit is never indexed' },
				{ key: 'p-empty', text: '   ' }
			]
		});
		await seedDocument(db, {
			bodyId: ids.wgec13,
			slug: 'rapport-2014',
			title: 'Rapport du Groupe de travail',
			kind: 'report',
			lang: 'fr',
			issuedOn: '2014-05-30',
			units: [{ key: 'p-7', number: '7', text: 'Les États ont le droit souverain de définir leurs politiques publiques relatives à l’Internet.' }]
		});
		await seedDocument(db, {
			bodyId: ids.wgec16,
			slug: 'secret-draft',
			title: 'Unpublished draft',
			issuedOn: '2017-10-01',
			published: false,
			units: [{ key: 'p-1', number: '1', text: 'A confidential sovereign clause nobody may read yet: zanzibar.' }]
		});

		await db.transaction(async (tx) => {
			const [contribution] = await tx
				.insert(contributions)
				.values({ slug: 'russian-federation-2016', bodyId: ids.wgec16, title: 'Contribution of the Russian Federation', submittedOn: '2016-09-30' })
				.returning();
			const items = await tx
				.insert(contributionItems)
				.values([
					{ contributionId: contribution.id, position: 1, number: '(1)', text: 'The sovereign right of each State to regulate the Internet in its territory.', source: '(1) …' },
					{ contributionId: contribution.id, position: 2, number: '(2)', text: '<script>alert("x")</script> Intergovernmental cooperation on cybersecurity.', source: '(2) …' },
					{ contributionId: contribution.id, position: 3, text: '', source: '' }
				])
				.returning();
			const written = await indexContribution(tx, { contribution, items, submitterIds: [ids.russia] });
			expect(written.entries).toBe(2);
		});
	});
	afterAll(async () => {
		await d?.close();
	});

	it('indexes every unit with text once, in its own language, with its label', async () => {
		const entries = rows(
			await db.execute(sql`select e.unit_key, e.label, e.lang, e.ts_config, e.published from search_entries e join documents d on d.id = e.document_id where d.slug = 'chair-draft-2017' order by e.unit_key`)
		);
		expect(entries.map((e) => e.unit_key)).toEqual(['h-intro', 'p-1', 'p-2', 'p-3', 'title']);
		const byKey = Object.fromEntries(entries.map((e) => [e.unit_key, e]));
		expect(byKey['p-1']).toMatchObject({ label: '1', lang: 'en', ts_config: 'english', published: true });
		expect(byKey['p-2'].label).toBe('2 bis');
		expect(byKey['p-3'].label).toBe('Introduction');
		expect(byKey['h-intro'].label).toBe('I.');
		const french = rows(await db.execute(sql`select ts_config from search_entries where unit_key = 'p-7'`));
		expect(french[0].ts_config).toBe('french');
	});

	it('finds "sovereign" in the English paragraph and marks the word', async () => {
		const result = await run({ q: 'sovereign' });
		const hit = result.hits.find((h) => h.documentSlug === 'chair-draft-2017');
		expect(hit).toMatchObject({
			sourceKind: 'document',
			documentKind: 'draft',
			unitKey: 'p-1',
			label: '1',
			title: "Chair's draft recommendations",
			bodySlug: 'wgec-2016-2018',
			issuedOn: '2017-11-11',
			lang: 'en'
		});
		expect(hit!.segments).toContainEqual({ text: 'sovereign', hit: true });
		expect(segmentsText(hit!.segments)).toContain('respect for the sovereign rights of States');
		expect(result.total).toBe(result.hits.length);
		expect(result.hits.map((h) => h.documentSlug ?? h.contributionSlug).sort()).toEqual(['chair-draft-2017', 'russian-federation-2016']);
	});

	it('matches words by their stem in each language', async () => {
		const english = await run({ q: 'rights' });
		expect(english.hits.map((h) => h.unitKey)).toContain('p-1');
		expect(english.hits.find((h) => h.unitKey === 'p-1')!.segments).toContainEqual({ text: 'rights', hit: true });

		const french = await run({ q: 'droits souverains' });
		expect(french.total).toBe(1);
		expect(french.hits[0]).toMatchObject({ documentSlug: 'rapport-2014', unitKey: 'p-7', lang: 'fr', bodySlug: 'wgec-2013-2014' });
		expect(french.hits[0].segments).toContainEqual({ text: 'droit', hit: true });
		expect(french.hits[0].segments).toContainEqual({ text: 'souverain', hit: true });
	});

	it('finds a contribution item, keyed by its position, with hostile text kept as text', async () => {
		const result = await run({ q: 'cybersecurity' });
		expect(result.total).toBe(1);
		expect(result.hits[0]).toMatchObject({ sourceKind: 'contribution', contributionSlug: 'russian-federation-2016', unitKey: '2', label: '(2)', issuedOn: '2016-09-30' });
		expect(result.hits[0].documentSlug).toBeUndefined();
		expect(result.hits[0].segments).toContainEqual({ text: 'cybersecurity', hit: true });
	});

	it('narrows by body, kind, submitter and dates', async () => {
		const slugs = async (input: Partial<SearchInput>) =>
			(await run({ q: 'sovereign OR souverain', ...input })).hits.map((h) => h.documentSlug ?? h.contributionSlug).sort();
		expect(await slugs({})).toEqual(['chair-draft-2017', 'rapport-2014', 'russian-federation-2016']);
		expect(await slugs({ bodyId: ids.wgec13 })).toEqual(['rapport-2014']);
		expect(await slugs({ bodyId: ids.wgec16 })).toEqual(['chair-draft-2017', 'russian-federation-2016']);
		expect(await slugs({ kind: 'contribution' })).toEqual(['russian-federation-2016']);
		expect(await slugs({ kind: 'draft' })).toEqual(['chair-draft-2017']);
		expect(await slugs({ kind: 'report' })).toEqual(['rapport-2014']);
		expect(await slugs({ kind: 'summary' })).toEqual([]);
		expect(await slugs({ submitterId: ids.russia })).toEqual(['russian-federation-2016']);
		expect(await slugs({ submitterId: ids.brazil })).toEqual([]);
		expect(await slugs({ from: '2016-01-01' })).toEqual(['chair-draft-2017', 'russian-federation-2016']);
		expect(await slugs({ to: '2016-09-30' })).toEqual(['rapport-2014', 'russian-federation-2016']);
		expect(await slugs({ from: '2016-09-30', to: '2016-09-30' })).toEqual(['russian-federation-2016']);
	});

	it('never shows an unpublished document, even when its entries were left published', async () => {
		expect((await run({ q: 'zanzibar' })).total).toBe(0);
		expect((await run({ q: 'confidential sovereign' })).hits.map((h) => h.documentSlug)).not.toContain('secret-draft');
		const [secret] = await db.select().from(documents).where(eq(documents.slug, 'secret-draft'));
		// The entries alone do not decide: the source must be published too.
		await setIndexPublished(db, { documentId: secret.id }, true);
		expect((await run({ q: 'zanzibar' })).total).toBe(0);
		await db.update(documents).set({ published: true }).where(eq(documents.id, secret.id));
		expect((await run({ q: 'zanzibar' })).total).toBe(1);
		await db.update(documents).set({ published: false }).where(eq(documents.id, secret.id));
		await setIndexPublished(db, { documentId: secret.id }, false);
		expect((await run({ q: 'zanzibar' })).total).toBe(0);
		expect((await search(db, { q: 'zanzibar', limit: 5, offset: 0 }, { includeUnpublished: true })).total).toBe(1);
	});

	it('survives queries of stop words, punctuation and operators', async () => {
		const odd = ['the of and', 'le la les de', "'", '&|!', '!!!', '(', ')', '"', '"unclosed', 'or', 'OR OR', '-', '- -sovereign', ':*', 'a & b | !c', "sovereign's", '\\', '<->', '*', '…', '你好', 'سيادة'];
		for (const q of odd) {
			const result = await run({ q });
			expect(result.total, q).toBeGreaterThanOrEqual(0);
			expect(result.hits.length, q).toBe(Math.min(result.total, 20));
		}
		expect((await run({ q: 'the of and' })).total).toBe(0);
		expect((await run({ q: "sovereign's" })).total).toBeGreaterThan(0);
		expect((await run({ q: '' })).total).toBe(0);
		expect((await run({ q: '   ' })).total).toBe(0);
	});

	it('refuses a query of 201 characters', async () => {
		const long = 'sovereign '.repeat(20) + 'x';
		expect(long).toHaveLength(201);
		expect(searchParamsSchema.safeParse({ q: long }).success).toBe(false);
		await expect(run({ q: long })).rejects.toThrow(RangeError);
		await expect(run({ q: 'x', bodyId: "1' or '1'='1" })).rejects.toThrow(RangeError);
	});

	it('pages through the results and keeps the total past the last page', async () => {
		const all = await run({ q: 'sovereign OR souverain' });
		expect(all.total).toBe(3);
		const first = await run({ q: 'sovereign OR souverain', limit: 2, offset: 0 });
		const second = await run({ q: 'sovereign OR souverain', limit: 2, offset: 2 });
		expect(first.hits).toHaveLength(2);
		expect(second.hits).toHaveLength(1);
		expect([...first.hits, ...second.hits].map((h) => h.unitKey)).toEqual(all.hits.map((h) => h.unitKey));
		expect(first.total).toBe(3);
		expect(second.total).toBe(3);
		const beyond = await run({ q: 'sovereign OR souverain', limit: 2, offset: 10 });
		expect(beyond).toEqual({ total: 3, hits: [] });
		for (let i = 1; i < all.hits.length; i++) expect(all.hits[i - 1].rank).toBeGreaterThanOrEqual(all.hits[i].rank);
	});

	it('keeps equally ranked passages in reading order of their numbers', async () => {
		await seedDocument(db, {
			bodyId: ids.wgec16,
			slug: 'numbered',
			title: 'Numbered',
			units: [
				{ key: 'a', number: '10', text: 'Zebra crossings matter.' },
				{ key: 'b', number: '9', text: 'Zebra crossings matter.' },
				{ key: 'c', number: '123456789012345', text: 'Zebra crossings matter.' },
				{ key: 'd', number: '(2)', text: 'Zebra crossings matter.' }
			]
		});
		expect((await run({ q: 'zebra' })).hits.map((h) => h.label)).toEqual(['(2)', '9', '10', '123456789012345']);
	});

	it('re-indexes a new latest version in place, and refuses an older one', async () => {
		const v2 = await seedDocument(db, {
			bodyId: ids.wgec16,
			slug: 'chair-draft-2017',
			title: "Chair's draft recommendations",
			versionNumber: 2,
			units: [
				{ key: 'p-1', number: '1', text: 'Enhanced cooperation should respect the sovereign rights of States and the equal footing of governments.' },
				{ key: 'p-4', number: '3', text: 'A paragraph added in the second version about broadband.' }
			]
		});
		expect(v2.written.entries).toBe(2);
		expect((await run({ q: 'broadband' })).hits[0]).toMatchObject({ unitKey: 'p-4', label: '3' });
		expect((await run({ q: 'capacity building' })).total).toBe(0);
		const count = rows(await db.execute(sql`select count(*)::int as n from search_entries where document_id = ${v2.document.id}`));
		expect(Number(count[0].n)).toBe(2);

		const [v1] = await db.select().from(documentVersions).where(eq(documentVersions.sourceHash, 'chair-draft-2017-1'));
		const [body] = await db.select().from(bodies).where(eq(bodies.id, ids.wgec16));
		await expect(db.transaction((tx) => indexDocumentVersion(tx, { document: v2.document, body, version: v1, units: [] }))).rejects.toThrow(/not its latest/);
		expect((await run({ q: 'broadband' })).total).toBe(1);
	});

	it('lists as filter options only bodies and submitters with published passages', async () => {
		const facets = await listSearchFacets(db);
		expect(facets.bodies.map((b) => b.slug).sort()).toEqual(['wgec-2013-2014', 'wgec-2016-2018']);
		expect(facets.submitters).toEqual([{ kind: 'organisation', id: ids.russia, slug: 'russian-federation', name: 'Russian Federation', names: { fr: 'Fédération de Russie' } }]);
	});

	it('renders hits as text with <mark>, never as markup', async () => {
		const result = await run({ q: 'cybersecurity OR sovereign' });
		// PostgreSQL's headline drops tag-like tokens itself; a passage that still carries markup
		// (e.g. "<script>" written as words) must be shown as text by the page.
		const hostile = { ...result.hits[0], unitKey: 'h', segments: [{ text: '<script>alert(1)</script> & <b>', hit: false }, { text: '<i>sovereign</i>', hit: true }] };
		const { body } = render(SearchPage, {
			props: {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				data: {
					locale: 'en',
					input: { q: 'cybersecurity OR sovereign' },
					query: 'cybersecurity OR sovereign',
					problems: {},
					filtered: false,
					options: { bodies: [], kinds: ['draft', 'contribution'], submitters: [] },
					result: { total: result.total + 1, page: 1, pages: 1, firstNumber: 1, hits: [...result.hits, hostile] }
				} as any
			}
		});
		expect(body).toContain('<mark>cybersecurity</mark>');
		expect(body).toContain('<mark>sovereign</mark>');
		expect(body).not.toContain('<script>alert');
		expect(body).not.toContain('<i>');
		expect(body).toContain('&lt;script>alert(1)&lt;/script> &amp; &lt;b>');
		expect(body).toContain('<mark>&lt;i>sovereign&lt;/i></mark>');
		expect(body).toContain('href="/en/contributions/russian-federation-2016#item-2"');
		expect(body).toMatch(/href="\/en\/documents\/chair-draft-2017#u-p-1"/);
		expect(body).toMatch(/<p class="passage[^"]*" lang="en" dir="ltr">/);
	});

	it('removes a source from the index', async () => {
		const [c] = await db.select().from(contributions).where(eq(contributions.slug, 'russian-federation-2016'));
		await removeFromIndex(db, { contributionId: c.id });
		expect((await run({ q: 'cybersecurity' })).total).toBe(0);
		const left = rows(await db.execute(sql`select count(*)::int as n from search_entries where contribution_id = ${c.id}`));
		expect(Number(left[0].n)).toBe(0);
		expect((await db.select().from(searchEntries).where(eq(searchEntries.sourceKind, 'document'))).length).toBeGreaterThan(0);
	});
});
