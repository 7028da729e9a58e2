import { slugify } from '../shared/slug';
import { memberState } from './member-states';
import type { OrganisationRef, PersonRef, SubmitterRef } from './plan';

/**
 * Reading who submitted something from the words of a heading or a title page.
 *
 * Examples:
 *   parties('Brazil, Mexico, Sweden, and United Kingdom') → four Member States (GB for "United Kingdom")
 *   parties('SAUDI ARABIA, RUSSIAN FEDERATION, PAKISTAN AND PARMINDER SINGH') → three States and
 *     the person 'Parminder Singh'
 *   parties('Mr. Per Linner') → the person 'Per Linner' (honorific 'Mr.')
 * A name that is neither a known Member State nor reads as a person's name is reported in
 * `unknown`, never guessed.
 */
export function parties(text: string): { parties: SubmitterRef[]; unknown: string[] } {
	const out: SubmitterRef[] = [];
	const unknown: string[] = [];
	const names = text
		.split(/\s*,\s*(?:and\s+)?|\s+and\s+/i)
		.map((s) => s.trim())
		.filter(Boolean);
	for (const name of names) {
		const state = memberState(name);
		if (state) {
			out.push(state);
			continue;
		}
		const person = personName(name);
		if (person) out.push(person);
		else unknown.push(name);
	}
	return { parties: out, unknown };
}

const HONORIFIC = /^(Mr|Ms|Mrs|Miss|Dr|Prof|H\.E|Ambassador|Amb)\.?\s+/i;

/** 'Ms. Avri Doria' → { name: 'Avri Doria', honorific: 'Ms.' }; 'PARMINDER SINGH' → 'Parminder Singh'; null when it does not read as a name. */
export function personName(text: string): PersonRef | null {
	let t = text.trim().replace(/[.,;:]+$/, '');
	let honorific: string | null = null;
	const h = HONORIFIC.exec(t);
	if (h) {
		honorific = /^amb/i.test(h[1]) ? 'Ambassador' : `${h[1].charAt(0).toUpperCase()}${h[1].slice(1).toLowerCase()}.`;
		t = t.slice(h[0].length);
	}
	if (t === t.toUpperCase()) t = t.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
	if (!/^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}$/u.test(t)) return null;
	return { kind: 'person', name: t, honorific };
}

/** The organisations among some parties. */
export const organisationsOf = (refs: readonly SubmitterRef[]): OrganisationRef[] => refs.filter((r): r is OrganisationRef => r.kind === 'organisation');

/** The persons among some parties. */
export const personsOf = (refs: readonly SubmitterRef[]): PersonRef[] => refs.filter((r): r is PersonRef => r.kind === 'person');

/**
 * A contribution's stable key from its body, submitters and date (or another distinguishing
 * word): States by ISO code, persons by name. Example: ('wgec-2013-2014', [Brazil, Mexico,
 * Sweden, United Kingdom, Per Linner], '2013-11-08') → 'wgec-2013-2014/br-mx-se-gb-per-linner-2013-11-08'.
 */
export function contributionKey(bodySlug: string, submitters: readonly SubmitterRef[], suffix: string): string {
	const who = submitters.map((s) => (s.kind === 'organisation' ? s.iso2.toLowerCase() : slugify(s.name))).join('-') || 'unknown';
	return `${bodySlug}/${who}-${slugify(suffix)}`;
}
