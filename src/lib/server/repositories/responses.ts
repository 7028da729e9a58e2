/**
 * A respondent's own response: finding it (by account or by private link), reading its answers
 * back to the respondent, and writing them. These functions serve the respondent alone; every
 * other reader of answers goes through `citable-answers.ts` (consented, submitted responses) or
 * the aggregates.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { CleanAnswer } from '../../core/questionnaires/questionnaire';
import type { DbOrTx } from '../db/client';
import { answers, questions, responses } from '../db/schema';

export type ResponseRow = typeof responses.$inferSelect;

export async function findResponseOfUser(db: DbOrTx, questionnaireId: string, userId: string): Promise<ResponseRow | undefined> {
	const [row] = await db
		.select()
		.from(responses)
		.where(and(eq(responses.questionnaireId, questionnaireId), eq(responses.userId, userId)))
		.limit(1);
	return row;
}

/**
 * The response a private link opens. The token is 256 random bits and only its SHA-256 is stored,
 * so looking the hash up by index leaks nothing a timing attack could use.
 */
export async function findResponseByTokenHash(db: DbOrTx, questionnaireId: string, tokenHash: string): Promise<ResponseRow | undefined> {
	const [row] = await db
		.select()
		.from(responses)
		.where(and(eq(responses.questionnaireId, questionnaireId), eq(responses.tokenHash, tokenHash)))
		.limit(1);
	return row;
}

/** The respondent's answers, by question id. */
export async function answersOfResponse(db: DbOrTx, responseId: string): Promise<Map<string, CleanAnswer>> {
	const rows = await db.select({ questionId: answers.questionId, text: answers.text, choices: answers.choices }).from(answers).where(eq(answers.responseId, responseId));
	return new Map(rows.map((r) => [r.questionId, { text: r.text, choices: r.choices }]));
}

/**
 * Writes answers: an empty answer removes the stored one. Returns the ids of the questions whose
 * answer changed (what the audit records — never the answers themselves).
 */
export async function writeAnswers(tx: DbOrTx, responseId: string, wanted: ReadonlyMap<string, CleanAnswer>): Promise<string[]> {
	if (wanted.size === 0) return [];
	const current = await answersOfResponse(tx, responseId);
	const changed: string[] = [];
	const now = new Date();
	for (const [questionId, answer] of wanted) {
		const before = current.get(questionId);
		const empty = answer.text === null && answer.choices.length === 0;
		if (empty) {
			if (before) {
				await tx.delete(answers).where(and(eq(answers.responseId, responseId), eq(answers.questionId, questionId)));
				changed.push(questionId);
			}
			continue;
		}
		if (before && before.text === answer.text && JSON.stringify(before.choices) === JSON.stringify(answer.choices)) continue;
		await tx
			.insert(answers)
			.values({ responseId, questionId, text: answer.text, choices: answer.choices, updatedAt: now })
			.onConflictDoUpdate({ target: [answers.responseId, answers.questionId], set: { text: answer.text, choices: answer.choices, updatedAt: now } });
		changed.push(questionId);
	}
	return changed;
}

/**
 * What a response's answers say about the respondent: consent (only an explicit "yes"), stakeholder
 * group and country, read from the answers to the consent, stakeholder-group and country questions.
 */
export async function respondentFacts(tx: DbOrTx, responseId: string): Promise<{ consent: boolean | null; stakeholderGroup: string | null; countryIso2: string | null }> {
	const rows = await tx
		.select({ kind: questions.kind, choices: answers.choices })
		.from(answers)
		.innerJoin(questions, eq(questions.id, answers.questionId))
		.where(and(eq(answers.responseId, responseId), inArray(questions.kind, ['consent', 'stakeholder_group', 'country'])));
	const first = (kind: string) => rows.find((r) => r.kind === kind)?.choices[0] ?? null;
	const consent = first('consent');
	return { consent: consent === null ? null : consent === 'yes', stakeholderGroup: first('stakeholder_group'), countryIso2: first('country') };
}
