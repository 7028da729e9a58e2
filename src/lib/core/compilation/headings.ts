import { wordingFor, type CompilationWording } from './wording';

/**
 * The headings the compilation writes, worded for its language.
 *
 * Examples (en): submissionHeading('en', ['Brazil', 'India', 'Japan'], null, '2013-12-12') →
 * "Draft recommendations submitted by Brazil, India and Japan (12 December 2013)";
 * categoryHeading(wordingFor('en'), { code: 'B', title: 'Public policy', questions: [4, 8, 9] }) →
 * "GROUP B: Public policy (Questions 4, 8 and 9)".
 */

// Intl formatters are costly to build and a compilation asks for thousands of headings.
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Joins names as the language does: "A, B and C" in English. */
export function joinList(locale: string, items: readonly string[]): string {
	let f = listFormats.get(locale);
	if (!f) {
		f = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
		listFormats.set(locale, f);
	}
	return f.format(items);
}

/** An ISO date ("2013-12-12") as headings write it ("12 December 2013"); the input as is when it is not one. */
export function formatDate(locale: string, iso: string): string {
	const key = `${locale}|${iso}`;
	let text = formattedDates.get(key);
	if (text === undefined) {
		text = format(locale, iso);
		// Contributions share few dates; the bound only stops a runaway input from growing the cache.
		if (formattedDates.size > 10_000) formattedDates.clear();
		formattedDates.set(key, text);
	}
	return text;
}

const formattedDates = new Map<string, string>();

function format(locale: string, iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (!m) return iso;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[3])) return iso;
	let f = dateFormats.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		dateFormats.set(locale, f);
	}
	return f.format(date);
}

/**
 * The template heading of a submission: "Draft recommendations submitted by <submitters>
 * [on behalf of <group>] (<date>)", in the compilation's language. Submitters are display names
 * of confirmed submitters in order; without them the heading says only what is known.
 */
export function submissionHeading(lang: string, submitters: readonly string[], onBehalfOf: string | null, date: string | null): string {
	const w = wordingFor(lang);
	const names = submitters.map((s) => s.trim()).filter(Boolean);
	return w.submissionHeading(
		names.length ? joinList(w.listLocale, names) : null,
		onBehalfOf?.trim() || null,
		date?.trim() ? formatDate(w.dateLocale, date) : null
	);
}

/** "Questions 2 and 3", "Question 5", or null when the category cites none. */
export function questionsPhrase(w: CompilationWording, questions: readonly number[]): string | null {
	if (questions.length === 0) return null;
	return w.questions(joinList(w.listLocale, questions.map(String)), questions.length);
}

/** The heading of a category's part: "GROUP A: <title> (Questions 2 and 3)". */
export function categoryHeading(w: CompilationWording, category: { code: string; title: string; questions: readonly number[] }): string {
	return w.categoryHeading(category.code, category.title, questionsPhrase(w, category.questions));
}
