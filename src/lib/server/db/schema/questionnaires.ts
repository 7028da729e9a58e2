import type { QuestionKind, ResponseStatus, StakeholderGroup } from '../../../core/shared/vocabulary';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies } from './bodies';
import { createdAt, id, updatedAt } from './common';
import { documents } from './documents';
import { users } from './people';

/** A text in several languages: locale → text. A locale without an entry is untranslated, never machine-filled. */
export type TranslatedText = Partial<Record<string, string>>;

/** An option of a choice question: a stable code (what answers store) and its label in each language. */
export interface QuestionOption {
	code: string;
	label: TranslatedText;
}

/**
 * A questionnaire a body's secretariat sends to Member States and stakeholders. `k` is the
 * smallest number of responses an aggregate cell or a frequent term may stand for.
 */
export const questionnaires = pgTable('questionnaires', {
	id: id(),
	slug: text('slug').notNull().unique(),
	bodyId: uuid('body_id')
		.notNull()
		.references(() => bodies.id, { onDelete: 'cascade' }),
	title: jsonb('title').$type<TranslatedText>().notNull(),
	intro: jsonb('intro').$type<TranslatedText>().notNull().default({}),
	/** The promise made to respondents, shown verbatim on the questionnaire's public page. */
	consentStatement: jsonb('consent_statement').$type<TranslatedText>().notNull().default({}),
	/** The language the secretariat wrote it in: what a reader sees where a translation is missing. */
	originalLang: text('original_lang').notNull().default('en'),
	languages: jsonb('languages').$type<string[]>().notNull().default(['en']),
	opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
	closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
	requiresAccount: boolean('requires_account').notNull().default(false),
	k: integer('k').notNull().default(5),
	published: boolean('published').notNull().default(true),
	/** The analysis document ("Analysis of the responses to the questionnaire"), once generated. */
	analysisDocumentId: uuid('analysis_document_id').references(() => documents.id, { onDelete: 'set null' }),
	sourceName: text('source_name'),
	createdByUserId: uuid('created_by_user_id'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const questionnaireSections = pgTable(
	'questionnaire_sections',
	{
		id: id(),
		questionnaireId: uuid('questionnaire_id')
			.notNull()
			.references(() => questionnaires.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: jsonb('title').$type<TranslatedText>().notNull().default({})
	},
	(t) => [uniqueIndex('questionnaire_sections_position').on(t.questionnaireId, t.position)]
);

export const questions = pgTable(
	'questions',
	{
		id: id(),
		questionnaireId: uuid('questionnaire_id')
			.notNull()
			.references(() => questionnaires.id, { onDelete: 'cascade' }),
		sectionId: uuid('section_id').references(() => questionnaireSections.id, { onDelete: 'set null' }),
		/** Order through the whole questionnaire. */
		position: integer('position').notNull(),
		/** The number as printed ("7", "2 (a)"); empty for unnumbered questions. */
		number: text('number').notNull().default(''),
		kind: text('kind').$type<QuestionKind>().notNull(),
		required: boolean('required').notNull().default(false),
		text: jsonb('text').$type<TranslatedText>().notNull(),
		help: jsonb('help').$type<TranslatedText>().notNull().default({}),
		options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
		maxLength: integer('max_length').notNull().default(10000)
	},
	(t) => [uniqueIndex('questions_position').on(t.questionnaireId, t.position)]
);

/**
 * One respondent's response: a user's, or a private link's (only the token's hash is kept).
 * `consent` is true only when the respondent said yes to the consent statement; null and false
 * both mean their answers are shown in aggregates alone.
 */
export const responses = pgTable(
	'responses',
	{
		id: id(),
		questionnaireId: uuid('questionnaire_id')
			.notNull()
			.references(() => questionnaires.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		tokenHash: text('token_hash').unique(),
		status: text('status').$type<ResponseStatus>().notNull().default('draft'),
		lang: text('lang').notNull().default('en'),
		consent: boolean('consent'),
		/** How a consenting respondent wishes to be cited. */
		respondentName: text('respondent_name').notNull().default(''),
		respondentOrganisation: text('respondent_organisation').notNull().default(''),
		stakeholderGroup: text('stakeholder_group').$type<StakeholderGroup>(),
		countryIso2: text('country_iso2'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('responses_one_per_user').on(t.questionnaireId, t.userId), index('responses_questionnaire_status').on(t.questionnaireId, t.status)]
);

/** An answer: text for text questions, the chosen option codes for choice questions. */
export const answers = pgTable(
	'answers',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		questionId: uuid('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		text: text('text'),
		choices: jsonb('choices').$type<string[]>().notNull().default([]),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('answers_question').on(t.questionId)]
);

/** The distinct terms and phrases of a text answer, kept as answers change: what "frequent terms" count. */
export const answerTerms = pgTable(
	'answer_terms',
	{
		questionId: uuid('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		term: text('term').notNull(),
		stakeholderGroup: text('stakeholder_group')
	},
	(t) => [primaryKey({ columns: [t.questionId, t.responseId, t.term] }), index('answer_terms_question_term').on(t.questionId, t.term)]
);

/**
 * How many distinct submitted respondents used each term of a text question, overall (`scope` '*')
 * and per stakeholder group (`scope` the group, or 'not_stated'): kept up to date as responses
 * change, so reading a question's frequent terms is a range scan however many answers there are.
 */
export const answerTermCounts = pgTable(
	'answer_term_counts',
	{
		questionId: uuid('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		scope: text('scope').notNull(),
		term: text('term').notNull(),
		respondents: integer('respondents').notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.scope, t.term] }), index('answer_term_counts_frequent').on(t.questionId, t.scope, t.respondents)]
);

/**
 * How many submitted respondents chose each option of a choice question, per stakeholder group and
 * country (`code`), and how many answered it at all (`code` ''): kept up to date in the
 * transaction that saves a response, so tallying a questionnaire reads a few thousand rows however
 * many responses it has. A respondent with no stakeholder group or no country is counted under ''.
 */
export const answerChoiceCounts = pgTable(
	'answer_choice_counts',
	{
		questionId: uuid('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		stakeholderGroup: text('stakeholder_group').notNull(),
		countryIso2: text('country_iso2').notNull(),
		respondents: integer('respondents').notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.code, t.stakeholderGroup, t.countryIso2] })]
);

/** The secretariat's summary of the answers to one question, for the analysis document. */
export const questionSummaries = pgTable('question_summaries', {
	questionId: uuid('question_id')
		.primaryKey()
		.references(() => questions.id, { onDelete: 'cascade' }),
	text: text('text').notNull().default(''),
	updatedByUserId: uuid('updated_by_user_id'),
	updatedAt: updatedAt()
});
