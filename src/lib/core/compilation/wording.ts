/**
 * Every word the compilation adds around the contributions, in one place per language. Only
 * English exists for now; a language is added by adding an entry to `WORDING` (its headings must
 * stay one line and the category heading must keep the code readable by `categoryCodeIn`).
 *
 * English follows UN editorial usage: lists without the serial comma ("Brazil, India and Japan",
 * "Questions 4, 8 and 9") and dates written "12 December 2013" — hence the en-GB formats.
 */
export interface CompilationWording {
	/** Locale for `Intl.ListFormat` (submitters, question numbers). */
	listLocale: string;
	/** Locale for `Intl.DateTimeFormat` (dates in headings). */
	dateLocale: string;
	abstractHeading: string;
	contentsHeading: string;
	/** The abstract: names the call and lists the framework's entries (already worded by `frameworkEntry`). */
	abstract(callTitle: string, framework: readonly string[]): string;
	/** One category in the abstract: "A. Implementation of the Tunis Agenda (Questions 2 and 3)". */
	frameworkEntry(code: string, title: string, questions: string | null): string;
	/** "Question 5", "Questions 2 and 3" (`list` is the numbers already joined). */
	questions(list: string, count: number): string;
	/** The heading of a category's part: "GROUP A: Implementation of the Tunis Agenda (Questions 2 and 3)". */
	categoryHeading(code: string, title: string, questions: string | null): string;
	/** The code in a category heading this wording wrote, or null. */
	categoryCodeIn(heading: string): string | null;
	uncategorizedHeading: string;
	/** The sentence of an empty uncategorised part. */
	uncategorizedEmpty: string;
	/**
	 * A submission heading from parts already formatted: "Draft recommendations submitted by
	 * Brazil and India on behalf of … (12 December 2013)". Any part may be null.
	 */
	submissionHeading(submitters: string | null, onBehalfOf: string | null, date: string | null): string;
	/** "Annex 1 – Questionnaire" (the parser starts a new part at "Annex <n>"). */
	annexHeading(n: number, title: string): string;
}

const en: CompilationWording = {
	listLocale: 'en-GB',
	dateLocale: 'en-GB',
	abstractHeading: 'Abstract',
	contentsHeading: 'Contents',
	abstract: (callTitle, framework) =>
		framework.length
			? `This compilation gathers the draft recommendations received in response to the call “${callTitle}”, grouped by the framework: ${framework.join('; ')}.`
			: `This compilation gathers the draft recommendations received in response to the call “${callTitle}”, which sets no framework of categories.`,
	frameworkEntry: (code, title, questions) => `${code}. ${title}${questions ? ` (${questions})` : ''}`,
	questions: (list, count) => `${count === 1 ? 'Question' : 'Questions'} ${list}`,
	categoryHeading: (code, title, questions) => `GROUP ${code}: ${title}${questions ? ` (${questions})` : ''}`,
	categoryCodeIn: (heading) => /^GROUP (.+?):(?: |$)/.exec(heading)?.[1] ?? null,
	uncategorizedHeading: 'Draft recommendations that could not be categorized',
	uncategorizedEmpty: 'No draft recommendations were left uncategorized.',
	submissionHeading: (submitters, onBehalfOf, date) => {
		const by = submitters ? ` submitted by ${submitters}` : onBehalfOf ? ' submitted' : '';
		const behalf = onBehalfOf ? ` on behalf of ${onBehalfOf}` : '';
		return `Draft recommendations${by}${behalf}${date ? ` (${date})` : ''}`;
	},
	annexHeading: (n, title) => (title ? `Annex ${n} – ${title}` : `Annex ${n}`)
};

/** The wording of each language, by BCP 47 tag (primary subtag). */
export const WORDING: Readonly<Record<string, CompilationWording>> = { en };

/** The wording for a language: its own, else its primary language's, else English. */
export function wordingFor(lang: string): CompilationWording {
	const tag = (lang || 'en').toLowerCase();
	return WORDING[tag] ?? WORDING[tag.split('-')[0]] ?? en;
}

/** Every wording, for reading back a heading whose language is not known. */
export function allWordings(): CompilationWording[] {
	return Object.values(WORDING);
}
