/**
 * What may be read about a questionnaire's answers as a whole: the tallies of its choice questions
 * and the frequent terms of its text questions. Only submitted responses count.
 *
 * Both are kept up to date as responses change, in the transaction that saves a response, so
 * reading them costs the same whatever the number of responses.
 *
 * Choice tallies: `answer_choice_counts` holds how many submitted respondents chose each option
 * per stakeholder group and country (`refreshChoiceCounts`); the core spreads those rows into
 * tables (`tallyGroups`). They are raw counts, so every reader outside this file goes through
 * `analyseQuestionnaire`, which protects them with the questionnaire's `k`.
 *
 * Frequent terms (`refreshAnswerTerms`): `answer_terms` holds each text answer's distinct terms, and
 * `answer_term_counts` how many respondents used each term, overall (scope '*') and per stakeholder
 * group. Reading a question's frequent terms is then a range scan over the terms used by at least
 * k respondents, whatever the number of answers.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { protectTally, tallyGroups, type AnswerGroup, type ChoiceQuestion, type OptionGroup, type QuestionAnalysis, type QuestionTally } from '../../core/questionnaires/aggregate';
import { NOT_STATED } from '../../core/questionnaires/not-stated';
import { answerTerms, type FrequentTerm, type FrequentTerms } from '../../core/questionnaires/terms';
import { STAKEHOLDER_GROUPS } from '../../core/shared/vocabulary';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import { answerChoiceCounts, answers, answerTermCounts, answerTerms as answerTermsTable, questions, responses } from '../db/schema';

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

/** The stakeholder group or country of a respondent who gave none, in `answer_choice_counts`. */
const UNSTATED = '';
/** The `code` of the rows that count respondents who answered a question at all. */
const ANSWERED = '';

/**
 * The raw counts of every choice question, by option and by stakeholder group, region and
 * development status. Never published as such: see `analyseQuestionnaire`.
 *
 * Read from `answer_choice_counts`, which the transaction that saves a response keeps up to date
 * (`refreshChoiceCounts`): a few rows per (question, option, group, country), whatever the number
 * of responses.
 */
export async function choiceTallies(db: DbOrTx, questionnaireId: string): Promise<QuestionTally[]> {
	const choiceQuestions = await choiceQuestionsOf(db, questionnaireId);
	if (choiceQuestions.length === 0) return [];
	const counted = await db
		.select({ questionId: answerChoiceCounts.questionId, code: answerChoiceCounts.code, group: answerChoiceCounts.stakeholderGroup, country: answerChoiceCounts.countryIso2, count: answerChoiceCounts.respondents })
		.from(answerChoiceCounts)
		.where(and(inArray(answerChoiceCounts.questionId, choiceQuestions.map((q) => q.id)), gt(answerChoiceCounts.respondents, 0)));
	const options: OptionGroup[] = [];
	const answered: AnswerGroup[] = [];
	for (const row of counted) {
		const group: AnswerGroup = { questionId: row.questionId, stakeholderGroup: row.group || null, countryIso2: row.country || null, count: row.count };
		if (row.code === ANSWERED) answered.push(group);
		else options.push({ ...group, code: row.code });
	}
	return tallyGroups(options, answered, choiceQuestions);
}

/** What one response adds to `answer_choice_counts`, as row keys: nothing unless it is submitted. */
export type ChoiceContribution = readonly string[];

const KEY_SEPARATOR = '\u0000';

/**
 * The rows a response counts in: for each choice question it answered, each distinct chosen code
 * and once the question itself (`code` ''), under its stakeholder group and country. Read before
 * a response changes and passed to `refreshChoiceCounts` after.
 */
export async function choiceContribution(tx: DbOrTx, responseId: string): Promise<ChoiceContribution> {
	const found = await tx
		.select({ status: responses.status, group: responses.stakeholderGroup, country: responses.countryIso2, questionId: answers.questionId, choices: answers.choices })
		.from(responses)
		.innerJoin(answers, eq(answers.responseId, responses.id))
		.innerJoin(questions, eq(questions.id, answers.questionId))
		.where(and(eq(responses.id, responseId), inArray(questions.kind, [...TALLIED_KINDS])));
	const keys: string[] = [];
	for (const row of found) {
		if (row.status !== 'submitted' || row.choices.length === 0) continue;
		const where = [row.group ?? UNSTATED, row.country ?? UNSTATED];
		for (const code of new Set([ANSWERED, ...row.choices])) keys.push([row.questionId, code, ...where].join(KEY_SEPARATOR));
	}
	return keys;
}

/**
 * Brings `answer_choice_counts` up to date with a response that changed: `before` is its
 * contribution read before the change. Only the difference is written.
 */
export async function refreshChoiceCounts(tx: DbOrTx, responseId: string, before: ChoiceContribution): Promise<void> {
	const after = await choiceContribution(tx, responseId);
	const delta = new Map<string, number>();
	for (const key of before) delta.set(key, (delta.get(key) ?? 0) - 1);
	for (const key of after) delta.set(key, (delta.get(key) ?? 0) + 1);
	const changes = [...delta].filter(([, d]) => d !== 0).map(([key, d]) => {
		const [q, c, g, n] = key.split(KEY_SEPARATOR);
		return { q, c, g, n, d };
	});
	if (changes.length === 0) return;
	await tx.execute(sql`
		insert into answer_choice_counts (question_id, code, stakeholder_group, country_iso2, respondents)
		select x.q, x.c, x.g, x.n, x.d
		from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as x(q uuid, c text, g text, n text, d int)
		on conflict (question_id, code, stakeholder_group, country_iso2) do update set respondents = answer_choice_counts.respondents + excluded.respondents
	`);
	if (changes.some((c) => c.d < 0)) {
		await tx.execute(sql`
			delete from answer_choice_counts t
			using jsonb_to_recordset(${JSON.stringify(changes.filter((c) => c.d < 0))}::jsonb) as x(q uuid, c text, g text, n text)
			where t.question_id = x.q and t.code = x.c and t.stakeholder_group = x.g and t.country_iso2 = x.n and t.respondents <= 0
		`);
	}
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
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number of at least 1');
	const scopes = sql.join(
		[ALL, ...STAKEHOLDER_GROUPS, NOT_STATED].map((scope) => sql`(${scope})`),
		sql`, `
	);
	// Per scope, only the terms at least as frequent as its limit-th: an index range however many
	// terms were used. Ties at that count all come back, so the order below decides between them.
	const found = rows(
		await db.execute(sql`
			select s.scope, c.term, c.respondents
			from (values ${scopes}) as s(scope)
			cross join lateral (
				select coalesce((
					select f.respondents from answer_term_counts f
					where f.question_id = ${questionId}::uuid and f.scope = s.scope
					order by f.respondents desc offset ${limit - 1} limit 1
				), 0) as floor
			) as f
			join answer_term_counts c on c.question_id = ${questionId}::uuid and c.scope = s.scope and c.respondents >= greatest(${k}::int, f.floor)
		`)
	).map((r) => ({ scope: r.scope as string, term: r.term as string, count: Number(r.respondents) }));
	const byScope = new Map<string, FrequentTerm[]>();
	for (const row of found) {
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
