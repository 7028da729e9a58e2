/**
 * The synthetic call the compilation benchmark compiles: a seeded generator (mulberry32), so
 * every run builds the same contributions. Used by bench/compilation.ts.
 *
 * Each contribution: 5 paragraphs of about 400 characters (about 2,000 characters in all), each
 * item in one of the categories A–E (most contributions keep to one category, every 7th spreads
 * its items over several), numbered "(1)"…"(5)" as list items; every 10th contribution has a
 * footnote on its first item (marker "1", as real contributions repeat markers); one to three
 * submitters from a list of delegations and persons, every 25th "on behalf of" a group. The call
 * has one annex with a footnote of its own.
 */
import type { CompilationContribution, CompilationInput } from '../src/lib/core/compilation/index';
import { random } from './seeded';


export const PARAGRAPHS = 5;
export const PARAGRAPH_CHARS = 400;


const WORDS = (
	'enhanced cooperation internet governance public policy issues stakeholders governments private sector civil society technical ' +
	'academic community developing countries capacity building multistakeholder mechanism working group recommendations ' +
	'implementation tunis agenda international organisations roles responsibilities equal footing transparency accountability ' +
	'participation access infrastructure security stability resilience human rights development sustainable digital divide'
).split(' ');
/** Delegations and persons who submit, as their names print. */
export const SUBMITTERS: readonly { name: string; person: boolean }[] = [
	{ name: 'the Russian Federation', person: false },
	{ name: 'Japan', person: false },
	{ name: 'Brazil', person: false },
	{ name: 'Saudi Arabia', person: false },
	{ name: 'the United States of America', person: false },
	{ name: 'India', person: false },
	{ name: 'Mexico', person: false },
	{ name: 'Sweden', person: false },
	{ name: 'Ms. Avri Doria', person: true },
	{ name: 'Mr. Jimson Olufuye', person: true },
	{ name: 'Pakistan', person: false },
	{ name: 'Parminder Singh', person: true }
];
export const FRAMEWORK = [
	{ code: 'A', title: 'Implementation of the Tunis Agenda', questions: [2, 3] },
	{ code: 'B', title: 'Public policy issue and possible mechanisms', questions: [4, 5] },
	{ code: 'C', title: 'Role of stakeholders', questions: [6] },
	{ code: 'D', title: 'Developing countries', questions: [7, 8] },
	{ code: 'E', title: 'Barriers for participation', questions: [9, 10, 11] }
];

/** Words up to about `chars` characters, capitalised, ending a sentence. */
export function sentence(next: () => number, chars: number): string {
	const words: string[] = [];
	let length = 0;
	while (length < chars) {
		const w = WORDS[Math.floor(next() * WORDS.length)];
		words.push(w);
		length += w.length + 1;
	}
	const text = words.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** `count` contributions to one call, as `compilationInputOf` would load them. */
export function syntheticContributions(count: number, seed = 2013): CompilationContribution[] {
	const next = random(seed);
	const out: CompilationContribution[] = [];
	const start = Date.UTC(2013, 8, 1);
	for (let c = 0; c < count; c++) {
		const home = FRAMEWORK[Math.floor(next() * FRAMEWORK.length)].code;
		const spread = c % 7 === 0;
		const submitters = Array.from({ length: 1 + (c % 3) }, (_v, k) => SUBMITTERS[(c + k * 5) % SUBMITTERS.length].name);
		const date = new Date(start + Math.floor((c / count) * 180) * 86_400_000).toISOString().slice(0, 10);
		out.push({
			id: `c${String(c).padStart(6, '0')}`,
			heading: null,
			submitters,
			onBehalfOf: c % 25 === 0 ? 'the Group of 77 and China' : null,
			date,
			position: c + 1,
			status: 'submitted',
			published: true,
			mergedIntoId: null,
			items: Array.from({ length: PARAGRAPHS }, (_v, p) => ({
				number: `(${p + 1})`,
				kind: 'list_item' as const,
				text: sentence(next, PARAGRAPH_CHARS),
				categoryCode: spread ? FRAMEWORK[(Math.floor(next() * FRAMEWORK.length))].code : home,
				notes: c % 10 === 0 && p === 0 ? [{ marker: '1', text: sentence(next, 120) }] : []
			}))
		});
	}
	return out;
}

export const CALL = {
	title: 'Call for draft recommendations on enhanced cooperation',
	compilationTitle: 'Proposals of Draft Recommendations — Rolling Document',
	annexes: [
		{
			title: 'Message from the Chair setting up the framework',
			text: 'The Chair proposed the following framework.[^1]\n\n1. Five groups of questions.\n\n2. One part per group.\n\n[^1]: Sent to the mailing list.'
		}
	]
};

/** The compilation input of a call with `count` synthetic contributions, as `compilationInputOf` reads it from the database. */
export function syntheticCall(count: number): CompilationInput {
	return {
		title: CALL.compilationTitle,
		subtitle: null,
		callTitle: CALL.title,
		lang: 'en',
		framework: FRAMEWORK,
		contributions: syntheticContributions(count),
		annexes: CALL.annexes
	};
}
