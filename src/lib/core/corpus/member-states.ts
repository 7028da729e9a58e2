import type { OrganisationRef } from './plan';

/**
 * The Member States the WGEC documents name, with their official English short names (UN
 * terminology) and ISO 3166-1 alpha-2 codes. Only what the corpus needs: the importer resolves
 * codes to full organisation records from the maintained country packages.
 *
 * Example: memberState('the United Kingdom') → { name: 'United Kingdom of Great Britain and
 * Northern Ireland', nameAsWritten: 'the United Kingdom', iso2: 'GB' }.
 */
const STATES: { iso2: string; name: string; aliases: string[] }[] = [
	{ iso2: 'BR', name: 'Brazil', aliases: [] },
	{ iso2: 'IN', name: 'India', aliases: [] },
	{ iso2: 'JP', name: 'Japan', aliases: [] },
	{ iso2: 'MX', name: 'Mexico', aliases: [] },
	{ iso2: 'PK', name: 'Pakistan', aliases: [] },
	{ iso2: 'RU', name: 'Russian Federation', aliases: [] },
	{ iso2: 'SA', name: 'Saudi Arabia', aliases: [] },
	{ iso2: 'SE', name: 'Sweden', aliases: [] },
	{ iso2: 'GB', name: 'United Kingdom of Great Britain and Northern Ireland', aliases: ['United Kingdom'] },
	{ iso2: 'US', name: 'United States of America', aliases: ['United States'] }
];

const normalise = (s: string) =>
	s
		.trim()
		.replace(/^the\s+/i, '')
		.replace(/[.,;:]+$/, '')
		.replace(/\s+/g, ' ')
		.toLowerCase();

/** The Member State a name refers to, or null. Case-insensitive; a leading "the" is ignored. */
export function memberState(written: string): OrganisationRef | null {
	const n = normalise(written);
	const state = STATES.find((s) => normalise(s.name) === n || s.aliases.some((a) => normalise(a) === n));
	return state ? { kind: 'organisation', organisationKind: 'member_state', name: state.name, nameAsWritten: written.trim(), iso2: state.iso2 } : null;
}
