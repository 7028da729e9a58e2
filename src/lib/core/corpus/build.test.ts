import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseHeading } from '../documents/headings';
import { buildCorpusPlan } from './build';
import type { ContributionPlan, CorpusPlan, SourceRef } from './plan';

/** The import plan built from the real corpus, read where it lies (../shared/corpus or PLENARY_CORPUS_DIR). */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const names = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')) : [];
const files: Record<string, string> = Object.fromEntries(names.map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]));
const corpusText = Object.values(files).join('\n');

describe.skipIf(names.length < 5)('buildCorpusPlan on the WGEC corpus', () => {
	const plan: CorpusPlan = buildCorpusPlan(files);
	const body = (slug: string) => plan.bodies.find((b) => b.slug === slug)!;
	const contribution = (key: string) => plan.contributions.find((c) => c.key === key)!;
	const who = (c: ContributionPlan) => c.submitters.map((s) => (s.kind === 'organisation' ? s.iso2 : s.name));

	it('recognises all five files and warns about nothing', () => {
		expect(plan.warnings).toEqual([]);
		expect(plan.documents.map((d) => d.fileName).sort()).toEqual([...names].sort());
	});

	it('has both bodies with their Chairs, coordinators and mandates', () => {
		expect(plan.bodies.map((b) => b.slug)).toEqual(['wgec-2013-2014', 'wgec-2016-2018']);
		const early = body('wgec-2013-2014');
		expect(early.roles.map((r) => [r.role, r.person.name])).toEqual([
			['chair', 'Peter Major'],
			['coordinator', 'Phil Rushton'],
			['coordinator', 'Joy Liddicoat']
		]);
		expect(early.roles[2].description).toBe('co-coordinator of the Correspondence Group');
		expect(early.mandate?.text).toMatch(/resolution 67\/195/);
		const late = body('wgec-2016-2018');
		expect(late.roles).toHaveLength(1);
		expect(late.roles[0]).toMatchObject({ role: 'chair', person: { name: 'Benedicto Fonseca Filho', honorific: 'Ambassador' }, organisation: { iso2: 'BR' } });
		expect(late.mandate?.text).toBe(
			'To develop recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda (paragraph 65 of General Assembly resolution A/RES/70/125).'
		);
		expect(late.declaredComposition).toMatchObject({ memberStates: 22, otherMembers: 20 });
	});

	it('has the meetings with their dates', () => {
		expect(body('wgec-2013-2014').meetings.map((m) => [m.number, m.startDate, m.endDate, m.venue])).toEqual([[2, '2013-11-06', '2013-11-08', 'Geneva']]);
		const meetings = body('wgec-2016-2018').meetings;
		expect(meetings.map((m) => [m.number, m.startDate, m.endDate])).toEqual([
			[1, '2016-09-30', '2016-09-30'],
			[2, '2017-01-26', '2017-01-27'],
			[3, '2017-05-03', '2017-05-05'],
			[4, '2017-09-25', '2017-09-27'],
			[5, '2018-01-29', '2018-01-31']
		]);
		expect(meetings.every((m) => m.venue === 'Geneva' && m.remoteParticipation && m.liveCaptioning)).toBe(true);
	});

	it('has the framework categories A–E with their questions, and the 18 questions', () => {
		const early = body('wgec-2013-2014');
		expect(early.categories.map((c) => [c.code, c.questions])).toEqual([
			['A', [2, 3]],
			['B', [4, 8, 9]],
			['C', [5, 6, 7, 14, 17]],
			['D', [10, 15]],
			['E', [11, 12, 13, 16]]
		]);
		expect(early.categories[0].title).toBe('Implementation of the Tunis Agenda');
		expect(early.questionnaire.map((q) => q.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
	});

	it("has the Chair's draft and the rolling document with their parsed units", () => {
		const draft = plan.documents.find((d) => d.kind === 'draft')!;
		expect(draft).toMatchObject({ key: 'wgec-2016-2018/chair-draft-2017-11-11', bodySlug: 'wgec-2016-2018', date: '2017-11-11' });
		expect(draft.units.filter((u) => u.parentKey === 'rec' && u.kind === 'paragraph')).toHaveLength(19);
		const rolling = plan.documents.find((d) => d.kind === 'compilation')!;
		expect(rolling.bodySlug).toBe('wgec-2013-2014');
	});

	it("reproduces the compilation's table of contents: 28 entries, the 20 submission headings in order", () => {
		const rolling = plan.documents.find((d) => d.kind === 'compilation')!;
		const toc = rolling.units.filter((u) => u.parentKey === 'toc');
		const entries = rolling.compilation!;
		expect(entries).toHaveLength(28);
		expect(entries.map((e) => normaliseHeading(e.heading))).toEqual(toc.map((u) => normaliseHeading(u.text)));
		const submissions = entries.filter((e) => e.kind === 'submission');
		expect(submissions).toHaveLength(20);
		expect(submissions.map((e) => normaliseHeading(e.heading))).toEqual(toc.filter((u) => u.number !== null).map((u) => normaliseHeading(u.text)));
		expect(entries.filter((e) => e.kind === 'category').map((e) => e.categoryCode)).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(entries.filter((e) => e.kind === 'uncategorized')).toHaveLength(1);
		expect(entries.filter((e) => e.kind === 'annex')).toHaveLength(2);
	});

	it('makes one contribution per submission, in an order every part of the compilation follows, with headings as written', () => {
		const early = plan.contributions.filter((c) => c.bodySlug === 'wgec-2013-2014');
		expect(early.map((c) => [c.position, who(c).join('+'), c.date])).toEqual([
			[1, 'BR+MX+SE+GB+Per Linner', '2013-11-08'],
			[2, 'US', '2013-11-09'],
			[3, 'IN', '2013-11-25'],
			[4, 'Carlos Alonso', '2013-11-08'],
			[5, 'Jimson Olufuye', '2013-11-27'],
			[6, 'RU', '2013-12-12'],
			[7, 'JP', '2014-02-07'],
			[8, 'Avri Doria', '2014-02-12']
		]);
		expect(early[7].heading).toBe(
			'Draft recommendation submitted by Ms. Avri Doria on behalf of by a group of WGEC Members and Observers (Avri Doria, Grace Githaiga, Lea Kaspar, and Joy Liddicoat) (12 February 2014)'
		);
		expect(early[7].onBehalfOf?.persons.map((p) => p.name)).toEqual(['Avri Doria', 'Grace Githaiga', 'Lea Kaspar', 'Joy Liddicoat']);
		expect(early[3].heading).toBe('Recommendations submitted by Mr. Carlos Alonso (08 November 2013)');
		expect(new Set(early[7].items.map((i) => i.categoryCode))).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
		expect(early[7].sources).toHaveLength(5);
		expect(early[0].items.every((i) => i.categoryCode === null)).toBe(true);
	});

	it("gives the Russian Federation's 12 December 2013 submission items (1)–(11) in all five groups", () => {
		const ru = contribution('wgec-2013-2014/ru-2013-12-12');
		expect(ru.items.map((i) => [i.categoryCode, i.number])).toEqual([
			['A', '(1)'],
			['B', '(9)'],
			['B', '(10)'],
			['B', '(11)'],
			['C', '(8)'],
			['D', '(2)'],
			['D', '(3)'],
			['D', '(4)'],
			['E', '(5)'],
			['E', '(6)'],
			['E', '(7)']
		]);
		expect(ru.items.map((i) => i.position)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
		expect(ru.items[0].text).toMatch(/^Recalls paragraphs 69 of the Tunis Agenda.*issues;$/);
		expect(ru.items[0].source).toContain('(1)');
		expect(ru.submitters).toEqual([{ kind: 'organisation', organisationKind: 'member_state', name: 'Russian Federation', nameAsWritten: 'the Russian Federation', iso2: 'RU' }]);
	});

	it('has the three 2016–2018 contributions', () => {
		const late = plan.contributions.filter((c) => c.bodySlug === 'wgec-2016-2018');
		expect(late.map((c) => c.position)).toEqual([1, 2, 3]);
		const [guiding, joint, comments] = late;
		expect(guiding).toMatchObject({ date: '2016-12-05', meetingNumber: 2 });
		expect(who(guiding)).toEqual(['RU']);
		expect(joint).toMatchObject({ date: null, meetingNumber: 4 });
		expect(who(joint)).toEqual(['SA', 'RU', 'PK', 'Parminder Singh']);
		expect(joint.items).toHaveLength(10);
		expect(who(comments)).toEqual(['RU']);
		expect(comments.targetDocumentKey).toBe('wgec-2016-2018/chair-draft-2017-11-11');
		expect(comments.heading).toMatch(/^Comments to the Chairman's initial proposal of 11 November 2017$/);
		for (const c of late) expect(plan.documents.some((d) => d.key === c.documentKey && d.kind === 'contribution')).toBe(true);
	});

	it('names only Member States with ISO codes and persons the documents name', () => {
		expect(plan.organisations.map((o) => o.iso2)).toEqual(['BR', 'GB', 'IN', 'JP', 'MX', 'PK', 'RU', 'SA', 'SE', 'US']);
		for (const o of plan.organisations) expect(corpusText.toLowerCase()).toContain(o.nameAsWritten.toLowerCase());
		expect(plan.persons.length).toBeGreaterThanOrEqual(10);
		for (const p of plan.persons) expect(corpusText.toLowerCase()).toContain(p.name.toLowerCase());
	});

	it('cites sources that exist', () => {
		const units = new Map(plan.documents.map((d) => [d.key, new Set(d.units.map((u) => u.key))]));
		const refs: SourceRef[] = [
			...plan.bodies.flatMap((b) => [
				...(b.mandate ? [b.mandate.source] : []),
				...b.roles.map((r) => r.source),
				...b.meetings.map((m) => m.source),
				...b.categories.map((c) => c.source),
				...b.questionnaire.map((q) => q.source),
				...(b.declaredComposition ? [b.declaredComposition.source] : [])
			]),
			...plan.contributions.flatMap((c) => c.sources)
		];
		for (const r of refs) {
			expect(units.has(r.documentKey)).toBe(true);
			if (r.unitKey !== null) expect(units.get(r.documentKey)!.has(r.unitKey)).toBe(true);
		}
		for (const c of plan.contributions) for (const i of c.items) for (const k of i.unitKeys) expect(units.get(c.documentKey)!.has(k)).toBe(true);
	});

	it('recognises files by content, reports the unknown, and is deterministic', () => {
		const renamed = Object.fromEntries(Object.values(files).map((text, i) => [`upload-${i}.txt`, text]));
		const again = buildCorpusPlan({ ...renamed, 'notes.txt': 'Nothing to see here.' });
		expect(again.warnings).toEqual(['notes.txt: not one of the WGEC corpus documents']);
		const strip = (p: CorpusPlan) => JSON.stringify({ ...p, warnings: [], documents: p.documents.map((d) => ({ ...d, fileName: '' })) });
		expect(strip(again)).toBe(strip(plan));
		expect(JSON.stringify(buildCorpusPlan(files))).toBe(JSON.stringify(plan));
	});
});

describe('buildCorpusPlan on partial input', () => {
	it('returns an empty plan with a warning for unknown files', () => {
		expect(buildCorpusPlan({ 'x.txt': 'hello' })).toEqual({ bodies: [], organisations: [], persons: [], documents: [], contributions: [], warnings: ['x.txt: not one of the WGEC corpus documents'] });
	});
	it.skipIf(names.length < 5)('warns when the comments arrive without the draft they comment on', () => {
		const comments = Object.entries(files).find(([, t]) => /^[\s*#]*Comments to the Chairman/im.test(t))!;
		const plan = buildCorpusPlan({ [comments[0]]: comments[1] });
		expect(plan.contributions[0].targetDocumentKey).toBeNull();
		expect(plan.warnings.some((w) => /not among the files/.test(w))).toBe(true);
	});
});
