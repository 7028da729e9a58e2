/**
 * Reading questionnaires: one by slug or id, a body's list, and a questionnaire's structure
 * (sections with their questions, in order). Nothing here reads answers: those are read by
 * `responses.ts` (a respondent's own) and `citable-answers.ts` (consented ones only).
 */
import { asc, count, desc, eq, and } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { questionnaires, questionnaireSections, questions, questionSummaries, responses } from '../db/schema';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type SectionRow = typeof questionnaireSections.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;

export interface QuestionnaireStructure {
	sections: (SectionRow & { questions: QuestionRow[] })[];
	/** Every question in order through the whole questionnaire. */
	questions: QuestionRow[];
}

export async function findQuestionnaireBySlug(db: DbOrTx, slug: string): Promise<QuestionnaireRow | undefined> {
	const [row] = await db.select().from(questionnaires).where(eq(questionnaires.slug, slug)).limit(1);
	return row;
}

export async function findQuestionnaireById(db: DbOrTx, id: string): Promise<QuestionnaireRow | undefined> {
	const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id)).limit(1);
	return row;
}

/** A body's questionnaires, the latest opened first. */
export async function listQuestionnaires(db: DbOrTx, bodyId: string): Promise<QuestionnaireRow[]> {
	return db.select().from(questionnaires).where(eq(questionnaires.bodyId, bodyId)).orderBy(desc(questionnaires.opensAt), asc(questionnaires.createdAt));
}

/** Sections and questions in order; a question whose section was removed goes with the last section. */
export async function structureOf(db: DbOrTx, questionnaireId: string): Promise<QuestionnaireStructure> {
	const sectionRows = await db.select().from(questionnaireSections).where(eq(questionnaireSections.questionnaireId, questionnaireId)).orderBy(asc(questionnaireSections.position));
	const questionRows = await db.select().from(questions).where(eq(questions.questionnaireId, questionnaireId)).orderBy(asc(questions.position));
	const sections = sectionRows.map((s) => ({ ...s, questions: [] as QuestionRow[] }));
	const byId = new Map(sections.map((s) => [s.id, s]));
	for (const q of questionRows) (byId.get(q.sectionId ?? '') ?? sections[sections.length - 1])?.questions.push(q);
	return { sections, questions: questionRows };
}

/** How many responses a questionnaire has: drafts and submitted ones. */
export async function responseCounts(db: DbOrTx, questionnaireId: string): Promise<{ draft: number; submitted: number }> {
	const rows = await db
		.select({ status: responses.status, n: count() })
		.from(responses)
		.where(eq(responses.questionnaireId, questionnaireId))
		.groupBy(responses.status);
	const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
	return { draft: of('draft'), submitted: of('submitted') };
}

/** Whether any response (draft or submitted) exists: from then on questions can be reworded but not removed. */
export async function hasResponses(db: DbOrTx, questionnaireId: string): Promise<boolean> {
	const [row] = await db.select({ id: responses.id }).from(responses).where(eq(responses.questionnaireId, questionnaireId)).limit(1);
	return Boolean(row);
}

/** The secretariat's summaries by question id. */
export async function summariesOf(db: DbOrTx, questionnaireId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ questionId: questionSummaries.questionId, text: questionSummaries.text })
		.from(questionSummaries)
		.innerJoin(questions, eq(questions.id, questionSummaries.questionId))
		.where(and(eq(questions.questionnaireId, questionnaireId)));
	return new Map(rows.map((r) => [r.questionId, r.text]));
}
