import { isoDate } from './dates';
import { parties, personsOf, organisationsOf } from './parties';
import type { ContributionPlan, SubmitterRef } from './plan';

/**
 * Reads a submission heading of the rolling document.
 *
 * Examples:
 *   "Draft recommendations submitted by the Russian Federation (12 December 2013)"
 *     → submitters [Russian Federation], date '2013-12-12'
 *   "Draft recommendations from Brazil, Mexico, Sweden, and United Kingdom submitted by Mr. Per
 *    Linner (08 November 2013):" → the four States and the person Per Linner, '2013-11-08'
 *   "Draft recommendation submitted by Ms. Avri Doria on behalf of by a group of WGEC Members
 *    and Observers (Avri Doria, Grace Githaiga, Lea Kaspar, and Joy Liddicoat) (12 February 2014)"
 *     → submitter Avri Doria, on behalf of "a group of WGEC Members and Observers (…)" naming four persons
 */
export interface SubmissionHeading {
	submitters: SubmitterRef[];
	onBehalfOf: ContributionPlan['onBehalfOf'];
	date: string | null;
	unknown: string[];
}

const HEADING_RE = /^(?:draft\s+)?recommendations?\s+(?:from\s+(.+?)\s+)?submitted\s+by\s+(.+?)\s*\(\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*\)\s*:?\s*$/i;

/** Whether a text is a submission heading ("… submitted by X (date)"). */
export function isSubmissionHeading(text: string): boolean {
	return HEADING_RE.test(text.trim());
}

/** Reads submitters, "on behalf of" and date from a submission heading; null when it is not one. */
export function readSubmissionHeading(text: string): SubmissionHeading | null {
	const m = HEADING_RE.exec(text.trim());
	if (!m) return null;
	const [, from, by, date] = m;
	const unknown: string[] = [];
	const submitters: SubmitterRef[] = [];
	if (from) {
		const p = parties(from);
		submitters.push(...p.parties);
		unknown.push(...p.unknown);
	}
	let onBehalfOf: ContributionPlan['onBehalfOf'] = null;
	let byText = by;
	const behalf = /^(.*?)\s+on behalf of\s+(.*)$/i.exec(by);
	if (behalf) {
		byText = behalf[1];
		// The first heading of this submission reads "on behalf of by a group…": the stray "by" is a typo.
		const what = behalf[2].replace(/^by\s+/i, '');
		const named = /\(([^)]*)\)\s*$/.exec(what);
		const p = named ? parties(named[1]) : { parties: [], unknown: [] };
		onBehalfOf = { text: what, persons: personsOf(p.parties), organisations: organisationsOf(p.parties) };
		unknown.push(...p.unknown);
	}
	const p = parties(byText);
	submitters.push(...p.parties);
	unknown.push(...p.unknown);
	return { submitters, onBehalfOf, date: isoDate(date), unknown };
}
