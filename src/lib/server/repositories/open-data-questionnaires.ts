/**
 * The open-data reads of questionnaires: pages of questionnaires with their questions and counts,
 * and pages of cited responses. Cited responses are read under `citable()` — submitted, with
 * consent — like every other individual read of answers (see citable-answers.ts).
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { answers, bodies, questionnaires, questions, responses } from '../db/schema';
import { citable } from './citable-answers';
import type { Page, Paging } from './open-data';
import type { QuestionnaireRow, QuestionRow } from './questionnaires';

export interface QuestionnaireData {
	questionnaire: QuestionnaireRow;
	bodySlug: string;
	submittedResponses: number;
	citableResponses: number;
	/** Questions in order, with the 1-based position of their section. */
	questions: (QuestionRow & { section: number })[];
}

export interface CitedResponseData {
	id: string;
	questionnaireSlug: string;
	respondentName: string;
	respondentOrganisation: string;
	stakeholderGroup: string | null;
	countryIso2: string | null;
	lang: string;
	submittedAt: Date;
	answers: { questionId: string; number: string; position: number; text: string | null; choices: string[] }[];
}

const submittedCount = sql<number>`(select count(*) from ${responses} where ${responses.questionnaireId} = ${questionnaires.id} and ${responses.status} = 'submitted')`.mapWith(Number);
const citableCount = sql<number>`(select count(*) from ${responses} where ${responses.questionnaireId} = ${questionnaires.id} and ${responses.status} = 'submitted' and ${responses.consent} = true)`.mapWith(Number);

/** Published questionnaires (of one body, or all), the latest opened first. */
export async function pageOfQuestionnaires(db: DbOrTx, paging: Paging & { bodyId?: string; slug?: string }): Promise<Page<QuestionnaireData>> {
	const filter = and(eq(questionnaires.published, true), paging.bodyId ? eq(questionnaires.bodyId, paging.bodyId) : undefined, paging.slug ? eq(questionnaires.slug, paging.slug) : undefined);
	const rows = await db
		.select({ questionnaire: questionnaires, bodySlug: bodies.slug, submittedResponses: submittedCount, citableResponses: citableCount })
		.from(questionnaires)
		.innerJoin(bodies, eq(bodies.id, questionnaires.bodyId))
		.where(filter)
		.orderBy(desc(questionnaires.opensAt), asc(questionnaires.slug))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(questionnaires).where(filter);
	const ids = rows.map((r) => r.questionnaire.id);
	const questionRows = ids.length
		? await db
				.select({ question: questions, section: sql<number>`(select s.position from questionnaire_sections s where s.id = ${questions.sectionId})`.mapWith(Number) })
				.from(questions)
				.where(inArray(questions.questionnaireId, ids))
				.orderBy(asc(questions.position))
		: [];
	const byQuestionnaire = new Map<string, QuestionnaireData['questions']>();
	for (const r of questionRows) {
		const list = byQuestionnaire.get(r.question.questionnaireId) ?? [];
		list.push({ ...r.question, section: (r.section ?? 0) + 1 });
		byQuestionnaire.set(r.question.questionnaireId, list);
	}
	return { rows: rows.map((r) => ({ ...r, questions: byQuestionnaire.get(r.questionnaire.id) ?? [] })), total: n };
}

export async function questionnaireDataBySlug(db: DbOrTx, slug: string): Promise<QuestionnaireData | undefined> {
	return (await pageOfQuestionnaires(db, { slug, limit: 1, offset: 0 })).rows[0];
}

/** The id of the published questionnaire with this slug. */
export async function questionnaireIdBySlug(db: DbOrTx, slug: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: questionnaires.id })
		.from(questionnaires)
		.where(and(eq(questionnaires.slug, slug), eq(questionnaires.published, true)))
		.limit(1);
	return row?.id;
}

/** Cited responses (of one questionnaire, or all), in the order received, with their answers. */
export async function pageOfCitedResponses(db: DbOrTx, paging: Paging & { questionnaireId?: string }): Promise<Page<CitedResponseData>> {
	const filter = and(citable(), eq(questionnaires.published, true), paging.questionnaireId ? eq(responses.questionnaireId, paging.questionnaireId) : undefined);
	const heads = await db
		.select({
			id: responses.id,
			questionnaireSlug: questionnaires.slug,
			respondentName: responses.respondentName,
			respondentOrganisation: responses.respondentOrganisation,
			stakeholderGroup: responses.stakeholderGroup,
			countryIso2: responses.countryIso2,
			lang: responses.lang,
			submittedAt: responses.submittedAt
		})
		.from(responses)
		.innerJoin(questionnaires, eq(questionnaires.id, responses.questionnaireId))
		.where(filter)
		.orderBy(asc(responses.submittedAt), asc(responses.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db
		.select({ n: count() })
		.from(responses)
		.innerJoin(questionnaires, eq(questionnaires.id, responses.questionnaireId))
		.where(filter);
	const ids = heads.map((h) => h.id);
	const rows = ids.length
		? await db
				.select({ responseId: answers.responseId, questionId: answers.questionId, number: questions.number, position: questions.position, text: answers.text, choices: answers.choices })
				.from(answers)
				.innerJoin(responses, eq(responses.id, answers.responseId))
				.innerJoin(questions, eq(questions.id, answers.questionId))
				// The condition again, on the answers' own read: no path to an answer goes without it.
				.where(and(inArray(answers.responseId, ids), citable()))
				.orderBy(asc(questions.position))
		: [];
	const byResponse = new Map<string, CitedResponseData['answers']>();
	for (const { responseId, ...a } of rows) {
		const list = byResponse.get(responseId) ?? [];
		list.push(a);
		byResponse.set(responseId, list);
	}
	return { rows: heads.map((h) => ({ ...h, submittedAt: h.submittedAt ?? new Date(0), answers: byResponse.get(h.id) ?? [] })), total: n };
}
