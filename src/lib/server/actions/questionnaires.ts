/**
 * The secretariat's questionnaire commands: building one, changing it, and writing the summary of
 * a question's answers for the analysis. See docs/actions/buildQuestionnaire.md and
 * docs/actions/analyseQuestionnaire.md.
 */
import { eq } from 'drizzle-orm';
import type { Questionnaire } from '../../core/questionnaires/questionnaire';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import { changedFields } from '../audit/record';
import type { Db } from '../db/client';
import { questionnaires, questionSummaries, questions } from '../db/schema';
import { insertQuestionnaire, questionnaireValues, writeStructure } from '../repositories/questionnaire-writes';
import { findQuestionnaireById, hasResponses, structureOf, type QuestionnaireRow } from '../repositories/questionnaires';
import { availableSlug } from '../repositories/slugs';
import { pickLike } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

/** Summaries are structured text, like a contribution: long enough for a page of analysis. */
export const SUMMARY_LIMIT = 20_000;

const englishOrFirst = (text: Partial<Record<string, string>>) => text.en ?? Object.values(text)[0] ?? '';

/** A questionnaire's structure as the audit records it: one line per question. */
const structureLines = (q: Pick<Questionnaire, 'sections'>) =>
	q.sections.flatMap((s) => s.questions.map((x) => `${x.number ? `${x.number}. ` : ''}[${x.kind}${x.required ? ', required' : ''}] ${englishOrFirst(x.text)}`));

/** The secretariat builds a questionnaire for its body. */
export async function createQuestionnaire(db: Db, actor: Actor, bodyId: string, input: Questionnaire): Promise<Result<QuestionnaireRow, ActionError>> {
	return perform(db, actor, 'questionnaire.create', { bodyId }, async (tx) => {
		const title = input.title[input.originalLang] ?? englishOrFirst(input.title);
		const slug = await availableSlug(tx, 'questionnaires', slugify(title) || 'questionnaire');
		const row = await insertQuestionnaire(tx, { bodyId, slug, createdByUserId: actor.userId }, input);
		return {
			value: row,
			audit: {
				action: 'questionnaire.create',
				entityType: 'questionnaire',
				entityId: row.id,
				summary: `Questionnaire "${title}" built`,
				changes: changedFields(null, { ...questionnaireValues(input), questions: structureLines(input) })
			}
		};
	});
}

/**
 * The secretariat changes a questionnaire. Once anyone has answered, questions and options can be
 * reworded and translated but not removed, and no kind changed (`conflict {field: 'sections'}`).
 */
export async function updateQuestionnaire(db: Db, actor: Actor, questionnaireId: string, input: Questionnaire): Promise<Result<QuestionnaireRow, ActionError>> {
	return perform(
		db,
		actor,
		'questionnaire.update',
		async (tx) => {
			const q = await findQuestionnaireById(tx, questionnaireId);
			return q ? { bodyId: q.bodyId } : null;
		},
		async (tx) => {
			const before = (await findQuestionnaireById(tx, questionnaireId))!;
			const structure = await structureOf(tx, questionnaireId);
			const beforeLines = structureLines({
				sections: structure.sections.map((s) => ({ title: s.title, questions: s.questions })) as unknown as Questionnaire['sections']
			});
			const conflict = await writeStructure(tx, questionnaireId, input, { locked: await hasResponses(tx, questionnaireId) });
			if (conflict) throw new ActionFailure('conflict', { field: 'sections', ...conflict });
			const values = questionnaireValues(input);
			const [row] = await tx
				.update(questionnaires)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(questionnaires.id, questionnaireId))
				.returning();
			const changes = changedFields({ ...pickLike(before, values), questions: beforeLines }, { ...values, questions: structureLines(input) });
			return {
				value: row,
				audit: { action: 'questionnaire.update', entityType: 'questionnaire', entityId: row.id, summary: `Questionnaire "${englishOrFirst(row.title)}" changed`, changes }
			};
		}
	);
}

/** The secretariat writes (or clears) its summary of the answers to one question. */
export async function writeQuestionSummary(db: Db, actor: Actor, questionId: string, text: string): Promise<Result<{ questionId: string; text: string }, ActionError>> {
	const clean = text.replace(/\r\n?/g, '\n').trim();
	if (clean.length > SUMMARY_LIMIT) return { ok: false, error: 'invalid', detail: { field: 'text', max: SUMMARY_LIMIT } };
	let questionnaireId = '';
	return perform(
		db,
		actor,
		'questionnaire.analyse',
		async (tx) => {
			const [question] = await tx.select({ questionnaireId: questions.questionnaireId }).from(questions).where(eq(questions.id, questionId)).limit(1);
			if (!question) return null;
			questionnaireId = question.questionnaireId;
			const q = await findQuestionnaireById(tx, questionnaireId);
			return q ? { bodyId: q.bodyId } : null;
		},
		async (tx) => {
			const [before] = await tx.select({ text: questionSummaries.text }).from(questionSummaries).where(eq(questionSummaries.questionId, questionId)).limit(1);
			const now = new Date();
			await tx
				.insert(questionSummaries)
				.values({ questionId, text: clean, updatedByUserId: actor.userId, updatedAt: now })
				.onConflictDoUpdate({ target: questionSummaries.questionId, set: { text: clean, updatedByUserId: actor.userId, updatedAt: now } });
			return {
				value: { questionId, text: clean },
				audit: {
					action: 'question.summary',
					entityType: 'questionnaire',
					entityId: questionnaireId,
					summary: 'Summary of a question written',
					changes: changedFields({ summary: before?.text ?? '' }, { summary: clean })
				}
			};
		}
	);
}
