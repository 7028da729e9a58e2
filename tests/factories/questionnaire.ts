/**
 * A small questionnaire for tests: a consent question, the stakeholder group and country, one
 * single-choice, one multiple-choice and one long-text question, open from yesterday for ten days.
 * `sampleQuestionnaire({ k: 3 })` overrides any top-level field; the result is validated.
 */
import { validateQuestionnaire, type Questionnaire, type QuestionnaireInput } from '../../src/lib/core/questionnaires/questionnaire';

const DAY = 86_400_000;

export const CONSENT_STATEMENT = 'The information solicited through this questionnaire will only be used in aggregate form, unless otherwise authorised by the respondent.';

export function sampleQuestionnaire(over: Partial<QuestionnaireInput> = {}): Questionnaire {
	const input: QuestionnaireInput = {
		title: { en: 'Questionnaire on enhanced cooperation' },
		intro: { en: 'Please answer the questions below.' },
		consentStatement: { en: CONSENT_STATEMENT },
		originalLang: 'en',
		languages: ['en'],
		opensAt: new Date(Date.now() - DAY),
		closesAt: new Date(Date.now() + 10 * DAY),
		k: 5,
		sections: [
			{
				title: { en: 'About you' },
				questions: [
					{ kind: 'consent', required: true, text: { en: 'Do you authorise us to cite/share your views individually?' } },
					{ number: '1', kind: 'stakeholder_group', required: true, text: { en: 'Which stakeholder category do you belong to?' } },
					{ kind: 'country', text: { en: 'Which country are you from?' } }
				]
			},
			{
				title: { en: 'Questions' },
				questions: [
					{
						number: '2',
						kind: 'single_choice',
						required: true,
						text: { en: 'Has enhanced cooperation been implemented?' },
						options: [
							{ code: 'yes', label: { en: 'Yes' } },
							{ code: 'partly', label: { en: 'Partly' } },
							{ code: 'no', label: { en: 'No' } }
						]
					},
					{
						number: '3',
						kind: 'multiple_choice',
						text: { en: 'Which issues matter most?' },
						options: [
							{ code: 'access', label: { en: 'Access' } },
							{ code: 'security', label: { en: 'Security' } },
							{ code: 'content', label: { en: 'Local content' } }
						]
					},
					{ number: '4', kind: 'long_text', text: { en: 'What are the relevant international public policy issues?' }, maxLength: 2000 }
				]
			}
		],
		...over
	};
	const checked = validateQuestionnaire(input);
	if (!checked.ok) throw new Error(`sample questionnaire is invalid: ${JSON.stringify(checked.problems)}`);
	return checked.value;
}
