/**
 * The one way to read answers individually for anyone but their respondent. Its SQL requires the
 * response to be submitted and its respondent to have said yes to the consent statement; pages,
 * exports, the API, search and the analysis document all read individual answers here, so a
 * response without consent can only ever reach them as a count.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { answers, questions, responses } from '../db/schema';

export interface CitableAnswer {
	responseId: string;
	questionId: string;
	text: string | null;
	choices: string[];
}

export interface CitableResponse {
	id: string;
	respondentName: string;
	respondentOrganisation: string;
	stakeholderGroup: string | null;
	countryIso2: string | null;
	lang: string;
	submittedAt: Date | null;
	answers: CitableAnswer[];
}

/** Submitted and consented: the condition every individual read carries. */
export const citable = (): SQL => and(eq(responses.status, 'submitted'), eq(responses.consent, true))!;

/**
 * The consented responses of a questionnaire with their answers, in the order received; with
 * `questionIds`, only the answers to those questions (responses without one are left out).
 */
export async function citableResponses(db: DbOrTx, questionnaireId: string, options: { questionIds?: readonly string[] } = {}): Promise<CitableResponse[]> {
	const heads = await db
		.select({
			id: responses.id,
			respondentName: responses.respondentName,
			respondentOrganisation: responses.respondentOrganisation,
			stakeholderGroup: responses.stakeholderGroup,
			countryIso2: responses.countryIso2,
			lang: responses.lang,
			submittedAt: responses.submittedAt
		})
		.from(responses)
		.where(and(eq(responses.questionnaireId, questionnaireId), citable()))
		.orderBy(asc(responses.submittedAt), asc(responses.id));
	if (heads.length === 0) return [];
	const filter = options.questionIds ? inArray(answers.questionId, [...options.questionIds]) : undefined;
	if (options.questionIds?.length === 0) return [];
	const rows = await db
		.select({ responseId: answers.responseId, questionId: answers.questionId, text: answers.text, choices: answers.choices })
		.from(answers)
		.innerJoin(responses, eq(responses.id, answers.responseId))
		.innerJoin(questions, eq(questions.id, answers.questionId))
		.where(and(eq(responses.questionnaireId, questionnaireId), citable(), filter))
		.orderBy(asc(questions.position));
	const byResponse = new Map<string, CitableAnswer[]>();
	for (const r of rows) {
		const list = byResponse.get(r.responseId) ?? [];
		list.push(r);
		byResponse.set(r.responseId, list);
	}
	return heads.filter((h) => !options.questionIds || byResponse.has(h.id)).map((h) => ({ ...h, answers: byResponse.get(h.id) ?? [] }));
}
