import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { interpretRollingDocument, type RollingInterpretation } from '../corpus/rolling';
import { readSubmissionHeading } from '../corpus/submission-heading';
import { groupItems } from '../corpus/units';
import type { SubmitterRef } from '../corpus/plan';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { compileCall, compileCallWithUnits, writeCall } from './compile';
import { display } from './escape';
import { tocOf } from './toc';
import type { CompilationContribution, CompilationInput, StoredTocEntry } from './types';
import { readUnits } from './units';

/**
 * The golden test: the compilation generated from the contributions imported out of the real
 * rolling document (../shared/corpus/003_…) has that document's table of contents, and follows
 * when a contribution is added and another withdrawn. Expectations are structure, numbers and
 * short quotes; the documents are read where they lie, never copied.
 */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const rollingFile = existsSync(corpusDir) ? readdirSync(corpusDir).find((f) => f.startsWith('003_') && f.endsWith('.txt')) : undefined;

/** The compilation's input as the importer would store it: 003's framework, contributions (position, heading, item categories, footnotes) and annexes. */
function inputFrom(rolling: RollingInterpretation, units: readonly ParsedUnit[]): CompilationInput {
	const byKey = new Map(units.map((u) => [u.key, u]));
	const footnotes = new Map(units.filter((u) => u.kind === 'footnote').map((u) => [u.number ?? '', u.text]));
	const name = (s: SubmitterRef) => s.name;
	const contributions: CompilationContribution[] = rolling.contributions.map((c) => ({
		id: c.key,
		heading: c.heading,
		submitters: c.submitters.map(name),
		onBehalfOf: c.onBehalfOf?.text ?? null,
		date: c.date,
		position: c.position,
		status: 'submitted',
		published: true,
		mergedIntoId: null,
		items: c.items.map((item) => ({
			number: item.number,
			kind: item.kind === 'heading' ? 'heading' : item.kind === 'list_item' ? 'list_item' : 'paragraph',
			text: item.text,
			categoryCode: item.categoryCode,
			notes: item.unitKeys.flatMap((k) => byKey.get(k)?.notes ?? []).map((n) => ({ marker: n.marker, text: footnotes.get(n.marker) ?? '' }))
		}))
	}));
	return {
		title: rolling.document.title,
		subtitle: rolling.document.subtitle,
		callTitle: rolling.body.call!.title,
		lang: 'en',
		framework: rolling.body.categories.map((c) => ({ code: c.code, title: c.title, questions: c.questions })),
		contributions,
		annexes: rolling.body.call!.annexes
	};
}

/** Who and when a submission heading names: submitters as ISO codes or names, and the ISO date. */
function who(heading: string): { submitters: string[]; date: string | null } {
	const read = readSubmissionHeading(heading);
	expect(read, heading).not.toBeNull();
	return { submitters: read!.submitters.map((s) => (s.kind === 'organisation' ? s.iso2 : s.name)), date: read!.date };
}

/** The items the parsed compilation holds under each submission heading, regrouped as the importer groups them. */
function itemsUnderSubmissions(units: readonly ParsedUnit[]): { heading: string; items: ReturnType<typeof groupItems> }[] {
	const sections: { heading: string; units: { unit: ParsedUnit; categoryCode: null }[] }[] = [];
	let current: { unit: ParsedUnit; categoryCode: null }[] | null = null;
	for (const u of units) {
		if (u.kind === 'annex' || (u.kind === 'heading' && u.part === 'body' && u.depth <= 1)) {
			current = null;
			if (u.kind === 'heading' && u.depth === 1) {
				current = [];
				sections.push({ heading: display(u.text), units: current });
			}
		} else if (current && u.part === 'body') current.push({ unit: u, categoryCode: null });
	}
	return sections.map((s) => ({ heading: s.heading, items: groupItems(s.units) }));
}

describe.skipIf(!rollingFile)('compileCall on the contributions of the WGEC rolling document (003)', () => {
	const source = readFileSync(join(corpusDir, rollingFile ?? ''), 'utf8');
	const parsed003 = parseDocument(source).units;
	const rolling = interpretRollingDocument(rollingFile ?? '', parsed003);
	const expected = rolling.document.compilation!;
	const input = inputFrom(rolling, parsed003);

	it("has 003's 28 table-of-contents entries in order, with the same submitters, dates and codes", () => {
		expect(rolling.warnings).toEqual([]);
		const compiled = compileCall(input);
		const units = parseDocument(compiled.text).units;
		const toc = tocOf(units);

		// The generator's own entries are what the text reads back as.
		expect(toc).toEqual(compiled.entries.map(({ contributionId: _id, ...rest }) => rest));

		expect(toc).toHaveLength(28);
		expect(toc.map((e) => e.kind)).toEqual(expected.map((e) => e.kind));
		expect(toc.filter((e) => e.kind === 'category')).toHaveLength(5);
		expect(toc.filter((e) => e.kind === 'submission')).toHaveLength(20);
		expect(toc.filter((e) => e.kind === 'uncategorized')).toHaveLength(1);
		expect(toc.filter((e) => e.kind === 'annex')).toHaveLength(2);
		toc.forEach((entry, i) => {
			const original = expected[i];
			expect(entry.categoryCode).toBe(original.categoryCode);
			if (entry.kind === 'category') expect(entry.heading).toBe(original.heading);
			if (entry.kind === 'submission') expect(who(entry.heading)).toEqual(who(original.heading));
			if (entry.kind === 'uncategorized') expect(entry.heading).toMatch(/could not be categorized/);
			if (entry.kind === 'annex') expect(entry.heading.replace(/^Annex \d+ – /, '')).toBe(original.heading.replace(/^ANNEX \d+:\s*/, '').replace(/\.$/, ''));
		});
		// Submissions are numbered within their part, as 003 numbers them (Group C: 1–4).
		expect(toc.filter((e) => e.kind === 'submission' && e.categoryCode === 'C').map((e) => e.number)).toEqual(['1', '2', '3', '4']);
		// The entries name the contributions they show.
		const ids = compiled.entries.filter((e) => e.kind === 'submission').map((e) => e.contributionId);
		expect(ids).toEqual(expected.filter((e) => e.kind === 'submission').map((e) => e.contributionKey));
	});

	it('puts under each heading the items of that category, with their numbers, text and footnotes', () => {
		const compiled = compileCall(input);
		const units = parseDocument(compiled.text).units;
		const sections = itemsUnderSubmissions(units);
		const submissions = compiled.entries.filter((e) => e.kind === 'submission');
		expect(sections).toHaveLength(20);
		sections.forEach((section, i) => {
			const entry = submissions[i];
			const contribution = input.contributions.find((c) => c.id === entry.contributionId)!;
			const items = contribution.items.filter((item) => item.categoryCode === entry.categoryCode);
			expect(section.items.map((x) => x.number), section.heading).toEqual(items.map((x) => (x.kind === 'heading' ? null : x.number)));
			expect(section.items.map((x) => display(x.text)), section.heading).toEqual(items.map((x) => (x.kind === 'heading' && x.number ? `${x.number}. ${x.text}` : x.text)));
		});
		// Japan's Group D item (1) keeps its six sub-items; Carlos Alonso keeps his 7 paragraphs.
		const japanD = sections[submissions.findIndex((e) => e.categoryCode === 'D' && e.contributionId?.includes('jp-'))];
		expect(japanD.items[0].text.split('\n')).toHaveLength(7);
		expect(sections[submissions.findIndex((e) => e.contributionId?.includes('carlos-alonso'))].items).toHaveLength(7);
		// India's footnote on its report structure is the compilation's footnote 1, defined once.
		const notes = units.filter((u) => u.kind === 'footnote' && u.part === 'body');
		expect(compiled.footnoteCount).toBe(1);
		expect(notes.map((u) => u.number)).toEqual(['1']);
		expect(notes[0].text).toMatch(/^Submitted on 25 November 2013 by Mr\. Reddy/);
		expect(units.find((u) => u.notes.some((n) => n.marker === '1') && u.part === 'body')?.text).toMatch(/^Draft Structure of Final Report/);
	});

	it('gives, read from what it wrote, exactly the units the parser reads (as a stored version holds them)', () => {
		const compiled = compileCallWithUnits(input);
		expect(compiled.text).toBe(compileCall(input).text);
		const { layout } = writeCall(input);
		expect(readUnits(compiled.text, layout)).not.toBeNull();
		expect(compiled.units).toEqual(parseDocument(compiled.text).units);
	});

	it('follows when a contribution in category B is added and another is withdrawn', () => {
		const before = compileCall(input);
		const japan = input.contributions.find((c) => c.id.includes('/jp-'))!;
		const lastPosition = Math.max(...input.contributions.map((c) => c.position));
		const added: CompilationContribution = {
			id: 'new-br-in',
			heading: null,
			submitters: ['Brazil', 'India'],
			onBehalfOf: null,
			date: '2014-02-20',
			position: lastPosition + 1,
			status: 'submitted',
			published: true,
			mergedIntoId: null,
			items: [{ number: '(1)', kind: 'paragraph', text: 'Calls for a standing mechanism on public policy issues.', categoryCode: 'B', notes: [] }]
		};
		const after = compileCall({
			...input,
			contributions: [...input.contributions.map((c) => (c === japan ? { ...c, status: 'withdrawn' as const } : c)), added]
		});
		const units = parseDocument(after.text).units;
		const toc = tocOf(units);
		expect(toc).toEqual(after.entries.map(({ contributionId: _id, ...rest }) => rest));

		// Japan contributed to all five groups: five headings go, one comes.
		const japanEntries = before.entries.filter((e) => e.contributionId === japan.id);
		expect(japanEntries).toHaveLength(5);
		expect(toc).toHaveLength(28 - 5 + 1);
		expect(toc.filter((e) => e.kind === 'submission').some((e) => who(e.heading).date === japan.date)).toBe(false);

		// The new heading follows the template and ends Group B.
		const groupB = toc.filter((e) => e.kind === 'submission' && e.categoryCode === 'B');
		const last = groupB[groupB.length - 1];
		expect(last.heading).toBe('Draft recommendations submitted by Brazil and India (20 February 2014)');
		expect(who(last.heading)).toEqual({ submitters: ['BR', 'IN'], date: '2014-02-20' });
		expect(groupB.map((e) => e.number)).toEqual(['1', '2', '3']);
		const nextPart = toc.indexOf(last) + 1;
		expect(toc[nextPart].kind).toBe('category');
		expect(toc[nextPart].categoryCode).toBe('C');

		// The body follows: Japan's items are gone, the new item sits under the new heading.
		const sections = itemsUnderSubmissions(units);
		const count = (s: typeof sections) => s.reduce((n, x) => n + x.items.length, 0);
		const beforeSections = itemsUnderSubmissions(parseDocument(before.text).units);
		expect(count(sections)).toBe(count(beforeSections) - japan.items.length + 1);
		const allText = units.map((u) => u.text).join('\n');
		for (const item of japan.items) expect(allText.includes(item.text.split('\n')[0])).toBe(false);
		const newSection = sections.find((s) => s.heading === last.heading)!;
		expect(newSection.items.map((x) => [x.number, x.text])).toEqual([['(1)', 'Calls for a standing mechanism on public policy issues.']]);
		// Nothing else moved: the other entries keep their order.
		const kept = (entries: StoredTocEntry[]) => entries.filter((e) => e.heading !== last.heading).map((e) => `${e.kind}|${e.categoryCode}|${e.heading}`);
		const beforeKept = tocOf(parseDocument(before.text).units).filter((_e, i) => before.entries[i].contributionId !== japan.id);
		expect(kept(toc)).toEqual(kept(beforeKept).map((k) => k)); // same headings, same order
	});
});
