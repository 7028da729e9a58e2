/**
 * Building a questionnaire and checking an answer: the zod schemas, the rules zod cannot say
 * alone, and `textIn`, which picks the text a reader sees among a translated text's languages.
 *
 * Problems are catalog keys (`questionnaires.problem.*`), so a page shows them in the reader's
 * language; a problem's `path` says where it is (`['sections', 0, 'questions', 2, 'options']`).
 *
 * A translated text is `{ [locale]: text }`; blank entries count as missing. Every text a
 * questionnaire prints must exist in its original language; other languages are optional and
 * never filled by a machine: `textIn` falls back to the original, marked with its language.
 */
import { z } from 'zod';
import { LOCALES, QUESTION_KINDS, STAKEHOLDER_GROUPS, type Locale, type QuestionKind } from '../shared/vocabulary';

/** The kinds whose options the secretariat writes; the other choice kinds take theirs from a vocabulary. */
export const CHOICE_KINDS = ['single_choice', 'multiple_choice'] as const satisfies readonly QuestionKind[];
export const TEXT_KINDS = ['long_text', 'short_text'] as const satisfies readonly QuestionKind[];
/** The answers to a consent question. */
export const CONSENT_CHOICES = ['yes', 'no'] as const;

export const LIMITS = {
	title: 300,
	intro: 20_000,
	consentStatement: 5_000,
	sectionTitle: 300,
	questionText: 2_000,
	help: 4_000,
	optionLabel: 300,
	number: 20,
	options: 100,
	sections: 50,
	questions: 200,
	/** The longest answer a question may allow. */
	answer: 50_000,
	/** A short-text answer is at most this long, whatever the question says. */
	shortAnswer: 500,
	minK: 2,
	maxK: 100
} as const;

export const PROBLEMS = [
	'questionnaires.problem.required',
	'questionnaires.problem.tooLong',
	'questionnaires.problem.invalid',
	'questionnaires.problem.unknownLanguage',
	'questionnaires.problem.originalMissing',
	'questionnaires.problem.originalNotOffered',
	'questionnaires.problem.closesBeforeOpens',
	'questionnaires.problem.fewOptions',
	'questionnaires.problem.optionsNotAllowed',
	'questionnaires.problem.duplicateCode',
	'questionnaires.problem.badCode',
	'questionnaires.problem.tooMany',
	'questionnaires.problem.onlyOne',
	'questionnaires.problem.consentStatementMissing',
	'questionnaires.problem.kOutOfRange',
	'questionnaires.problem.invalidChoice',
	'questionnaires.problem.oneChoice',
	'questionnaires.problem.notAText',
	'questionnaires.problem.notAChoice'
] as const;
export type ProblemKey = (typeof PROBLEMS)[number];

export interface Problem {
	path: (string | number)[];
	key: ProblemKey;
	values?: Record<string, string | number>;
}

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** A translated text with at most `max` characters per language; blank entries are dropped. */
export const translatedText = (max: number) =>
	z
		.partialRecord(z.enum(LOCALES), z.string().trim().max(max, { message: 'questionnaires.problem.tooLong' }))
		.transform((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v !== '')) as Partial<Record<Locale, string>>);

export type TranslatedText = Partial<Record<Locale, string>>;

export const optionInput = z.object({
	code: z.string().trim().regex(CODE, { message: 'questionnaires.problem.badCode' }),
	label: translatedText(LIMITS.optionLabel)
});

/** An existing question's or section's id, when a form edits it (new ones have none). */
const existingId = z.string().uuid({ message: 'questionnaires.problem.invalid' }).optional();

export const questionInput = z
	.object({
		id: existingId,
		number: z.string().trim().max(LIMITS.number, { message: 'questionnaires.problem.tooLong' }).default(''),
		kind: z.enum(QUESTION_KINDS, { message: 'questionnaires.problem.invalid' }),
		required: z.boolean().default(false),
		text: translatedText(LIMITS.questionText),
		help: translatedText(LIMITS.help).default({}),
		options: z.array(optionInput).max(LIMITS.options, { message: 'questionnaires.problem.tooMany' }).default([]),
		maxLength: z.number().int().min(1).max(LIMITS.answer, { message: 'questionnaires.problem.tooLong' }).default(10_000)
	})
	.superRefine((q, ctx) => {
		const choice = (CHOICE_KINDS as readonly string[]).includes(q.kind);
		if (choice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'questionnaires.problem.fewOptions' });
		if (!choice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'questionnaires.problem.optionsNotAllowed' });
		const seen = new Set<string>();
		q.options.forEach((o, i) => {
			if (seen.has(o.code)) ctx.addIssue({ code: 'custom', path: ['options', i, 'code'], message: 'questionnaires.problem.duplicateCode' });
			seen.add(o.code);
		});
	});

export const sectionInput = z.object({
	id: existingId,
	title: translatedText(LIMITS.sectionTitle).default({}),
	questions: z.array(questionInput).max(LIMITS.questions, { message: 'questionnaires.problem.tooMany' })
});

/** A whole questionnaire as the secretariat builds it (or an import brings it). */
export const questionnaireInput = z
	.object({
		title: translatedText(LIMITS.title),
		intro: translatedText(LIMITS.intro).default({}),
		consentStatement: translatedText(LIMITS.consentStatement).default({}),
		originalLang: z.enum(LOCALES, { message: 'questionnaires.problem.unknownLanguage' }),
		languages: z.array(z.enum(LOCALES, { message: 'questionnaires.problem.unknownLanguage' })).min(1).max(LOCALES.length),
		opensAt: z.date(),
		closesAt: z.date(),
		requiresAccount: z.boolean().default(false),
		k: z.number().int().min(LIMITS.minK, { message: 'questionnaires.problem.kOutOfRange' }).max(LIMITS.maxK, { message: 'questionnaires.problem.kOutOfRange' }).default(5),
		sections: z.array(sectionInput).min(1).max(LIMITS.sections, { message: 'questionnaires.problem.tooMany' })
	})
	.superRefine((q, ctx) => {
		const original = q.originalLang;
		const need = (text: TranslatedText, path: (string | number)[]) => {
			if (!text[original]) ctx.addIssue({ code: 'custom', path, message: 'questionnaires.problem.originalMissing' });
		};
		// Optional texts must be in the original language only when given in some language.
		const needIfAny = (text: TranslatedText, path: (string | number)[]) => Object.keys(text).length > 0 && need(text, path);
		need(q.title, ['title']);
		needIfAny(q.intro, ['intro']);
		needIfAny(q.consentStatement, ['consentStatement']);
		if (!q.languages.includes(original)) ctx.addIssue({ code: 'custom', path: ['languages'], message: 'questionnaires.problem.originalNotOffered' });
		if (q.closesAt.getTime() <= q.opensAt.getTime()) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'questionnaires.problem.closesBeforeOpens' });
		const total = q.sections.reduce((n, s) => n + s.questions.length, 0);
		if (total > LIMITS.questions) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'questionnaires.problem.tooMany' });
		const once = new Map<QuestionKind, boolean>();
		q.sections.forEach((s, si) => {
			needIfAny(s.title, ['sections', si, 'title']);
			s.questions.forEach((question, qi) => {
				const at = ['sections', si, 'questions', qi];
				need(question.text, [...at, 'text']);
				needIfAny(question.help, [...at, 'help']);
				question.options.forEach((o, oi) => need(o.label, [...at, 'options', oi, 'label']));
				// One answer each decides a response's consent, stakeholder group and country.
				if (question.kind === 'consent' || question.kind === 'stakeholder_group' || question.kind === 'country') {
					if (once.get(question.kind)) ctx.addIssue({ code: 'custom', path: [...at, 'kind'], message: 'questionnaires.problem.onlyOne' });
					once.set(question.kind, true);
				}
			});
		});
		// A consent question asks about the statement: it must be there to be read.
		if (once.get('consent') && !q.consentStatement[original]) ctx.addIssue({ code: 'custom', path: ['consentStatement'], message: 'questionnaires.problem.consentStatementMissing' });
	});

export type QuestionnaireInput = z.input<typeof questionnaireInput>;
export type Questionnaire = z.output<typeof questionnaireInput>;

/** Zod's issues as problem keys: our own messages pass through; the rest become required / tooLong / unknownLanguage / invalid. */
export function problemsOf(error: z.ZodError): Problem[] {
	return error.issues.map((issue) => {
		const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
		const values = issue.code === 'too_big' && 'maximum' in issue ? { max: Number(issue.maximum) } : undefined;
		const key: ProblemKey = (PROBLEMS as readonly string[]).includes(issue.message)
			? (issue.message as ProblemKey)
			: issue.code === 'unrecognized_keys'
				? 'questionnaires.problem.unknownLanguage'
				: issue.code === 'too_big'
					? 'questionnaires.problem.tooLong'
					: (issue.code === 'too_small' && issue.origin !== 'number' && Number(issue.minimum) <= 1) || (issue.code === 'invalid_type' && issue.input === undefined)
						? 'questionnaires.problem.required'
						: 'questionnaires.problem.invalid';
		return values ? { path, key, values } : { path, key };
	});
}

/** Checks a questionnaire: the cleaned value, or every problem found. */
export function validateQuestionnaire(input: unknown): { ok: true; value: Questionnaire } | { ok: false; problems: Problem[] } {
	const parsed = questionnaireInput.safeParse(input);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** What an answer check needs to know of its question. */
export interface QuestionRules {
	kind: QuestionKind;
	required: boolean;
	options: readonly { code: string }[];
	maxLength: number;
}

/** An answer as a form sends it: text for text questions, chosen codes for the others. */
export interface AnswerInput {
	text?: string | null;
	choices?: readonly string[];
}

/** An answer as it is stored: trimmed text (null for none) and distinct chosen codes. */
export interface CleanAnswer {
	text: string | null;
	choices: string[];
}

export type AnswerCheck = { ok: true; value: CleanAnswer } | { ok: false; problem: { key: ProblemKey; values?: Record<string, string | number> } };

const ISO2 = /^[A-Z]{2}$/;

/**
 * Checks one answer. While a response is a draft, a missing answer is fine; at submission
 * (`submitting`) a required question must be answered. `countries` (ISO alpha-2 codes) decides
 * country answers; without it only the code's form is checked.
 *
 * @example checkAnswer({ kind: 'single_choice', required: true, options: [{ code: 'a' }, { code: 'b' }], maxLength: 100 }, { choices: ['a', 'b'] }, { submitting: false })
 *   → { ok: false, problem: { key: 'questionnaires.problem.oneChoice' } }
 */
export function checkAnswer(question: QuestionRules, answer: AnswerInput | undefined, options: { submitting: boolean; countries?: ReadonlySet<string> }): AnswerCheck {
	const fail = (key: ProblemKey, values?: Record<string, string | number>): AnswerCheck => ({ ok: false, problem: values ? { key, values } : { key } });
	const text = (answer?.text ?? '').replace(/\r\n?/g, '\n').trim();
	const choices = [...new Set((answer?.choices ?? []).map((c) => c.trim()).filter((c) => c !== ''))];
	const isText = (TEXT_KINDS as readonly string[]).includes(question.kind);

	if (isText) {
		if (choices.length > 0) return fail('questionnaires.problem.notAText');
		const max = question.kind === 'short_text' ? Math.min(question.maxLength, LIMITS.shortAnswer) : Math.min(question.maxLength, LIMITS.answer);
		if ([...text].length > max) return fail('questionnaires.problem.tooLong', { max });
		if (text === '' && question.required && options.submitting) return fail('questionnaires.problem.required');
		return { ok: true, value: { text: text === '' ? null : text, choices: [] } };
	}

	if (text !== '') return fail('questionnaires.problem.notAChoice');
	const allowed = allowedChoices(question, options.countries);
	if (choices.some((c) => !allowed(c))) return fail('questionnaires.problem.invalidChoice');
	if (question.kind !== 'multiple_choice' && choices.length > 1) return fail('questionnaires.problem.oneChoice');
	if (choices.length === 0 && question.required && options.submitting) return fail('questionnaires.problem.required');
	return { ok: true, value: { text: null, choices } };
}

function allowedChoices(question: QuestionRules, countries: ReadonlySet<string> | undefined): (code: string) => boolean {
	switch (question.kind) {
		case 'stakeholder_group':
			return (c) => (STAKEHOLDER_GROUPS as readonly string[]).includes(c);
		case 'consent':
			return (c) => (CONSENT_CHOICES as readonly string[]).includes(c);
		case 'country':
			return (c) => ISO2.test(c) && (!countries || countries.has(c));
		default: {
			const codes = new Set(question.options.map((o) => o.code));
			return (c) => codes.has(c);
		}
	}
}

/**
 * Checks every answer of a response: the problems by question id (empty when all is well).
 * Answers to questions not in the list are ignored (they are never stored).
 */
export function responseProblems(
	questions: readonly (QuestionRules & { id: string })[],
	answers: ReadonlyMap<string, AnswerInput>,
	options: { submitting: boolean; countries?: ReadonlySet<string> }
): Record<string, { key: ProblemKey; values?: Record<string, string | number> }> {
	const out: Record<string, { key: ProblemKey; values?: Record<string, string | number> }> = {};
	for (const q of questions) {
		const check = checkAnswer(q, answers.get(q.id), options);
		if (!check.ok) out[q.id] = check.problem;
	}
	return out;
}

/**
 * The text a reader sees: the reader's language when the text has it, otherwise the original
 * language, otherwise the first language that has it (in the order ar, en, es, fr, ru, zh).
 * `lang` is the language of `text` (mark it with `lang`, and `dir` for Arabic, when it differs from
 * the page's); `translated` is true when `text` is not the original (a human translation). Never
 * machine-translated; '' (in the original language) when no language has the text.
 *
 * @example textIn({ en: 'Question', fr: 'Question (fr)' }, 'fr', 'en') → { text: 'Question (fr)', lang: 'fr', translated: true }
 * @example textIn({ en: 'Question' }, 'ru', 'en') → { text: 'Question', lang: 'en', translated: false }
 */
export function textIn(text: Partial<Record<string, string>> | null | undefined, locale: string, originalLang: string): { text: string; lang: string; translated: boolean } {
	const has = (l: string) => typeof text?.[l] === 'string' && text[l]!.trim() !== '';
	const lang = has(locale) ? locale : has(originalLang) ? originalLang : (LOCALES.find(has) ?? originalLang);
	return { text: has(lang) ? text![lang]! : '', lang, translated: lang !== originalLang };
}
