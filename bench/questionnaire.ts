/**
 * `npm run bench:questionnaire`: the analysis of a questionnaire with 100,000 submitted responses —
 * the choice tallies by stakeholder group and region, and the frequent-terms tables of a text
 * question — on PostgreSQL (the targets: each under 1 s).
 *
 * Setup, seeded, so every run loads the same data: a new PostgreSQL database on the server that
 * BENCH_POSTGRES_URL or TEST_POSTGRES_URL names (dropped afterwards), migrated; a body and its
 * secretariat; a questionnaire built with `createQuestionnaire` — consent, stakeholder group,
 * country, 18 choice questions (single choice with 3–6 options, multiple choice with 4–7) and one
 * long-text question. The responses are loaded in bulk SQL, not through `saveResponse`: submitted
 * responses (consent yes/no, a stakeholder group, one of the Member States), an answer to every
 * question, the text answers 30–120 words drawn from a vocabulary of about 3,000 words with a skew
 * (a few very common, a long tail of rare ones) and recurring policy phrases. The text answers'
 * terms (`answerTerms`, as `refreshAnswerTerms` computes them) go into `answer_terms`;
 * `answer_term_counts` is grouped from them and `answer_choice_counts` from the choice answers in
 * SQL, as `refreshAnswerTerms` and `refreshChoiceCounts` keep them; then ANALYZE. The load is
 * checked once: 200 random responses taken out of the counts and put back by the maintained path
 * (`refreshChoiceCounts`, `refreshAnswerTerms`) leave every count as it was.
 *
 * Timed, the median and max of 5 runs after a warm-up: `choiceTallies` (reading the choice counts
 * and spreading them into tables by stakeholder group, region and development status),
 * `analyseQuestionnaire` (the same and suppression with k = 5), and
 * `frequentTermsOf(question, 5, { limit: 100 })`. Figures are printed, never asserted.
 *
 * Options: --responses N (default 100000), --runs N (default 5), --pglite (also on PGlite, in a
 * temporary folder, for information), --keep (keep the PostgreSQL database, to look at query
 * plans). Without a PostgreSQL server, only PGlite runs, and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { memberStates } from '../src/lib/core/organisations/countries';
import { validateQuestionnaire, type QuestionnaireInput } from '../src/lib/core/questionnaires/questionnaire';
import { answerTerms } from '../src/lib/core/questionnaires/terms';
import { STAKEHOLDER_GROUPS } from '../src/lib/core/shared/vocabulary';
import { createQuestionnaire } from '../src/lib/server/actions/questionnaires';
import { actorForUser } from '../src/lib/server/auth/sessions';
import { openDatabase, type Database, type Db } from '../src/lib/server/db/client';
import { migrate, rows } from '../src/lib/server/db/migrate';
import { bodies, memberships, persons, responses, users } from '../src/lib/server/db/schema';
import { analyseQuestionnaire, choiceContribution, choiceTallies, frequentTermsOf, refreshAnswerTerms, refreshChoiceCounts } from '../src/lib/server/repositories/questionnaire-aggregates';
import { structureOf, type QuestionRow } from '../src/lib/server/repositories/questionnaires';
import { random } from './seeded';

const option = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RESPONSES = option('responses', 100_000);
const RUNS = option('runs', 5);
const PGLITE = process.argv.includes('--pglite');
/** Keeps the PostgreSQL database for a look at the query plans; its name is printed. */
const KEEP = process.argv.includes('--keep');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
const CHOICE_QUESTIONS = 18;
const K = 5;
const TARGET = 1_000;
/** Responses loaded per round trip: a few hundred thousand term rows at most. */
const BATCH = 2_000;
const VERIFY_SAMPLE = 200;
/** Separates the values of a column passed as one string: never inside a code, a term or generated text. */
const SEP = '\u0001';

const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;
const count = (n: number) => n.toLocaleString('en');
const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;

const DAY = 86_400_000;

// ——— The questionnaire ———

/** Option codes of the choice questions: single choice with 3–6 options, multiple choice with 4–7. */
function choiceQuestionShapes(rnd: () => number): { multiple: boolean; codes: string[] }[] {
	return Array.from({ length: CHOICE_QUESTIONS }, (_, i) => {
		const multiple = i % 3 === 2;
		const size = multiple ? 4 + Math.floor(rnd() * 4) : 3 + Math.floor(rnd() * 4);
		return { multiple, codes: Array.from({ length: size }, (_, o) => `q${i + 1}-o${o + 1}`) };
	});
}

function questionnaireInput(shapes: { multiple: boolean; codes: string[] }[]): QuestionnaireInput {
	return {
		title: { en: 'Questionnaire on enhanced cooperation (benchmark)' },
		intro: { en: 'Please answer the questions below.' },
		consentStatement: { en: 'The information solicited through this questionnaire will only be used in aggregate form, unless otherwise authorised by the respondent.' },
		originalLang: 'en',
		languages: ['en'],
		opensAt: new Date(Date.now() - 30 * DAY),
		closesAt: new Date(Date.now() + 30 * DAY),
		k: K,
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
					...shapes.map((s, i) => ({
						number: String(i + 2),
						kind: s.multiple ? ('multiple_choice' as const) : ('single_choice' as const),
						text: { en: `Choice question ${i + 1}` },
						options: s.codes.map((code, o) => ({ code, label: { en: `Option ${o + 1}` } }))
					})),
					{ number: String(CHOICE_QUESTIONS + 2), kind: 'long_text' as const, text: { en: 'What are the relevant international public policy issues?' }, maxLength: 5_000 }
				]
			}
		]
	};
}

// ——— The answers ———

const FUNCTION_WORDS = (
	'the of and to in a is that for it as with be by on not this are or from at which an have all its their ' +
	'should may will can these those such other also more most between within through under including'
).split(' ');
const POLICY_WORDS = (
	'cooperation governance internet policy stakeholders governments sector society technical academic community developing countries capacity ' +
	'building multistakeholder mechanism recommendations implementation agenda organisations roles responsibilities footing transparency ' +
	'accountability participation access infrastructure security stability resilience rights development sustainable divide privacy ' +
	'cybersecurity jurisdiction trade taxation spam data protection standards interoperability multilingualism content innovation'
).split(' ');
const PHRASES = [
	'enhanced cooperation',
	'public policy issues',
	'capacity building',
	'the role of governments',
	'multistakeholder model',
	'digital divide',
	'human rights online',
	'internet governance',
	'developing countries',
	'critical internet resources',
	'on an equal footing',
	'the Tunis Agenda',
	'freedom of expression',
	'protection of personal data'
];
const SYLLABLES = 'ka to ri mo na se lu vi ter pol gov nat com mun dev sec tra ber lin dal fen gar hol jus kel mar nor pel quo res sta tur ven wal xen yor zan'.split(' ');

function textGenerator(rnd: () => number) {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const made = Array.from({ length: 3_000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''));
	const vocabulary = [...POLICY_WORDS, ...made];
	/** Skewed: the first words of the list make a good share of the text, most appear rarely. */
	const contentWord = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)];
	return (): string => {
		const length = 30 + Math.floor(rnd() * 91);
		const out: string[] = [];
		let sentence = 0;
		while (out.length < length) {
			const r = rnd();
			const piece = r < 0.08 ? pick(PHRASES) : r < 0.45 ? pick(FUNCTION_WORDS) : contentWord();
			out.push(sentence === 0 ? piece[0].toUpperCase() + piece.slice(1) : piece);
			sentence += piece.split(' ').length;
			if (sentence >= 8 && rnd() < 0.12) {
				out[out.length - 1] += rnd() < 0.25 ? ',' : '.';
				sentence = 0;
			}
		}
		const text = out.join(' ');
		return /[.,]$/.test(text) ? text.slice(0, -1) + '.' : `${text}.`;
	};
}

/** A version-4-shaped UUID from the seeded generator. */
function uuid(rnd: () => number): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Stakeholder groups, skewed as real questionnaires are: many governments, few intergovernmental bodies. */
const GROUP_WEIGHTS = [0.3, 0.2, 0.22, 0.12, 0.1, 0.03, 0.03];

interface Loaded {
	questionnaireId: string;
	textQuestionId: string;
	tallied: number;
	answers: number;
	answerTerms: number;
	answerTermCounts: number;
	/** Rows of `answer_choice_counts`, and the sum of their counts. */
	choiceCountRows: number;
	choiceRows: number;
	seedTime: number;
	termTime: number;
	countTime: number;
	analyzeTime: number;
	responseIds: string[];
}

async function load(db: Db): Promise<Loaded> {
	const rnd = random(20171020);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const weighted = (weights: readonly number[]) => {
		let r = rnd();
		for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
		return weights.length - 1;
	};

	const [body] = await db
		.insert(bodies)
		.values({ slug: 'bench', name: 'Benchmark body', shortName: 'BENCH', mandate: 'Benchmark.', periodStart: '2016-01-01', periodEnd: '2018-12-31' })
		.returning();
	const [person] = await db.insert(persons).values({ slug: 'bench-secretariat', name: 'Secretariat' }).returning();
	await db.insert(memberships).values({ bodyId: body.id, role: 'secretariat', personId: person.id });
	const [user] = await db.insert(users).values({ email: 'secretariat@example.org', passwordHash: 'x', displayName: 'Secretariat', personId: person.id }).returning();
	const shapes = choiceQuestionShapes(rnd);
	const checked = validateQuestionnaire(questionnaireInput(shapes));
	if (!checked.ok) throw new Error(`the benchmark questionnaire is invalid: ${JSON.stringify(checked.problems)}`);
	const created = await createQuestionnaire(db, await actorForUser(db, user), body.id, checked.value);
	if (!created.ok) throw new Error(`createQuestionnaire failed: ${JSON.stringify(created.error)}`);
	const questionnaireId = created.value.id;
	const questions = (await structureOf(db, questionnaireId)).questions;
	const of = (kind: QuestionRow['kind']) => questions.filter((q) => q.kind === kind);
	const [consentQ] = of('consent');
	const [groupQ] = of('stakeholder_group');
	const [countryQ] = of('country');
	const [textQ] = of('long_text');
	const choiceQs = questions.filter((q) => q.kind === 'single_choice' || q.kind === 'multiple_choice');
	/** The questions `choiceTallies` counts. */
	const choiceIds = [consentQ.id, groupQ.id, ...choiceQs.map((q) => q.id)];
	const countries = memberStates().map((c) => c.iso2);
	const text = textGenerator(rnd);

	let seedTime = 0;
	let termTime = 0;
	let answerCount = 0;
	let termCount = 0;
	const responseIds: string[] = [];
	for (let from = 0; from < RESPONSES; from += BATCH) {
		const size = Math.min(BATCH, RESPONSES - from);
		const r = { id: [] as string[], group: [] as string[], country: [] as string[], consent: [] as string[] };
		const a = { response: [] as string[], question: [] as string[], choices: [] as string[] };
		const t = { response: [] as string[], text: [] as string[] };
		const terms = { response: [] as string[], term: [] as string[], group: [] as string[] };
		let started = performance.now();
		for (let i = 0; i < size; i++) {
			const id = uuid(rnd);
			const group = STAKEHOLDER_GROUPS[weighted(GROUP_WEIGHTS)];
			const country = pick(countries);
			const consent = rnd() < 0.35;
			r.id.push(id);
			r.group.push(group);
			r.country.push(country);
			r.consent.push(String(consent));
			const answer = (questionId: string, choices: string[]) => {
				a.response.push(id);
				a.question.push(questionId);
				a.choices.push(JSON.stringify(choices));
			};
			answer(consentQ.id, [consent ? 'yes' : 'no']);
			answer(groupQ.id, [group]);
			answer(countryQ.id, [country]);
			choiceQs.forEach((q, n) => {
				const codes = q.options.map((o) => o.code);
				// The first options are chosen more often, and by a group's own leaning.
				const lean = (n + STAKEHOLDER_GROUPS.indexOf(group)) % codes.length;
				if (!shapes[n].multiple) answer(q.id, [rnd() < 0.4 ? codes[lean] : codes[Math.floor(codes.length * rnd() ** 1.5)]]);
				else {
					const chosen = codes.filter((_, o) => rnd() < (o === lean ? 0.6 : 0.25));
					answer(q.id, chosen.length > 0 ? chosen : [codes[lean]]);
				}
			});
			const answerText = text();
			t.response.push(id);
			t.text.push(answerText);
			const termStart = performance.now();
			for (const term of answerTerms(answerText)) {
				terms.response.push(id);
				terms.term.push(term);
				terms.group.push(group);
			}
			termTime += performance.now() - termStart;
		}
		responseIds.push(...r.id);
		const generated = performance.now() - started;
		started = performance.now();
		const column = (values: string[]) => values.join(SEP);
		await db.transaction(async (tx) => {
			await tx.execute(sql`set local synchronous_commit = off`);
			await tx.execute(sql`
				insert into responses (id, questionnaire_id, status, lang, consent, stakeholder_group, country_iso2, submitted_at)
				select x.id::uuid, ${questionnaireId}::uuid, 'submitted', 'en', x.consent::boolean, x.g, x.c, now()
				from unnest(string_to_array(${column(r.id)}, chr(1)), string_to_array(${column(r.consent)}, chr(1)),
					string_to_array(${column(r.group)}, chr(1)), string_to_array(${column(r.country)}, chr(1))) as x(id, consent, g, c)
			`);
			await tx.execute(sql`
				insert into answers (response_id, question_id, choices)
				select x.r::uuid, x.q::uuid, x.c::jsonb
				from unnest(string_to_array(${column(a.response)}, chr(1)), string_to_array(${column(a.question)}, chr(1)), string_to_array(${column(a.choices)}, chr(1))) as x(r, q, c)
			`);
			await tx.execute(sql`
				insert into answers (response_id, question_id, text)
				select x.r::uuid, ${textQ.id}::uuid, x.t
				from unnest(string_to_array(${column(t.response)}, chr(1)), string_to_array(${column(t.text)}, chr(1))) as x(r, t)
			`);
			await tx.execute(sql`
				insert into answer_terms (question_id, response_id, term, stakeholder_group)
				select ${textQ.id}::uuid, x.r::uuid, x.t, x.g
				from unnest(string_to_array(${column(terms.response)}, chr(1)), string_to_array(${column(terms.term)}, chr(1)), string_to_array(${column(terms.group)}, chr(1))) as x(r, t, g)
			`);
		});
		seedTime += generated + performance.now() - started;
		answerCount += a.response.length + t.response.length;
		termCount += terms.term.length;
		if ((from / BATCH) % 10 === 9) process.stdout.write(`  … ${count(from + size)} responses loaded (${seconds(seedTime)})\n`);
	}

	// The counts, grouped from the terms exactly as `refreshAnswerTerms` keeps them: per group and overall ('*').
	let started = performance.now();
	await db.execute(sql`
		insert into answer_term_counts (question_id, scope, term, respondents)
		select question_id, stakeholder_group, term, count(*)::int from answer_terms where question_id = ${textQ.id}::uuid group by question_id, stakeholder_group, term
	`);
	await db.execute(sql`
		insert into answer_term_counts (question_id, scope, term, respondents)
		select question_id, '*', term, count(*)::int from answer_terms where question_id = ${textQ.id}::uuid group by question_id, term
	`);
	// The choice counts, grouped from the answers exactly as `refreshChoiceCounts` keeps them.
	await db.execute(sql`
		insert into answer_choice_counts (question_id, code, stakeholder_group, country_iso2, respondents)
		select a.question_id, c.code, coalesce(r.stakeholder_group, ''), coalesce(r.country_iso2, ''), count(*)::int
		from responses r
		join answers a on a.response_id = r.id and a.question_id = any(string_to_array(${choiceIds.join(',')}, ',')::uuid[])
		cross join lateral (
			select distinct x as code from jsonb_array_elements_text(a.choices) as x
			union all select '' where jsonb_array_length(a.choices) > 0
		) c
		where r.questionnaire_id = ${questionnaireId}::uuid and r.status = 'submitted'
		group by 1, 2, 3, 4
	`);
	const countTime = performance.now() - started;
	started = performance.now();
	for (const table of ['responses', 'answers', 'answer_terms', 'answer_term_counts', 'answer_choice_counts']) await db.execute(sql.raw(`analyze ${table}`));
	const analyzeTime = performance.now() - started;
	const [counts] = rows(await db.execute(sql`select count(*)::int as n from answer_term_counts where question_id = ${textQ.id}::uuid`));
	const [choiceCounts] = rows(await db.execute(sql`select count(*)::int as n, sum(respondents)::int as total from answer_choice_counts`));
	return {
		questionnaireId,
		textQuestionId: textQ.id,
		tallied: 2 + choiceQs.length,
		answers: answerCount,
		answerTerms: termCount,
		answerTermCounts: Number(counts.n),
		choiceCountRows: Number(choiceCounts.n),
		choiceRows: Number(choiceCounts.total),
		seedTime,
		termTime,
		countTime,
		analyzeTime,
		responseIds
	};
}

/**
 * The maintained path agrees with the bulk load: on a sample of responses, each taken out of the
 * choice counts (as a draft) and put back (submitted again) by `refreshChoiceCounts`, and given
 * its terms again by `refreshAnswerTerms`, leaves the counts as they were.
 */
async function verify(db: Db, loaded: Loaded): Promise<boolean> {
	const rnd = random(7);
	const sample = new Set<string>();
	while (sample.size < Math.min(VERIFY_SAMPLE, loaded.responseIds.length)) sample.add(loaded.responseIds[Math.floor(rnd() * loaded.responseIds.length)]);
	const fingerprint = async () => {
		const [row] = rows(
			await db.execute(sql`
				select
					(select md5(string_agg(scope || chr(1) || term || chr(1) || respondents, chr(2) order by scope, term)) from answer_term_counts where question_id = ${loaded.textQuestionId}::uuid) as counts,
					(select md5(string_agg(response_id || chr(1) || term || chr(1) || coalesce(stakeholder_group, ''), chr(2) order by response_id, term))
						from answer_terms where question_id = ${loaded.textQuestionId}::uuid and response_id = any(string_to_array(${[...sample].join(',')}, ',')::uuid[])) as terms,
					(select md5(string_agg(question_id || chr(1) || code || chr(1) || stakeholder_group || chr(1) || country_iso2 || chr(1) || respondents, chr(2)
						order by question_id, code, stakeholder_group, country_iso2)) from answer_choice_counts) as choices
			`)
		);
		return `${row.counts}/${row.terms}/${row.choices}`;
	};
	const before = await fingerprint();
	let removedSomething = false;
	for (const id of sample) {
		await db.transaction(async (tx) => {
			await refreshAnswerTerms(tx, id);
			const counted = await choiceContribution(tx, id);
			await tx.update(responses).set({ status: 'draft' }).where(eq(responses.id, id));
			await refreshChoiceCounts(tx, id, counted);
			const [left] = rows(await tx.execute(sql`select coalesce(sum(respondents), 0)::int as n from answer_choice_counts`));
			removedSomething ||= Number(left.n) < loaded.choiceRows;
			await tx.update(responses).set({ status: 'submitted' }).where(eq(responses.id, id));
			await refreshChoiceCounts(tx, id, []);
		});
	}
	return removedSomething && (await fingerprint()) === before;
}

async function timed(label: string, run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
	await run();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		await run();
		times.push(performance.now() - start);
	}
	times.sort((x, y) => x - y);
	const result = { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
	console.log(`${label}: median ${ms(result.median)}, max ${ms(result.max)} (target < ${ms(TARGET)})`);
	return result;
}

async function bench(database: Database) {
	const { db } = database;
	await migrate(database);
	console.log(`Loading ${count(RESPONSES)} submitted responses on ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${database.location})…`);
	const loaded = await load(db);
	console.log(
		`seeding: ${seconds(loaded.seedTime)} for responses, answers and terms (of which ${seconds(loaded.termTime)} computing answerTerms), ` +
			`${seconds(loaded.countTime)} for the term and choice counts, ${seconds(loaded.analyzeTime)} for ANALYZE`
	);
	console.log(
		`rows: ${count(RESPONSES)} responses, ${count(loaded.answers)} answers, ${count(loaded.answerTerms)} answer_terms, ${count(loaded.answerTermCounts)} answer_term_counts, ${count(loaded.choiceCountRows)} answer_choice_counts`
	);
	console.log(`check: refreshAnswerTerms and refreshChoiceCounts on ${VERIFY_SAMPLE} random responses (out and back in) leave the counts unchanged: ${(await verify(db, loaded)) ? 'yes' : 'NO — the bulk load differs from the maintained path'}`);

	const tallies = await choiceTallies(db, loaded.questionnaireId);
	const everyone = tallies.length === loaded.tallied && tallies.every((t) => t.respondents === RESPONSES);
	console.log(`check: ${tallies.length} tallied questions (18 choice, stakeholder group, consent), each with ${count(RESPONSES)} respondents: ${everyone ? 'yes' : 'NO'}`);
	const terms = await frequentTermsOf(db, loaded.textQuestionId, K, { limit: 100 });
	console.log(
		`frequent terms (k = ${K}): ${terms.overall.length} overall, ${Object.keys(terms.byGroup).length} groups; most used: ${terms.overall
			.slice(0, 5)
			.map((t) => `${t.term} (${count(t.count)})`)
			.join(', ')}`
	);

	const size = `${count(RESPONSES)} responses × ${CHOICE_QUESTIONS} questions`;
	console.log(`Timed, median and max of ${RUNS} runs after a warm-up:`);
	await timed(`choice tallies, ${size}`, () => choiceTallies(db, loaded.questionnaireId));
	await timed(`analysis with suppression (k = ${K}), ${size}`, () => analyseQuestionnaire(db, { id: loaded.questionnaireId, k: K }));
	await timed(`frequent terms, ${count(RESPONSES)} text answers (k = ${K}, limit 100)`, () => frequentTermsOf(db, loaded.textQuestionId, K, { limit: 100 }));
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
	while (cleanups.length > 0) await cleanups.pop()!().catch((e) => console.error(`bench: cleanup failed: ${(e as Error).message}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\nbench: ${signal} — dropping the benchmark database…`);
		void cleanUp().then(() => process.exit(130));
	});
}

/** A new, empty PostgreSQL database on the server at `url`, dropped at the end. */
async function freshPostgres(url: string): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const name = `plenary_bench_${randomBytes(4).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	if (KEEP) console.log(`The database ${name} is kept (--keep): drop it when done.`);
	else cleanups.push(async () => {
		const again = postgres(url, { max: 1, onnotice: () => {} });
		await again.unsafe(`drop database if exists ${name} with (force)`);
		await again.end();
	});
	const target = new URL(url);
	target.pathname = `/${name}`;
	const database = await openDatabase({ url: target.toString() });
	cleanups.push(() => database.close());
	return database;
}

async function freshPglite(): Promise<Database> {
	const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-questionnaire-'));
	cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
	const database = await openDatabase({ dataDir: join(dir, 'pglite') });
	cleanups.push(() => database.close());
	return database;
}

async function main() {
	console.log(`Node ${process.version}; ${count(RESPONSES)} responses, ${CHOICE_QUESTIONS} choice questions and one long-text question; k = ${K}.`);
	try {
		if (POSTGRES_URL) {
			console.log('— PostgreSQL —');
			await bench(await freshPostgres(POSTGRES_URL));
			await cleanUp();
		} else {
			console.log('No PostgreSQL server: set TEST_POSTGRES_URL (or BENCH_POSTGRES_URL) to measure against the targets, which are for PostgreSQL. Running on PGlite only.');
		}
		if (PGLITE || !POSTGRES_URL) {
			console.log('— PGlite (for information) —');
			await bench(await freshPglite());
		}
	} finally {
		await cleanUp();
	}
}

await main();
