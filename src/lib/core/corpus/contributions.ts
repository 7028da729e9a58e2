import type { ParsedUnit } from '../documents/types';
import { WGEC_2016 } from './bodies';
import { dayMonthYear, isoDate, ordinal } from './dates';
import { contributionKey, parties } from './parties';
import type { ContributionPlan, DocumentPlan, SubmitterRef } from './plan';
import { groupItems, sourceOf } from './units';

/**
 * The three 2016–2018 contribution files, each one document and one contribution:
 *  - the Russian Federation's answers to the two guiding questions (dated "Date: 05-12-2016",
 *    day first → 2016-12-05; "to 2nd meeting" in its subject line);
 *  - the joint revised recommendations for the 4th meeting ("Submitted by SAUDI ARABIA, RUSSIAN
 *    FEDERATION, PAKISTAN AND PARMINDER SINGH": three States and a person), undated;
 *  - the Russian Federation's comments on the Chair's initial proposal of 11 November 2017, a
 *    contribution whose target is that draft (resolved by the caller when the draft is present).
 * Items are the units of the document body (for the joint recommendations: the units under its
 * "Recommendations" heading), grouped as in the rolling document.
 */
export interface FileContribution {
	document: DocumentPlan;
	contribution: ContributionPlan;
	/** For comments on a draft: the draft's date as the comments cite it ('2017-11-11'). */
	targetDraftDate: string | null;
	warnings: string[];
}

/** Who a title page says submitted the document: "Submitted by" and the next line, or "Submitted by X". */
function submittedBy(units: ParsedUnit[]): { submitters: SubmitterRef[]; unknown: string[] } {
	const visible = units.filter((u) => u.kind !== 'blank');
	const i = visible.findIndex((u) => /^Submitted by\b/i.test(u.text));
	if (i < 0) return { submitters: [], unknown: [] };
	const rest = visible[i].text.replace(/^Submitted by\s*/i, '').trim();
	const who = rest || visible[i + 1]?.text || '';
	const p = parties(who);
	return { submitters: p.parties, unknown: p.unknown };
}

function bodyItems(units: ParsedUnit[]) {
	return groupItems(units.filter((u) => u.part !== 'front').map((unit) => ({ unit, categoryCode: null })));
}

/** Every unit below a heading (its descendants), in order. */
function under(units: ParsedUnit[], heading: ParsedUnit): ParsedUnit[] {
	const keys = new Set([heading.key]);
	const out: ParsedUnit[] = [];
	for (const u of units) {
		if (u.parentKey !== null && keys.has(u.parentKey)) {
			keys.add(u.key);
			out.push(u);
		}
	}
	return out;
}

function make(
	kindKey: string,
	fileName: string,
	units: ParsedUnit[],
	title: string,
	date: string | null,
	meetingNumber: number | null,
	items: ContributionPlan['items'],
	warnings: string[]
): { document: DocumentPlan; contribution: ContributionPlan } {
	const { submitters, unknown } = submittedBy(units);
	for (const name of unknown) warnings.push(`${fileName}: "${name}" is neither a known Member State nor a person's name`);
	if (!submitters.length) warnings.push(`${fileName}: no submitter found`);
	const key = contributionKey(WGEC_2016, submitters, kindKey);
	const documentKey = `${WGEC_2016}/contribution-${key.slice(WGEC_2016.length + 1)}`;
	const heading = units.find((u) => u.kind === 'title' && u.text === title) ?? null;
	return {
		document: { key: documentKey, bodySlug: WGEC_2016, kind: 'contribution', title, subtitle: null, date, meetingNumber, fileName, lang: 'en', units, compilation: null },
		contribution: {
			key,
			bodySlug: WGEC_2016,
			heading: title,
			date,
			meetingNumber,
			submitters,
			onBehalfOf: null,
			position: 0,
			documentKey,
			targetDocumentKey: null,
			items,
			sources: [sourceOf(documentKey, heading)]
		}
	};
}

const titleOf = (units: ParsedUnit[], re: RegExp) => units.find((u) => u.kind === 'title' && re.test(u.text))?.text ?? null;

/** The Russian Federation's contribution to the guiding questions (2016). */
export function interpretGuidingQuestions(fileName: string, units: ParsedUnit[]): FileContribution {
	const warnings: string[] = [];
	const title = titleOf(units, /guiding questions/i) ?? 'Contribution to the guiding questions';
	const dateField = units.find((u) => /^Date:\s*/.test(u.text));
	const date = dateField ? dayMonthYear(dateField.text.replace(/^Date:\s*/, '')) : null;
	if (!date) warnings.push(`${fileName}: no date found`);
	const subject = units.find((u) => /^Subject:/.test(u.text));
	const meeting = subject ? ordinal(/\b(\w+) meeting\b/i.exec(subject.text)?.[1] ?? '') : null;
	const made = make(date ?? 'undated', fileName, units, title, date, meeting, bodyItems(units), warnings);
	return { ...made, targetDraftDate: null, warnings };
}

/** The joint revised recommendations submitted for the 4th meeting (2017). */
export function interpretJointRecommendations(fileName: string, units: ParsedUnit[]): FileContribution {
	const warnings: string[] = [];
	const title = titleOf(units, /revised recommendations/i) ?? 'Revised recommendations';
	const meeting = ordinal(/for the (\w+) WGEC\s+meeting/i.exec(title)?.[1] ?? '');
	const recommendations = units.find((u) => u.kind === 'heading' && /^recommendations?$/i.test(u.text));
	const items = recommendations ? groupItems(under(units, recommendations).map((unit) => ({ unit, categoryCode: null }))) : bodyItems(units);
	if (!recommendations) warnings.push(`${fileName}: no "Recommendations" section; all of the body taken as items`);
	const made = make(meeting ? `meeting-${meeting}` : 'undated', fileName, units, title, null, meeting, items, warnings);
	return { ...made, targetDraftDate: null, warnings };
}

/** The Russian Federation's comments on the Chair's initial proposal (2017). */
export function interpretDraftComments(fileName: string, units: ParsedUnit[]): FileContribution {
	const warnings: string[] = [];
	const title = titleOf(units, /^Comments to/i) ?? 'Comments';
	const targetDraftDate = isoDate(/initial proposal of (\d{1,2} \w+ \d{4})/i.exec(title)?.[1] ?? '');
	const made = make(`comments-${targetDraftDate ?? 'draft'}`, fileName, units, title, null, null, bodyItems(units), warnings);
	return { ...made, targetDraftDate, warnings };
}
