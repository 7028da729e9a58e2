import type { ParsedUnit } from '../documents/types';
import { WGEC_2013 } from './bodies';
import { dateRanges, ordinal } from './dates';
import { contributionKey, personName } from './parties';
import type { BodyPlan, CallPlan, CategoryPlan, CompilationEntry, ContributionPlan, DocumentPlan, MeetingPlan, QuestionPlan, RolePlan } from './plan';
import { isSubmissionHeading, readSubmissionHeading } from './submission-heading';
import { findUnit, groupItems, sourceOf } from './units';

/**
 * The 2013–2014 rolling document ("Proposals of Draft Recommendations — Rolling Document"): the
 * secretariat's compilation of submissions grouped by the Chair's framework (Groups A–E), with
 * the Chair's e-mail (Annex 1) and the questionnaire (Annex 2).
 *
 * What it yields:
 *  - the framework categories A–E with their questions, read from the abstract's list
 *    ("a. Implementation of the Tunis Agenda (Questions 2 and 3);" → A, [2, 3]);
 *  - the questionnaire's 18 questions (Annex 2);
 *  - the Chair (the sender of Annex 1's message "from the Chair of the WGEC") and the
 *    Correspondence Group's coordinator and co-coordinator (thanked in that message);
 *  - meeting 2 ("the second meeting of the WGEC held on 6-8 November 2013 in Geneva");
 *  - the compilation's structure (5 categories, 20 submission headings, the uncategorised
 *    section, 2 annexes — the same 28 entries as its table of contents);
 *  - one contribution per submitter and date: a submission appears once per category it
 *    contributes to, under the same heading, so the Russian Federation's 12 December 2013
 *    submission is one contribution with items (1)–(11) in all five categories.
 */
export interface RollingInterpretation {
	document: DocumentPlan;
	body: Pick<BodyPlan, 'mandate' | 'roles' | 'meetings' | 'categories' | 'questionnaire' | 'call'>;
	contributions: ContributionPlan[];
	warnings: string[];
}

const CATEGORY_ITEM_RE = /^(.+?)\s*\(Questions?\s+([\d,\sand]+)\)\s*[;.]?$/i;

/** Interprets the parsed rolling document. `documentKey` names it in the plan. */
export function interpretRollingDocument(fileName: string, units: ParsedUnit[]): RollingInterpretation {
	const warnings: string[] = [];
	const documentKey = `${WGEC_2013}/rolling-document`;
	const src = (u: ParsedUnit | null) => sourceOf(documentKey, u);

	const titles = units.filter((u) => u.kind === 'title').map((u) => u.text);
	const title = titles.find((t) => /Proposals of Draft Recommendations/i.test(t)) ?? 'Proposals of Draft Recommendations';
	const subtitle = titles.find((t) => /Rolling Document/i.test(t)) ?? null;

	const categories = readCategories(units, src, warnings);
	const questionnaire = readQuestionnaire(units, src);
	const roles = readRoles(units, src, warnings);
	const meetings = readMeetings(units, src, warnings);
	const mandate = readMandate(units, src);

	const { entries, contributions } = readCompilation(units, documentKey, categories, warnings);
	const call = readCall(units, src, title, subtitle, questionnaire, contributions);
	return {
		document: { key: documentKey, bodySlug: WGEC_2013, kind: 'compilation', title, subtitle, date: null, meetingNumber: null, fileName, lang: 'en', units, compilation: entries },
		body: { mandate, roles, meetings, categories, questionnaire, call },
		contributions,
		warnings
	};
}

function readCategories(units: ParsedUnit[], src: (u: ParsedUnit | null) => CategoryPlan['source'], warnings: string[]): CategoryPlan[] {
	const categories: CategoryPlan[] = [];
	for (const u of units) {
		if (u.kind !== 'list_item' || !u.number || !/^[a-z]$/i.test(u.number)) continue;
		const m = CATEGORY_ITEM_RE.exec(u.text);
		if (!m) continue;
		const code = u.number.toUpperCase();
		if (categories.some((c) => c.code === code)) break; // the same list again (Annex 1): the first one counts
		const questions = (m[2].match(/\d+/g) ?? []).map(Number);
		categories.push({ code, title: m[1].trim(), questions, position: categories.length + 1, source: src(u) });
	}
	if (categories.length === 0) warnings.push('rolling document: the framework categories (a. … (Questions …)) were not found');
	for (const c of categories) {
		const heading = units.find((u) => u.kind === 'heading' && new RegExp(`^GROUP\\s+${c.code}\\b`, 'i').test(u.text));
		if (!heading) warnings.push(`rolling document: no heading for Group ${c.code}`);
		else if (!heading.text.includes(c.title)) warnings.push(`rolling document: Group ${c.code} heading differs from the framework ("${heading.text}")`);
	}
	return categories;
}

/**
 * The call the framework answered: the Chair's message (Annex 1) asked for draft recommendations
 * in the framework's groups; the questionnaire's questions are those the groups cite. Its annexes
 * are the compilation's, as written (their heading line left out: the compilation titles them).
 */
function readCall(
	units: ParsedUnit[],
	src: (u: ParsedUnit | null) => CallPlan['source'],
	title: string,
	subtitle: string | null,
	questionnaire: QuestionPlan[],
	contributions: ContributionPlan[]
): CallPlan | null {
	const dates = contributions.map((c) => c.date).filter((d): d is string => !!d).sort();
	if (dates.length === 0) return null;
	const annexHeadings = units.filter((u) => u.kind === 'annex');
	const annexes = annexHeadings.map((a) => ({
		title: a.text.replace(/^ANNEX\s+\d+\s*[:.–-]\s*/i, '').replace(/\.$/, ''),
		text: units
			.filter((u) => u.part === a.part && u.key !== a.key)
			.map((u) => u.source)
			.join('')
			.trim()
	}));
	const message = annexHeadings.find((a) => /message from the chair/i.test(a.text)) ?? null;
	return {
		key: `${WGEC_2013}/call-draft-recommendations`,
		title: 'Draft recommendations in the temporary draft framework',
		questions: questionnaire.map((q) => q.text),
		opensOn: dates[0],
		closesOn: dates[dates.length - 1],
		compilationTitle: subtitle ? `${title} — ${subtitle}` : title,
		annexes,
		source: src(message)
	};
}

function readQuestionnaire(units: ParsedUnit[], src: (u: ParsedUnit | null) => QuestionPlan['source']): QuestionPlan[] {
	const annex = units.find((u) => u.kind === 'annex' && /questionnaire/i.test(u.text));
	if (!annex) return [];
	return units
		.filter((u) => u.part === annex.part && u.kind === 'paragraph' && u.number !== null && /^\d+$/.test(u.number))
		.map((u) => ({ number: Number(u.number), text: u.text, source: src(u) }));
}

function readRoles(units: ParsedUnit[], src: (u: ParsedUnit | null) => RolePlan['source'], warnings: string[]): RolePlan[] {
	const roles: RolePlan[] = [];
	const annex = units.find((u) => u.kind === 'annex' && /message from the chair/i.test(u.text));
	const inAnnex = annex ? units.filter((u) => u.part === annex.part) : [];
	const from = findUnit(inAnnex, /^From:\s*[^<]+</);
	const chair = from ? personName(/^From:\s*([^<]+?)\s*</.exec(from.text)?.[1] ?? '') : null;
	if (annex && chair) {
		const what = /from the (Chair of the [A-Z]+)/i.exec(annex.text)?.[1] ?? 'Chair';
		roles.push({ role: 'chair', person: chair, organisation: null, description: what, source: src(from) });
	} else warnings.push('rolling document: the Chair (sender of the message in Annex 1) was not found');

	const thanks = /thanks to (\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)+) for volunteering as (co-coordinator|coordinator)(?: of the (\p{Lu}[\p{L} ]+?)(?=\s*\(|\s+of\b|[.,]))?/gu;
	let group = '';
	for (const u of inAnnex) {
		for (const m of u.text.matchAll(thanks)) {
			const person = personName(m[1]);
			if (!person) continue;
			group = m[3] ?? group;
			roles.push({ role: 'coordinator', person, organisation: null, description: group ? `${m[2]} of the ${group}` : m[2], source: src(u) });
		}
	}
	if (!roles.some((r) => r.role === 'coordinator')) warnings.push('rolling document: the Correspondence Group coordinators were not found');
	return roles;
}

function readMeetings(units: ParsedUnit[], src: (u: ParsedUnit | null) => MeetingPlan['source'], warnings: string[]): MeetingPlan[] {
	const meetings: MeetingPlan[] = [];
	const re = /\b(\w+) meeting of the WGEC held on ([0-9][^,]*?\d{4}) in (\p{Lu}\p{L}+)/u;
	for (const u of units) {
		const m = re.exec(u.text);
		if (!m) continue;
		const number = ordinal(m[1]);
		const dates = dateRanges(m[2]);
		if (number === null || dates.length !== 1 || meetings.some((x) => x.number === number)) continue;
		meetings.push({ number, startDate: dates[0].start, endDate: dates[0].end, venue: m[3], remoteParticipation: null, liveCaptioning: null, source: src(u) });
	}
	if (meetings.length === 0) warnings.push('rolling document: no dated meeting found');
	return meetings;
}

function readMandate(units: ParsedUnit[], src: (u: ParsedUnit | null) => RolePlan['source']): BodyPlan['mandate'] {
	const task = findUnit(units, /^To make recommendations on how to fully implement the mandate of WSIS regarding Enhanced Cooperation/i);
	const resolution = units.map((u) => /General Assembly Resolution (\d+\/\d+)/i.exec(u.text)?.[1]).find(Boolean);
	if (!task) return null;
	const sentence = task.text.replace(/[.;:]?$/, '');
	return { text: resolution ? `${sentence} (General Assembly resolution ${resolution}).` : `${sentence}.`, source: src(task) };
}

/**
 * Walks the body of the compilation: category headings set the current category; submission
 * headings open (or reopen) a contribution; everything else until the next heading of either
 * kind is the current submission's content.
 */
function readCompilation(
	units: ParsedUnit[],
	documentKey: string,
	categories: CategoryPlan[],
	warnings: string[]
): { entries: CompilationEntry[]; contributions: ContributionPlan[] } {
	const entries: CompilationEntry[] = [];
	const contributions = new Map<string, ContributionPlan>();
	const content = new Map<string, { unit: ParsedUnit; categoryCode: string | null }[]>();
	let category: string | null = null;
	let current: string | null = null;

	for (const u of units) {
		if (u.part === 'front' || u.kind === 'blank' || u.kind === 'footnote') continue;
		if (u.kind === 'annex') {
			entries.push({ position: entries.length + 1, kind: 'annex', heading: u.text, unitKey: u.key, categoryCode: null, contributionKey: null });
			current = null;
			continue;
		}
		if (u.part !== 'body') continue;
		const group = u.kind === 'heading' ? /^GROUP\s+([A-Z])\b/i.exec(u.text) : null;
		if (group) {
			category = group[1].toUpperCase();
			if (!categories.some((c) => c.code === category)) warnings.push(`rolling document: Group ${category} is not in the framework`);
			entries.push({ position: entries.length + 1, kind: 'category', heading: u.text, unitKey: u.key, categoryCode: category, contributionKey: null });
			current = null;
			continue;
		}
		if (u.kind === 'heading' && /could not be categori[sz]ed/i.test(u.text)) {
			category = null;
			entries.push({ position: entries.length + 1, kind: 'uncategorized', heading: u.text, unitKey: u.key, categoryCode: null, contributionKey: null });
			current = null;
			continue;
		}
		if ((u.kind === 'heading' || u.kind === 'paragraph') && isSubmissionHeading(u.text)) {
			const read = readSubmissionHeading(u.text);
			if (!read) continue;
			for (const name of read.unknown) warnings.push(`rolling document: "${name}" in "${u.text}" is neither a known Member State nor a person's name`);
			const key = contributionKey(WGEC_2013, read.submitters, read.date ?? 'undated');
			let c = contributions.get(key);
			if (!c) {
				c = {
					key,
					bodySlug: WGEC_2013,
					heading: u.text,
					date: read.date,
					meetingNumber: null,
					submitters: read.submitters,
					onBehalfOf: read.onBehalfOf,
					position: contributions.size + 1,
					documentKey,
					targetDocumentKey: null,
					items: [],
					sources: []
				};
				contributions.set(key, c);
				content.set(key, []);
			}
			c.sources.push({ documentKey, unitKey: u.key });
			entries.push({ position: entries.length + 1, kind: 'submission', heading: u.text, unitKey: u.key, categoryCode: category, contributionKey: key });
			current = key;
			continue;
		}
		if (current) content.get(current)?.push({ unit: u, categoryCode: category });
	}
	for (const [key, c] of contributions) c.items = groupItems(content.get(key) ?? []);
	const list = [...contributions.values()];
	const order = receivedOrder(entries, list);
	for (const c of list) c.position = order.get(c.key)!;
	return { entries, contributions: list.sort((a, b) => a.position - b.position) };
}

/**
 * One order of the submissions that every part of the compilation follows: the rolling document
 * lists the submissions of each part in the order they were received, which is mostly but not
 * always their heading's date (Group C puts 27 November before 12 December; the uncategorised part
 * puts India's 25 November before an 8 November submission). A topological order of the parts'
 * sequences, taking the earliest dated submission among those free to come next, keeps every
 * part's order when the compilation is generated again from the contributions.
 */
function receivedOrder(entries: CompilationEntry[], contributions: ContributionPlan[]): Map<string, number> {
	const after = new Map<string, Set<string>>(contributions.map((c) => [c.key, new Set<string>()]));
	let previous: string | null = null;
	for (const e of entries) {
		if (e.kind !== 'submission') previous = null;
		else {
			if (previous && previous !== e.contributionKey) after.get(e.contributionKey!)!.add(previous);
			previous = e.contributionKey;
		}
	}
	const first = new Map(contributions.map((c, i) => [c.key, i]));
	const rank = (c: ContributionPlan) => [c.date ?? '9999', first.get(c.key)!] as const;
	const order = new Map<string, number>();
	const left = [...contributions];
	while (left.length) {
		const free = left.filter((c) => [...after.get(c.key)!].every((k) => order.has(k)));
		// A cycle cannot come from one document read in order; fall back to first appearance if it did.
		const pool = free.length ? free : left;
		pool.sort((a, b) => (rank(a)[0] < rank(b)[0] ? -1 : rank(a)[0] > rank(b)[0] ? 1 : rank(a)[1] - rank(b)[1]));
		const next = free.length ? pool[0] : left.reduce((a, b) => (first.get(a.key)! < first.get(b.key)! ? a : b));
		order.set(next.key, order.size + 1);
		left.splice(left.indexOf(next), 1);
	}
	return order;
}
