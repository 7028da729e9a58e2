/**
 * Answering a questionnaire: saving answers as the respondent goes, and submitting. See
 * docs/actions/answerQuestionnaire.md.
 *
 * The respondent is the signed-in user, or whoever holds the private link's token; a visitor's
 * first save creates the response and its link. Every change is audited as made by "respondent" —
 * never the person's name, and never an answer: the log records which questions changed.
 */
import { eq } from 'drizzle-orm';
import { throttleState } from '../../core/accounts/throttle-rule';
import { memberStates } from '../../core/organisations/countries';
import { checkAnswer, responseProblems, type AnswerInput, type CleanAnswer, type ProblemKey } from '../../core/questionnaires/questionnaire';
import type { Actor } from '../../core/shared/actor';
import { LOCALES } from '../../core/shared/vocabulary';
import { fail, ok, type Result } from '../../core/shared/result';
import { recordAudit } from '../audit/record';
import { hashToken, newToken } from '../auth/tokens';
import type { Db, Tx } from '../db/client';
import { responses } from '../db/schema';
import { choiceContribution, refreshAnswerTerms, refreshChoiceCounts } from '../repositories/questionnaire-aggregates';
import { findQuestionnaireById, structureOf, type QuestionnaireRow, type QuestionRow } from '../repositories/questionnaires';
import { answersOfResponse, findResponseByTokenHash, findResponseOfUser, respondentFacts, writeAnswers, type ResponseRow } from '../repositories/responses';
import { failureRecords, recordFailures } from '../repositories/sign-in-failures';

export type ResponseError = 'not_found' | 'forbidden' | 'closed' | 'invalid' | 'rate_limited' | 'conflict';

/** How a consenting respondent may be cited: short, plain lines. */
export const CITATION_LIMIT = 200;

export interface Respondent {
	actor: Actor;
	/** The private link's token, when the respondent came back through it. */
	token?: string | null;
	/** The client's address: what anonymous responses are rate-limited by. */
	clientAddress?: string | null;
}

export interface ResponseInput {
	/** Answers by question id: those the form showed (an empty one clears the stored answer). */
	answers: ReadonlyMap<string, AnswerInput>;
	lang: string;
	/** How to cite a consenting respondent; left as stored when absent. */
	respondentName?: string;
	respondentOrganisation?: string;
}

export interface SavedResponse {
	response: ResponseRow;
	/** The private link's token, only on the save that created it: the one time it is known. */
	token?: string;
}

/** Problems by question id (or `respondentName` / `respondentOrganisation`), as `invalid`'s detail. */
export type ResponseProblems = Record<string, { key: ProblemKey; values?: Record<string, string | number> }>;

let countryCodes: ReadonlySet<string> | undefined;
const countries = () => (countryCodes ??= new Set(memberStates().map((c) => c.iso2)));

/** Whether a questionnaire takes answers at `now`: from its opening to its closing instant. */
export const isOpen = (q: Pick<QuestionnaireRow, 'opensAt' | 'closesAt' | 'published'>, now: Date) => q.published && q.opensAt <= now && now < q.closesAt;

/** Finds the respondent's existing response: by link, else by account. */
async function existingResponse(tx: Tx | Db, questionnaireId: string, who: Respondent): Promise<ResponseRow | undefined | 'unknown_link'> {
	if (who.token) return (await findResponseByTokenHash(tx, questionnaireId, hashToken(who.token))) ?? 'unknown_link';
	if (who.actor.userId) return findResponseOfUser(tx, questionnaireId, who.actor.userId);
	return undefined;
}

/**
 * Saves answers (and, with `submit`, submits the response). Validation happens before anything is
 * written: one bad answer and nothing changes.
 */
export async function saveResponse(
	db: Db,
	questionnaireId: string,
	who: Respondent,
	input: ResponseInput,
	options: { submit?: boolean; now?: Date } = {}
): Promise<Result<SavedResponse, ResponseError>> {
	const now = options.now ?? new Date();
	const questionnaire = await findQuestionnaireById(db, questionnaireId);
	if (!questionnaire || !questionnaire.published) return fail('not_found');
	if (questionnaire.requiresAccount && !who.actor.userId && !who.token) return fail('forbidden');
	if (!isOpen(questionnaire, now)) return fail('closed');
	const { questions } = await structureOf(db, questionnaireId);

	const problems: ResponseProblems = {};
	const clean = new Map<string, CleanAnswer>();
	for (const q of questions) {
		if (!input.answers.has(q.id)) continue;
		const check = checkAnswer(q, input.answers.get(q.id), { submitting: false, countries: countries() });
		if (check.ok) clean.set(q.id, check.value);
		else problems[q.id] = check.problem;
	}
	for (const field of ['respondentName', 'respondentOrganisation'] as const) {
		const value = input[field];
		if (value !== undefined && [...value.trim()].length > CITATION_LIMIT) problems[field] = { key: 'questionnaires.problem.tooLong', values: { max: CITATION_LIMIT } };
	}
	if (Object.keys(problems).length) return fail('invalid', { problems });
	const lang = (LOCALES as readonly string[]).includes(input.lang) ? input.lang : questionnaire.originalLang;

	try {
		return await db.transaction(async (tx) => {
			const found = await existingResponse(tx, questionnaireId, who);
			if (found === 'unknown_link') return fail('not_found');
			let response = found;
			let token: string | undefined;
			if (!response) {
				if (!who.actor.userId) {
					const limited = await rateLimited(tx, who.clientAddress, now);
					if (limited) return fail('rate_limited', { retryAfterMinutes: limited });
					token = newToken();
				}
				[response] = await tx
					.insert(responses)
					.values({ questionnaireId, userId: who.actor.userId, tokenHash: token ? hashToken(token) : null, lang })
					.returning();
			}

			// A submitted response stays complete: a later change may not blank a required answer.
			if (options.submit || response.status === 'submitted') {
				const stored = await answersOfResponse(tx, response.id);
				for (const [id, a] of clean) stored.set(id, a);
				const missing = responseProblems(questions, stored, { submitting: true, countries: countries() });
				if (Object.keys(missing).length) throw new Refusal('invalid', { problems: missing });
			}

			const counted = await choiceContribution(tx, response.id);
			const changed = await writeAnswers(tx, response.id, clean);
			const facts = await respondentFacts(tx, response.id);
			const submitting = options.submit && response.status !== 'submitted';
			const [updated] = await tx
				.update(responses)
				.set({
					...facts,
					stakeholderGroup: facts.stakeholderGroup as ResponseRow['stakeholderGroup'],
					lang,
					...(input.respondentName !== undefined ? { respondentName: input.respondentName.trim() } : {}),
					...(input.respondentOrganisation !== undefined ? { respondentOrganisation: input.respondentOrganisation.trim() } : {}),
					...(submitting ? { status: 'submitted' as const, submittedAt: now } : {}),
					updatedAt: now
				})
				.where(eq(responses.id, response.id))
				.returning();
			await refreshAnswerTerms(tx, updated.id);
			await refreshChoiceCounts(tx, updated.id, counted);

			await recordAudit(tx, 'respondent', {
				action: submitting ? 'response.submit' : 'response.save',
				entityType: 'response',
				entityId: updated.id,
				bodyId: questionnaire.bodyId,
				summary: submitting ? 'Response submitted' : found ? 'Response changed' : 'Response started',
				changes: { answered: { from: null, to: questionLabels(questions, changed) } }
			});
			return ok(token ? { response: updated, token } : { response: updated });
		});
	} catch (e) {
		if (e instanceof Refusal) return fail(e.code, e.detail);
		// Two first saves by one account at once: the second finds the unique index taken.
		if ((e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505') return fail('conflict');
		throw e;
	}
}

/** Aborts the transaction with a named outcome. */
class Refusal extends Error {
	constructor(
		readonly code: ResponseError,
		readonly detail?: Record<string, unknown>
	) {
		super(code);
	}
}

/** The questions that changed, by their printed number (or position): what the audit may say. */
function questionLabels(questions: readonly QuestionRow[], ids: readonly string[]): string[] {
	const set = new Set(ids);
	return questions.filter((q) => set.has(q.id)).map((q) => (q.number ? q.number : `#${q.position + 1}`));
}

/** Minutes to wait when the address has started too many responses lately; 0 when it may go on (and the start is counted). */
async function rateLimited(tx: Tx, clientAddress: string | null | undefined, now: Date): Promise<number> {
	if (!clientAddress) return 0;
	const key = `respond:${clientAddress}`;
	const state = throttleState(await failureRecords(tx, [key]), now);
	if (state.locked) return state.retryAfterMinutes;
	await recordFailures(tx, [key], now);
	return 0;
}

/** The response the respondent reaches: by private link, else by account (for pages). */
export async function responseOf(db: Db, questionnaireId: string, who: Respondent): Promise<ResponseRow | undefined | 'unknown_link'> {
	return existingResponse(db, questionnaireId, who);
}
