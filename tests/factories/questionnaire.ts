/**
 * A small questionnaire for tests: a consent question, the stakeholder group and country, one
 * single-choice, one multiple-choice and one long-text question, open from yesterday for ten days.
 * `sampleQuestionnaire({ k: 3 })` overrides any top-level field; the result is validated.
 */
import { validateQuestionnaire, type Questionnaire, type QuestionnaireInput } from '../../src/lib/core/questionnaires/questionnaire';
import type { Actor } from '../../src/lib/core/shared/actor';
import { createQuestionnaire } from '../../src/lib/server/actions/questionnaires';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import type { Db } from '../../src/lib/server/db/client';
import { memberships, persons, users } from '../../src/lib/server/db/schema';
import { buildBody } from './records';

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

/**
 * A body "wg" whose secretariat (a user with a seat) has created `sampleQuestionnaire(over)`
 * through the command, as it would in the builder.
 */
export async function questionnaireBySecretariat(db: Db, over: Partial<QuestionnaireInput> = {}) {
	const bodyId = (await buildBody(db, { slug: 'wg' })).id;
	const [p] = await db.insert(persons).values({ slug: 'p-sec', name: 'Secretariat' }).returning();
	await db.insert(memberships).values({ bodyId, role: 'secretariat', personId: p.id });
	const [u] = await db.insert(users).values({ email: 'sec@example.org', passwordHash: 'x', displayName: 'Secretariat', personId: p.id }).returning();
	const secretariat: Actor = await actorForUser(db, u);
	const created = await createQuestionnaire(db, secretariat, bodyId, sampleQuestionnaire(over));
	if (!created.ok) throw new Error('questionnaire not created');
	return { bodyId, secretariat, questionnaire: created.value };
}
