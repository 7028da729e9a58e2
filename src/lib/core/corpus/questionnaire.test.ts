import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { validateQuestionnaire, type QuestionnaireInput } from '../questionnaires/questionnaire';
import { readQuestionnaireAnnex } from './questionnaire';

/**
 * The questionnaire read from the rolling document's Annex 2 (../shared/corpus/003_…, read where
 * it lies), against a golden file beside this test. After a deliberate change to the reading,
 * regenerate it with `PLENARY_UPDATE_GOLDEN=1 npx vitest run src/lib/core/corpus/questionnaire.test.ts`
 * and review the diff.
 */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const rollingFile = existsSync(corpusDir) ? readdirSync(corpusDir).find((f) => f.startsWith('003_') && f.endsWith('.txt')) : undefined;
const rolling = rollingFile ? readFileSync(join(corpusDir, rollingFile), 'utf8') : '';
const goldenPath = resolve(process.cwd(), 'src/lib/core/corpus/questionnaire.golden.json');

/**
 * The questionnaire as JSON would carry it (dates as ISO strings), every text of the document
 * replaced by its length and digest: the golden file pins the reading without copying the corpus.
 */
const digest = (text: string) => `${[...text].length} chars, sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
const asJson = (q: QuestionnaireInput | null) =>
	JSON.parse(JSON.stringify(q), function (this: Record<string, unknown>, key, value) {
		// Texts are `{ en: "…" }` objects: digest their values, keep every other field as it is.
		return typeof value === 'string' && /^[a-z]{2}$/.test(key) && !Array.isArray(this) ? digest(value) : value;
	});
const allQuestions = (q: QuestionnaireInput) => q.sections.flatMap((s) => s.questions);

const CONSENT_STATEMENT = 'The information solicited through this questionnaire will only be used in aggregate form, unless otherwise authorised by the respondent.';

describe.skipIf(!rollingFile)('readQuestionnaireAnnex on the rolling document', () => {
	const q = readQuestionnaireAnnex(rolling)!;

	it('matches the golden file', () => {
		if (process.env.PLENARY_UPDATE_GOLDEN === '1') writeFileSync(goldenPath, `${JSON.stringify(asJson(q), null, '\t')}\n`);
		expect(asJson(q)).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
	});

	it('is a valid questionnaire: 18 numbered questions and four unnumbered ones, in two sections', () => {
		const check = validateQuestionnaire(q);
		expect(check.ok).toBe(true);
		expect(q.title).toEqual({ en: 'Questionnaire of the UN Commission on Science and Technology for Development (WGEC)' });
		expect(q.sections.map((s) => [s.title?.en, s.questions.length])).toEqual([
			['About you', 5],
			['Questions', 17]
		]);
		const questions = allQuestions(q);
		expect(questions.map((x) => [x.number, x.kind, x.required])).toEqual([
			['', 'consent', true],
			['', 'short_text', false],
			['1', 'stakeholder_group', true],
			['', 'short_text', false],
			['', 'short_text', false],
			...Array.from({ length: 17 }, (_, i) => [String(i + 2), 'long_text', false])
		]);
		expect(questions.filter((x) => x.number).map((x) => x.number)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
		expect(questions.some((x) => /timestamp/i.test(x.text.en ?? ''))).toBe(false);
		expect(q).toMatchObject({ originalLang: 'en', languages: ['en'], requiresAccount: false, k: 5 });
	});

	it('keeps the consent statement verbatim, and the whole consent line as the question', () => {
		expect(q.consentStatement).toEqual({ en: CONSENT_STATEMENT });
		expect(rolling).toContain(CONSENT_STATEMENT);
		expect(allQuestions(q)[0].text.en).toBe(`${CONSENT_STATEMENT} Do you authorise us to cite/share your views individually?`);
	});

	it('joins question 8, broken over two paragraphs, and keeps question 2’s parts in its text', () => {
		const byNumber = (n: string) => allQuestions(q).find((x) => x.number === n)!.text.en!;
		expect(byNumber('8')).toMatch(/pertaining to the Internet and public policy issues associated with coordination and management of critical Internet resources\?$/);
		expect(allQuestions(q).some((x) => /^Internet and public policy/.test(x.text.en ?? ''))).toBe(false);
		expect(byNumber('2')).toMatch(/as per the Tunis Agenda\? a\) Significance b\) Purpose c\) Scope$/);
	});

	it('takes its dates from the meetings the document names: 1 June 2013 to the second meeting, 6 November 2013', () => {
		expect(q.opensAt.toISOString()).toBe('2013-06-01T00:00:00.000Z');
		expect(q.closesAt.toISOString()).toBe('2013-11-06T00:00:00.000Z');
	});

	it('reads the same from CRLF line ends, extra blank lines and no-break spaces', () => {
		const expected = asJson(q);
		expect(asJson(readQuestionnaireAnnex(rolling.replace(/\r?\n/g, '\r\n')))).toEqual(expected);
		expect(asJson(readQuestionnaireAnnex(rolling.replace(/\n/g, '\n\n \n')))).toEqual(expected);
		expect(asJson(readQuestionnaireAnnex(rolling.replace(/ /g, (s, at: number) => (at % 3 === 0 ? '\u00a0' : s))))).toEqual(expected);
	});

	it('returns null when the annex is missing', () => {
		const head = rolling.slice(0, rolling.lastIndexOf('ANNEX 2:'));
		// The table of contents still names the annex, with a page number after a tab: an entry, not the annex.
		expect(head).toMatch(/^ANNEX 2: Questionnaire.*\t\d+$/m);
		expect(readQuestionnaireAnnex(head)).toBeNull();
	});
});

/** A made-up annex in the same shape, so the rules are tested without the corpus. */
const ANNEX = [
	'Report of a working group',
	'',
	'The group held its first meeting in March 2020 and adopted its questionnaire.',
	'The "Analysis of the responses to the questionnaire" was presented at the third meeting of the group held on 14-15 September 2020 in Geneva.',
	'',
	'ANNEX 1: Questionnaire of the working group',
	'',
	'Timestamp',
	'',
	'Answers are published in aggregate. Replies are kept for a year. Do you consent to being quoted by name?',
	'',
	'Your name:',
	'',
	'1. Which stakeholder group are you part of?',
	'',
	'2. How should the group work',
	'',
	'with observers',
	'',
	'and with the public?',
	'',
	'3. Anything else?',
	'',
	'ANNEX 2: List of participants',
	'',
	'4. Not a question of the questionnaire.'
].join('\n');

describe('readQuestionnaireAnnex on any such annex', () => {
	const q = readQuestionnaireAnnex(ANNEX)!;

	it('continues an unfinished question with the lines that follow it, whatever its number', () => {
		expect(allQuestions(q).map((x) => [x.number, x.kind, x.text.en])).toEqual([
			['', 'consent', 'Answers are published in aggregate. Replies are kept for a year. Do you consent to being quoted by name?'],
			['', 'short_text', 'Your name:'],
			['1', 'stakeholder_group', 'Which stakeholder group are you part of?'],
			['2', 'long_text', 'How should the group work with observers and with the public?'],
			['3', 'long_text', 'Anything else?']
		]);
	});

	it('takes every sentence before the consent question as the statement, and stops at the next annex', () => {
		expect(q.consentStatement).toEqual({ en: 'Answers are published in aggregate. Replies are kept for a year.' });
		expect(q.title).toEqual({ en: 'Questionnaire of the working group' });
		expect(validateQuestionnaire(q).ok).toBe(true);
	});

	it('reads the period from the meetings the text names', () => {
		expect([q.opensAt.toISOString(), q.closesAt.toISOString()]).toEqual(['2020-04-01T00:00:00.000Z', '2020-09-14T00:00:00.000Z']);
	});

	it('falls back to the documented WGEC 2013 dates when the text names no meetings', () => {
		const alone = readQuestionnaireAnnex(ANNEX.slice(ANNEX.indexOf('ANNEX 1')))!;
		expect([alone.opensAt.toISOString(), alone.closesAt.toISOString()]).toEqual(['2013-06-01T00:00:00.000Z', '2013-11-06T00:00:00.000Z']);
	});

	it('makes a consent line that is only a question its own statement', () => {
		const only = readQuestionnaireAnnex('ANNEX 1: Questionnaire\n\nDo you consent to being quoted?\n\n1. Why?\n')!;
		expect(only.consentStatement).toEqual({ en: 'Do you consent to being quoted?' });
		expect(validateQuestionnaire(only).ok).toBe(true);
	});

	it('returns null without a questionnaire annex, or with an empty one', () => {
		expect(readQuestionnaireAnnex('')).toBeNull();
		expect(readQuestionnaireAnnex('ANNEX 1: List of participants\n\n1. Someone\n')).toBeNull();
		expect(readQuestionnaireAnnex('ANNEX 1: Questionnaire\n\nTimestamp\n\n')).toBeNull();
	});
});
