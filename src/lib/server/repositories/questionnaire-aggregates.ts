/**
 * What may be read about a questionnaire's answers as a whole: the tallies of its choice questions
 * and the frequent terms of its text questions. Only submitted responses count.
 *
 * Choice tallies are grouped by PostgreSQL (one pass over the answers, a few thousand groups out)
 * and spread into tables by the core (`tallyGroups`); they are raw counts, so every reader outside
 * this file goes through `analyseQuestionnaire`, which protects them with the questionnaire's `k`.
 *
 * Frequent terms are kept up to date as responses change (`refreshAnswerTerms`, called in the
 * transaction that saves a response): `answer_terms` holds each text answer's distinct terms, and
 * `answer_term_counts` how many respondents used each term, overall (scope '*') and per stakeholder
 * group. Reading a question's frequent terms is then a range scan over the terms used by at least
 * k respondents, whatever the number of answers.
 */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { protectTally, tallyGroups, type AnswerGroup, type ChoiceQuestion, type OptionGroup, type QuestionAnalysis, type QuestionTally } from '../../core/questionnaires/aggregate';
import { NOT_STATED } from '../../core/questionnaires/not-stated';
import { answerTerms, type FrequentTerm, type FrequentTerms } from '../../core/questionnaires/terms';
import { STAKEHOLDER_GROUPS } from '../../core/shared/vocabulary';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import { answers, answerTermCounts, answerTerms as answerTermsTable, questions, responses } from '../db/schema';

/** The scope of the counts over all respondents. */
const ALL = '*';

/** Question kinds whose answers are option codes worth counting (a country is counted by region). */
export const TALLIED_KINDS = ['single_choice', 'multiple_choice', 'stakeholder_group', 'consent'] as const;
/** Question kinds whose answers are text: what frequent terms read. */
export const TEXT_KINDS = ['long_text', 'short_text'] as const;

/** The choice questions of a questionnaire, in order, with the codes their answers use. */
export async function choiceQuestionsOf(db: DbOrTx, questionnaireId: string): Promise<ChoiceQuestion[]> {
	const rows = await db
		.select({ id: questions.id, kind: questions.kind, options: questions.options })
		.from(questions)
		.where(and(eq(questions.questionnaireId, questionnaireId), inArray(questions.kind, [...TALLIED_KINDS])))
		.orderBy(asc(questions.position));
	return rows.map((q) => ({
		id: q.id,
		multiple: q.kind === 'multiple_choice',
		options: q.kind === 'stakeholder_group' ? STAKEHOLDER_GROUPS : q.kind === 'consent' ? ['yes', 'no'] : q.options.map((o) => o.code)
	}));
}

/**
 * The raw counts of every choice question, by option and by stakeholder group, region and
 * development status. Never published as such: see `analyseQuestionnaire`.
 *
 * One pass over the answers: grouping sets count each chosen code per (question, code, group,
 * country) and each answer once per (question, group, country) — its first code stands for it, so
 * an empty answer counts nowhere.
 */
export async function choiceTallies(db: DbOrTx, questionnaireId: string): Promise<QuestionTally[]> {
	const choiceQuestions = await choiceQuestionsOf(db, questionnaireId);
	if (choiceQuestions.length === 0) return [];
	const ids = sql.join(
		choiceQuestions.map((q) => sql`${q.id}::uuid`),
		sql`, `
	);
	const grouped = await db.transaction(async (tx) => {
		await planForManyAnswers(tx);
		return tx.execute(sql`
			select a.question_id, c.code, r.stakeholder_group, r.country_iso2, grouping(c.code) as per_answer,
				count(*)::int as chosen, (count(*) filter (where c.position = 1))::int as answered
			from responses r
			join answers a on a.response_id = r.id
			cross join lateral jsonb_array_elements_text(a.choices) with ordinality as c(code, position)
			where r.questionnaire_id = ${questionnaireId}::uuid and r.status = 'submitted' and a.question_id in (${ids})
			group by grouping sets ((a.question_id, c.code, r.stakeholder_group, r.country_iso2), (a.question_id, r.stakeholder_group, r.country_iso2))
		`);
	});
	const options: OptionGroup[] = [];
	const answered: AnswerGroup[] = [];
	for (const row of rows(grouped)) {
		const group: AnswerGroup = {
			questionId: row.question_id as string,
			stakeholderGroup: (row.stakeholder_group as string | null) ?? null,
			countryIso2: (row.country_iso2 as string | null) ?? null,
			count: 0
		};
		if (Number(row.per_answer) === 1) answered.push({ ...group, count: Number(row.answered) });
		else options.push({ ...group, code: row.code as string, count: Number(row.chosen) });
	}
	return tallyGroups(options, answered, choiceQuestions);
}

/**
 * Planner settings for grouping a questionnaire's answers, for the rest of the transaction. The
 * planner takes every `jsonb_array_elements_text` call to return a hundred rows (an answer holds a
 * few codes), so on a large questionnaire it expects a hundred times the real rows: it would then
 * compile the query to machine code (JIT, several hundred milliseconds each time, more than the
 * query takes) and plan the aggregate to spill to disk.
 */
async function planForManyAnswers(tx: DbOrTx): Promise<void> {
	await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
}

/** The protected tables of every choice question: what an analysis page, document or export may show. */
export async function analyseQuestionnaire(db: DbOrTx, questionnaire: { id: string; k: number }): Promise<QuestionAnalysis[]> {
	return (await choiceTallies(db, questionnaire.id)).map((t) => protectTally(t, questionnaire.k));
}

/**
 * The terms of a text question used by at least `k` distinct submitted respondents, overall and
 * per stakeholder group (a group's list counts only that group's respondents), most used first,
 * then by term; `limit` (default 100) keeps the first so many of each list. The same result as
 * the core's `frequentTerms` over the submitted answers.
 */
export async function frequentTermsOf(db: DbOrTx, questionId: string, k: number, options: { limit?: number } = {}): Promise<FrequentTerms> {
	if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number of at least 1');
	const limit = options.limit ?? 100;
	const rows = await db
		.select({ scope: answerTermCounts.scope, term: answerTermCounts.term, count: answerTermCounts.respondents })
		.from(answerTermCounts)
		.where(and(eq(answerTermCounts.questionId, questionId), gte(answerTermCounts.respondents, k)));
	const byScope = new Map<string, FrequentTerm[]>();
	for (const row of rows) {
		let list = byScope.get(row.scope);
		if (!list) byScope.set(row.scope, (list = []));
		list.push({ term: row.term, count: row.count });
	}
	// Sorted here, not in SQL: the order must not depend on the database's collation.
	const ordered = (list: FrequentTerm[] = []) => list.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).slice(0, limit);
	const byGroup: Record<string, FrequentTerm[]> = {};
	for (const scope of [...byScope.keys()].filter((s) => s !== ALL).sort()) byGroup[scope] = ordered(byScope.get(scope));
	return { overall: ordered(byScope.get(ALL)), byGroup };
}

interface TermRow {
	questionId: string;
	term: string;
	group: string;
}

/**
 * Brings a response's terms and the term counts up to date with its answers: a submitted
 * response's text answers contribute their terms under its stakeholder group, a draft's none. Only
 * the difference is written, so saving one answer touches only that answer's terms.
 */
export async function refreshAnswerTerms(tx: DbOrTx, responseId: string): Promise<void> {
	const [response] = await tx
		.select({ status: responses.status, group: responses.stakeholderGroup, questionnaireId: responses.questionnaireId })
		.from(responses)
		.where(eq(responses.id, responseId));
	if (!response) return;
	const wanted = new Map<string, TermRow>();
	if (response.status === 'submitted') {
		const texts = await tx
			.select({ questionId: answers.questionId, text: answers.text })
			.from(answers)
			.innerJoin(questions, eq(questions.id, answers.questionId))
			.where(and(eq(answers.responseId, responseId), inArray(questions.kind, [...TEXT_KINDS])));
		const group = response.group ?? NOT_STATED;
		for (const { questionId, text } of texts) for (const term of answerTerms(text ?? '')) wanted.set(`${questionId}\u0000${term}`, { questionId, term, group });
	}
	const stored = await tx
		.select({ questionId: answerTermsTable.questionId, term: answerTermsTable.term, group: answerTermsTable.stakeholderGroup })
		.from(answerTermsTable)
		// Named by its questionnaire's questions too, so the lookup is an index range per question, not a scan of every term.
		.where(
			and(
				eq(answerTermsTable.responseId, responseId),
				inArray(answerTermsTable.questionId, tx.select({ id: questions.id }).from(questions).where(eq(questions.questionnaireId, response.questionnaireId)))
			)
		);

	const removed: TermRow[] = [];
	const delta = new Map<string, { questionId: string; scope: string; term: string; delta: number }>();
	const count = (row: TermRow, scope: string, by: number) => {
		const key = `${row.questionId}\u0000${scope}\u0000${row.term}`;
		const entry = delta.get(key);
		if (entry) entry.delta += by;
		else delta.set(key, { questionId: row.questionId, scope, term: row.term, delta: by });
	};
	for (const row of stored) {
		const group = row.group ?? NOT_STATED;
		const key = `${row.questionId}\u0000${row.term}`;
		const kept = wanted.get(key);
		if (kept && kept.group === group) {
			wanted.delete(key);
			continue;
		}
		removed.push({ questionId: row.questionId, term: row.term, group });
		count({ ...row, group }, ALL, -1);
		count({ ...row, group }, group, -1);
	}
	const added = [...wanted.values()];
	for (const row of added) {
		count(row, ALL, 1);
		count(row, row.group, 1);
	}
	if (removed.length > 0) {
		await tx.execute(sql`
			delete from answer_terms t
			using jsonb_to_recordset(${JSON.stringify(removed.map((r) => ({ q: r.questionId, t: r.term })))}::jsonb) as x(q uuid, t text)
			where t.response_id = ${responseId}::uuid and t.question_id = x.q and t.term = x.t
		`);
	}
	if (added.length > 0) {
		await tx.execute(sql`
			insert into answer_terms (question_id, response_id, term, stakeholder_group)
			select x.q, ${responseId}::uuid, x.t, x.g
			from jsonb_to_recordset(${JSON.stringify(added.map((r) => ({ q: r.questionId, t: r.term, g: r.group })))}::jsonb) as x(q uuid, t text, g text)
		`);
	}
	const changes = [...delta.values()].filter((d) => d.delta !== 0);
	if (changes.length > 0) {
		await tx.execute(sql`
			insert into answer_term_counts (question_id, scope, term, respondents)
			select x.q, x.s, x.t, x.d
			from jsonb_to_recordset(${JSON.stringify(changes.map((d) => ({ q: d.questionId, s: d.scope, t: d.term, d: d.delta })))}::jsonb) as x(q uuid, s text, t text, d int)
			on conflict (question_id, scope, term) do update set respondents = answer_term_counts.respondents + excluded.respondents
		`);
		const lowered = changes.filter((d) => d.delta < 0);
		if (lowered.length > 0) {
			await tx.execute(sql`
				delete from answer_term_counts c
				using jsonb_to_recordset(${JSON.stringify(lowered.map((d) => ({ q: d.questionId, s: d.scope, t: d.term })))}::jsonb) as x(q uuid, s text, t text)
				where c.question_id = x.q and c.scope = x.s and c.term = x.t and c.respondents <= 0
			`);
		}
	}
}
