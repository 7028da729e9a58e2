import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer, LIMITS, responseProblems, textIn, validateQuestionnaire, type QuestionRules } from './questionnaire';

const base = () => ({
	title: { en: 'Questionnaire on enhanced cooperation', fr: 'Questionnaire sur la coopération renforcée' },
	consentStatement: { en: 'The information solicited through this questionnaire will only be used in aggregate form, unless otherwise authorised by the respondent.' },
	originalLang: 'en',
	languages: ['en', 'fr'],
	opensAt: new Date('2013-06-01T00:00:00Z'),
	closesAt: new Date('2013-08-01T00:00:00Z'),
	sections: [
		{
			title: { en: 'About you' },
			questions: [
				{ kind: 'stakeholder_group', required: true, text: { en: 'Stakeholder group' } },
				{ kind: 'country', text: { en: 'Country' } },
				{ kind: 'consent', required: true, text: { en: 'May your response be cited?' } },
				{ number: '1', kind: 'long_text', text: { en: 'What is enhanced cooperation?', fr: 'Qu’est-ce que la coopération renforcée ?' }, help: { en: 'In your own words.' } },
				{
					number: '2',
					kind: 'single_choice',
					required: true,
					text: { en: 'Is it needed?' },
					options: [
						{ code: 'yes', label: { en: 'Yes', fr: 'Oui' } },
						{ code: 'no', label: { en: 'No' } }
					]
				}
			]
		}
	]
});

const problems = (input: unknown) => {
	const r = validateQuestionnaire(input);
	return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.key}${p.values ? ' ' + JSON.stringify(p.values) : ''}`);
};

describe('validateQuestionnaire', () => {
	it('accepts a questionnaire like the 2013 one, with defaults filled in', () => {
		const r = validateQuestionnaire(base());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.k).toBe(5);
		expect(r.value.requiresAccount).toBe(false);
		expect(r.value.sections[0].questions[3]).toMatchObject({ number: '1', required: false, maxLength: 10_000, options: [] });
	});

	it('requires every text in the original language, and drops blank translations', () => {
		const q = base();
		q.title = { en: '  ', fr: 'Questionnaire' };
		q.sections[0].questions[4].options![1].label = { fr: 'Non' } as never;
		expect(problems(q)).toEqual(['title: questionnaires.problem.originalMissing', 'sections.0.questions.4.options.1.label: questionnaires.problem.originalMissing']);
		const ok = validateQuestionnaire({ ...base(), intro: { fr: ' ' } });
		expect(ok.ok && ok.value.intro).toEqual({});
	});

	it('rejects over-long texts, unknown languages and bad dates', () => {
		const q = base();
		q.title.en = 'x'.repeat(LIMITS.title + 1);
		(q.title as Record<string, string>).de = 'Fragebogen';
		q.closesAt = q.opensAt;
		expect(problems(q)).toEqual([
			`title.en: questionnaires.problem.tooLong {"max":${LIMITS.title}}`,
			'title: questionnaires.problem.unknownLanguage',
			'closesAt: questionnaires.problem.closesBeforeOpens'
		]);
		expect(problems({ ...base(), languages: ['fr'] })).toEqual(['languages: questionnaires.problem.originalNotOffered']);
		expect(problems({ ...base(), originalLang: 'de' })).toEqual(['originalLang: questionnaires.problem.unknownLanguage']);
		expect(problems({ ...base(), k: 1 })).toEqual(['k: questionnaires.problem.kOutOfRange']);
	});

	it('checks options: at least two for a choice question, none for others, unique well-formed codes', () => {
		const q = base();
		const choice = q.sections[0].questions[4];
		choice.options = [
			{ code: 'yes', label: { en: 'Yes', fr: 'Oui' } },
			{ code: 'yes', label: { en: 'Yes again' } },
			{ code: 'Bad code', label: { en: 'Bad' } }
		];
		q.sections[0].questions[3] = { ...q.sections[0].questions[3], options: [{ code: 'a', label: { en: 'A' } }] } as never;
		expect(problems(q)).toEqual([
			'sections.0.questions.3.options: questionnaires.problem.optionsNotAllowed',
			'sections.0.questions.4.options.2.code: questionnaires.problem.badCode',
			'sections.0.questions.4.options.1.code: questionnaires.problem.duplicateCode'
		]);
		const few = base();
		few.sections[0].questions[4].options = [{ code: 'yes', label: { en: 'Yes', fr: 'Oui' } }];
		expect(problems(few)).toEqual(['sections.0.questions.4.options: questionnaires.problem.fewOptions']);
	});

	it('allows one consent, stakeholder group and country question each, and a consent question needs the statement', () => {
		const q = base();
		q.sections[0].questions.push({ kind: 'consent', text: { en: 'Again?' } } as never);
		q.consentStatement = {} as never;
		expect(problems(q)).toEqual(['sections.0.questions.5.kind: questionnaires.problem.onlyOne', 'consentStatement: questionnaires.problem.consentStatementMissing']);
	});

	it('reports missing parts and bad kinds as keys', () => {
		expect(problems({ ...base(), sections: [] })).toEqual(['sections: questionnaires.problem.required']);
		const q = base();
		(q.sections[0].questions[0] as { kind: string }).kind = 'essay';
		expect(problems(q)).toEqual(['sections.0.questions.0.kind: questionnaires.problem.invalid']);
		expect(problems({})[0]).toBe('title: questionnaires.problem.required');
	});
});

describe('checkAnswer', () => {
	const text: QuestionRules = { kind: 'long_text', required: true, options: [], maxLength: 10 };
	const short: QuestionRules = { kind: 'short_text', required: false, options: [], maxLength: 10_000 };
	const one: QuestionRules = { kind: 'single_choice', required: true, options: [{ code: 'yes' }, { code: 'no' }], maxLength: 10_000 };
	const many: QuestionRules = { kind: 'multiple_choice', required: false, options: [{ code: 'a' }, { code: 'b' }], maxLength: 10_000 };
	const draft = { submitting: false };
	const submit = { submitting: true };

	it('rejects an over-long text, counting characters, not UTF-16 units', () => {
		expect(checkAnswer(text, { text: 'x'.repeat(11) }, draft)).toEqual({ ok: false, problem: { key: 'questionnaires.problem.tooLong', values: { max: 10 } } });
		expect(checkAnswer(text, { text: '𠀀'.repeat(10) }, draft).ok).toBe(true);
		expect(checkAnswer(short, { text: 'x'.repeat(LIMITS.shortAnswer + 1) }, draft)).toMatchObject({ ok: false, problem: { values: { max: LIMITS.shortAnswer } } });
		expect(checkAnswer(text, { text: '  fine\r\n ' }, draft)).toEqual({ ok: true, value: { text: 'fine', choices: [] } });
	});

	it('rejects an invalid choice and several choices on a single-choice question', () => {
		expect(checkAnswer(one, { choices: ['maybe'] }, draft)).toEqual({ ok: false, problem: { key: 'questionnaires.problem.invalidChoice' } });
		expect(checkAnswer(one, { choices: ['yes', 'no'] }, draft)).toEqual({ ok: false, problem: { key: 'questionnaires.problem.oneChoice' } });
		expect(checkAnswer(one, { choices: ['yes', 'yes'] }, draft)).toEqual({ ok: true, value: { text: null, choices: ['yes'] } });
		expect(checkAnswer(many, { choices: ['b', 'a', 'b'] }, draft)).toEqual({ ok: true, value: { text: null, choices: ['b', 'a'] } });
		expect(checkAnswer(many, { choices: ['a', 'c'] }, draft)).toMatchObject({ ok: false, problem: { key: 'questionnaires.problem.invalidChoice' } });
		expect(checkAnswer(one, { text: 'yes' }, draft)).toMatchObject({ ok: false, problem: { key: 'questionnaires.problem.notAChoice' } });
		expect(checkAnswer(text, { choices: ['a'] }, draft)).toMatchObject({ ok: false, problem: { key: 'questionnaires.problem.notAText' } });
	});

	it('requires an answer to a required question only at submission', () => {
		expect(checkAnswer(one, undefined, draft)).toEqual({ ok: true, value: { text: null, choices: [] } });
		expect(checkAnswer(one, undefined, submit)).toEqual({ ok: false, problem: { key: 'questionnaires.problem.required' } });
		expect(checkAnswer(text, { text: '   ' }, submit)).toEqual({ ok: false, problem: { key: 'questionnaires.problem.required' } });
		expect(checkAnswer(many, { choices: [] }, submit).ok).toBe(true);
	});

	it('takes the choices of vocabulary questions from the vocabulary', () => {
		const rules = (kind: QuestionRules['kind']): QuestionRules => ({ kind, required: false, options: [], maxLength: 100 });
		expect(checkAnswer(rules('stakeholder_group'), { choices: ['civil_society'] }, draft).ok).toBe(true);
		expect(checkAnswer(rules('stakeholder_group'), { choices: ['citizens'] }, draft).ok).toBe(false);
		expect(checkAnswer(rules('consent'), { choices: ['yes'] }, draft).ok).toBe(true);
		expect(checkAnswer(rules('consent'), { choices: ['perhaps'] }, draft).ok).toBe(false);
		expect(checkAnswer(rules('country'), { choices: ['FR'] }, draft).ok).toBe(true);
		expect(checkAnswer(rules('country'), { choices: ['FR'] }, { ...draft, countries: new Set(['BR']) }).ok).toBe(false);
		expect(checkAnswer(rules('country'), { choices: ['France'] }, draft).ok).toBe(false);
	});

	it('law: an accepted answer is within its limits and its choices are allowed', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), fc.array(fc.constantFrom('yes', 'no', 'x', ' '), { maxLength: 3 }), fc.boolean(), (t, choices, submitting) => {
				for (const q of [text, one, many]) {
					const r = checkAnswer(q, { text: t, choices }, { submitting });
					if (!r.ok) continue;
					expect([...(r.value.text ?? '')].length).toBeLessThanOrEqual(q.maxLength);
					for (const c of r.value.choices) expect(q.options.map((o) => o.code)).toContain(c);
					if (q.kind === 'single_choice') expect(r.value.choices.length).toBeLessThanOrEqual(1);
				}
			}),
			{ numRuns: 300, seed: 41 }
		);
	});

	it('collects the problems of a whole response', () => {
		const questions = [
			{ id: 'q1', ...one },
			{ id: 'q2', ...text },
			{ id: 'q3', ...many }
		];
		const answers = new Map([
			['q2', { text: 'far too long here' }],
			['q3', { choices: ['a'] }],
			['other', { text: 'ignored' }]
		]);
		expect(responseProblems(questions, answers, submit)).toEqual({
			q1: { key: 'questionnaires.problem.required' },
			q2: { key: 'questionnaires.problem.tooLong', values: { max: 10 } }
		});
		expect(responseProblems(questions, new Map([['q1', { choices: ['no'] }]]), draft)).toEqual({});
	});
});

describe('textIn', () => {
	const text = { en: 'Enhanced cooperation', fr: 'Coopération renforcée', ar: ' ' };

	it("shows the reader's language when it is there", () => {
		expect(textIn(text, 'fr', 'en')).toEqual({ text: 'Coopération renforcée', lang: 'fr', translated: true });
		expect(textIn(text, 'en', 'en')).toEqual({ text: 'Enhanced cooperation', lang: 'en', translated: false });
	});

	it('falls back to the original language, marked, never to a machine translation', () => {
		expect(textIn(text, 'ar', 'en')).toEqual({ text: 'Enhanced cooperation', lang: 'en', translated: false });
		expect(textIn(text, 'zh', 'en')).toEqual({ text: 'Enhanced cooperation', lang: 'en', translated: false });
	});

	it('falls back to any language when the original is missing, and to nothing when all are', () => {
		expect(textIn({ ru: 'Текст', fr: 'Texte' }, 'zh', 'en')).toEqual({ text: 'Texte', lang: 'fr', translated: true });
		expect(textIn({}, 'fr', 'en')).toEqual({ text: '', lang: 'en', translated: false });
		expect(textIn(null, 'fr', 'en')).toEqual({ text: '', lang: 'en', translated: false });
	});
});
