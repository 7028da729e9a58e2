import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database } from '../../src/lib/server/db/client';
import { rows } from '../../src/lib/server/db/migrate';
import { importCorpus } from '../../src/lib/server/importers/corpus';
import { findBodyBySlug, listMemberships } from '../../src/lib/server/repositories/bodies';
import { listMeetings } from '../../src/lib/server/repositories/meetings';
import { findOrganisationBySlug } from '../../src/lib/server/repositories/organisations';
import { listContributions, contributionItemsWithCategories } from '../../src/lib/server/repositories/contributions';
import { latestVersion, listDocuments, versionUnits } from '../../src/lib/server/repositories/documents';
import { search } from '../../src/lib/server/search/query';

const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const TABLES = ['bodies', 'organisations', 'persons', 'memberships', 'meetings', 'categories', 'documents', 'document_versions', 'units', 'contributions', 'contribution_submitters', 'contribution_items', 'search_entries', 'audit_events'];

async function snapshot(d: Database) {
	const out: Record<string, string> = {};
	for (const t of TABLES) {
		// A digest of every row's content, so "unchanged" means contents too, not only counts.
		const [r] = rows(await d.db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`)));
		out[t] = `${r.n}:${r.h}`;
	}
	return out;
}

describe.each(databaseKinds())('importing the WGEC corpus on %s', (kind) => {
	let d: Database;
	let first: { created: number; updated: number };
	const lines: string[] = [];
	beforeAll(async () => {
		d = await freshDatabase(kind);
		first = await importCorpus(d.db, CORPUS, (l) => lines.push(l));
	});
	afterAll(async () => {
		await d?.close();
	});

	it('creates the records and prints progress', () => {
		expect(first.created).toBeGreaterThan(40);
		expect(lines.some((l) => l.startsWith('Documents'))).toBe(true);
		expect(lines.at(-1)).toMatch(/^\d+ created, 0 updated/);
	});

	it('is idempotent: a second run creates and updates nothing and changes no row', async () => {
		const before = await snapshot(d);
		const again: string[] = [];
		const second = await importCorpus(d.db, CORPUS, (l) => again.push(l));
		expect(second.created).toBe(0);
		expect(second.updated).toBe(0);
		expect(again.at(-1)).toMatch(/^0 created, 0 updated/);
		expect(await snapshot(d)).toEqual(before);
	});

	it('has both bodies, with their Chairs, meetings and declared composition', async () => {
		const b13 = await findBodyBySlug(d.db, 'wgec-2013-2014');
		const b16 = await findBodyBySlug(d.db, 'wgec-2016-2018');
		expect(b13?.shortName).toBe('WGEC 2013–2014');
		expect(b16?.shortName).toBe('WGEC 2016–2018');
		const m16 = await listMemberships(d.db, b16!.id);
		const chair = m16.find((m) => m.role === 'chair');
		expect(chair?.person?.name).toBe('Benedicto Fonseca Filho');
		expect(chair?.organisation?.name).toBe('Brazil');
		const m13 = await listMemberships(d.db, b13!.id);
		expect(m13.find((m) => m.role === 'chair')?.person?.name).toBe('Peter Major');
		expect(m13.filter((m) => m.role === 'coordinator').map((m) => m.person?.name).sort()).toEqual(['Joy Liddicoat', 'Phil Rushton']);
		const meetings = await listMeetings(d.db, b16!.id);
		expect(meetings.map((m) => [m.number, m.startsOn, m.endsOn])).toEqual([
			[1, '2016-09-30', '2016-09-30'],
			[2, '2017-01-26', '2017-01-27'],
			[3, '2017-05-03', '2017-05-05'],
			[4, '2017-09-25', '2017-09-27'],
			[5, '2018-01-29', '2018-01-31']
		]);
		expect(meetings.every((m) => m.remoteParticipation && m.venue === 'Geneva')).toBe(true);
		expect(b16!.declaredComposition.map((c) => c.count)).toEqual([22, 20]);
		// Only the people the documents name: no invented members.
		expect(m16.length).toBe(1);
	});

	it('gives the Russian Federation contributions in both bodies, one with items in all five categories numbered (1)–(11)', async () => {
		const ru = await findOrganisationBySlug(d.db, 'russian-federation');
		expect(ru?.iso2).toBe('RU');
		expect(ru?.names.ru).toBe('Российская Федерация');
		expect(ru?.region).toBe('Europe');
		const list = await listContributions(d.db, { organisationId: ru!.id });
		const bodiesOf = new Set(list.map((c) => c.bodyId));
		expect(bodiesOf.size).toBe(2);
		const dec2013 = list.find((c) => c.submittedOn === '2013-12-12')!;
		const items = await contributionItemsWithCategories(d.db, dec2013.id);
		expect(new Set(items.map((i) => i.category?.code))).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
		expect(items.map((i) => i.item.number).sort((a, b) => Number(a!.slice(1, -1)) - Number(b!.slice(1, -1)))).toEqual(Array.from({ length: 11 }, (_, i) => `(${i + 1})`));
	});

	it('keeps imported headings as written and the joint 2017 contribution with its four submitters', async () => {
		const b13 = await findBodyBySlug(d.db, 'wgec-2013-2014');
		const c13 = await listContributions(d.db, { bodyId: b13!.id });
		expect(c13.map((c) => c.heading)).toContain('Recommendations submitted by Mr. Carlos Alonso (08 November 2013)');
		expect(c13.some((c) => c.heading.startsWith('Draft recommendation submitted by Ms. Avri Doria on behalf of'))).toBe(true);
		const b16 = await findBodyBySlug(d.db, 'wgec-2016-2018');
		const c16 = await listContributions(d.db, { bodyId: b16!.id });
		const joint = c16.find((c) => c.submitters.length === 4)!;
		expect(joint.submitters.map((s) => s.name)).toEqual(['Saudi Arabia', 'Russian Federation', 'Pakistan', 'Parminder Singh']);
		expect(joint.submitters.map((s) => s.kind)).toEqual(['organisation', 'organisation', 'organisation', 'person']);
		const comments = c16.find((c) => c.targetDocumentId !== null);
		expect(comments?.submitters.map((s) => s.name)).toEqual(['Russian Federation']);
	});

	it('stores the Chair’s draft as structured units: paragraphs 1–15, recommendations 1–19, footnotes anchored', async () => {
		const b16 = await findBodyBySlug(d.db, 'wgec-2016-2018');
		const draft = (await listDocuments(d.db, { bodyId: b16!.id })).find((x) => x.kind === 'draft')!;
		expect(draft.issuedOn).toBe('2017-11-11');
		const units = await versionUnits(d.db, (await latestVersion(d.db, draft.id))!.id);
		const numbered = (prefix: string) => units.filter((u) => u.kind === 'paragraph' && u.key.startsWith(prefix) && /^\w+-p\d+$/.test(u.key)).map((u) => u.number);
		expect(numbered('intro-')).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
		expect(numbered('rec-')).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
		const noteHolder = (marker: string) => units.find((u) => u.notes.some((n) => n.marker === marker));
		const n9 = noteHolder('9')!;
		expect(n9.text.slice(0, n9.notes[0].offset)).toMatch(/Transparency$/);
		const n10 = noteHolder('10')!;
		expect(n10.key).toBe('rec-p8');
		expect(n10.text.slice(0, n10.notes[0].offset)).toMatch(/marginalized groups$/);
		expect(noteHolder('11')!.key).toBe('rec-p15');
		for (const u of units) {
			expect(u.text).not.toMatch(/[\uF0B7\uF0FC]/);
			expect(u.text).not.toMatch(/Internet- related|twenty- first/);
		}
		expect(units.find((u) => u.key === 'intro-p2')!.text).toMatch(/nineteenth session.*Annex I/s);
	});

	it('makes the documents searchable in their language', async () => {
		const result = await search(d.db, { q: 'sovereign', limit: 20, offset: 0 });
		expect(result.total).toBeGreaterThan(0);
		expect(result.hits.some((h) => h.segments.some((s) => s.hit && /sovereign/i.test(s.text)))).toBe(true);
	});

	it('shows a passage that a contribution and its text document share once, as the contribution', async () => {
		const result = await search(d.db, { q: 'sovereign', limit: 50, offset: 0 });
		// The delegation's recommendation 2, with its struck-through words, stands both as an item of
		// its comments and in the document holding their text: it is found once, as the contribution.
		const struck = result.hits.filter((h) => h.segments.some((s) => s.text.includes('~~respect for the')));
		expect(struck.map((h) => h.sourceKind)).toEqual(['contribution']);
	});

	it('writes an audit event for every record it created', async () => {
		const [r] = rows(await d.db.execute(sql`select count(*)::int as n from audit_events where action = 'import.create'`));
		expect(Number(r.n)).toBe(first.created);
		// Each event says what was set: e.g. the Chair's draft's kind and its first version.
		const [draft] = rows(await d.db.execute(sql`select changes from audit_events where entity_type = 'document' and summary like 'DRAFT REPORT%'`));
		expect(draft.changes).toMatchObject({ kind: { from: null, to: 'draft' }, version: { from: null, to: 1 } });
	});
});
