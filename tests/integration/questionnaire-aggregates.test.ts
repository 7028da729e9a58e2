/**
 * The aggregates the database keeps agree with the core's counts over the same answers: the choice
 * counts and the term counts, kept up to date as responses are saved, changed and submitted, give
 * the same tallies as `tallyChoices` and the same terms as `frequentTerms` over the submitted answers. Drafts count nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { questionnaireBySecretariat } from '../factories/questionnaire';
import type { Database, Db } from '../../src/lib/server/db/client';
import { ANONYMOUS } from '../../src/lib/core/shared/actor';
import { saveResponse } from '../../src/lib/server/actions/responses';
import { structureOf, type QuestionRow } from '../../src/lib/server/repositories/questionnaires';
import { analyseQuestionnaire, choiceQuestionsOf, choiceTallies, frequentTermsOf } from '../../src/lib/server/repositories/questionnaire-aggregates';
import { tallyChoices, type SubmittedResponse } from '../../src/lib/core/questionnaires/aggregate';
import { answerTerms, frequentTerms, type TermSet } from '../../src/lib/core/questionnaires/terms';
import { STAKEHOLDER_GROUPS } from '../../src/lib/core/shared/vocabulary';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
	let s = seed >>> 0;
	const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
	return { pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)], chance: (p: number) => next() < p };
}

const PHRASES = ['enhanced cooperation', 'public policy issues', 'capacity building', 'the role of governments', 'multistakeholder model', 'digital divide', 'human rights online'];

interface Kept {
	token: string;
	submitted: boolean;
	group: string;
	country: string;
	choice: string;
	several: string[];
	text: string;
}

describe.each(databaseKinds())('questionnaire aggregates on %s', (kind) => {
	let d: Database;
	let db: Db;
	let questionnaireId: string;
	let q: Record<string, QuestionRow>;
	const kept: Kept[] = [];
	const random = generator(7);

	const save = async (r: Kept, submit: boolean, address: string) => {
		const result = await saveResponse(
			db,
			questionnaireId,
			{ actor: ANONYMOUS, token: r.token || undefined, clientAddress: address },
			{
				lang: 'en',
				answers: new Map([
					[q.consent.id, { choices: ['no'] }],
					[q.group.id, { choices: [r.group] }],
					[q.country.id, { choices: [r.country] }],
					[q.choice.id, { choices: [r.choice] }],
					[q.several.id, { choices: r.several }],
					[q.text.id, { text: r.text }]
				])
			},
			{ submit }
		);
		if (!result.ok) throw new Error(`save failed: ${result.error}`);
		if (result.value.token) r.token = result.value.token;
		if (submit) r.submitted = true;
	};

	/** What the core counts over the submitted responses kept in memory. */
	const expected = () => {
		const submitted = kept.filter((r) => r.submitted);
		const input: SubmittedResponse[] = submitted.map((r) => ({
			stakeholderGroup: r.group,
			countryIso2: r.country,
			answers: new Map([
				[q.consent.id, ['no']],
				[q.group.id, [r.group]],
				[q.choice.id, [r.choice]],
				[q.several.id, r.several]
			])
		}));
		const sets: TermSet[] = submitted.map((r) => ({ respondent: r.token, group: r.group, terms: answerTerms(r.text) }));
		return { input, sets };
	};

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		questionnaireId = (await questionnaireBySecretariat(db, { k: 3 })).questionnaire.id;
		const [consent, group, country, choice, several, text] = (await structureOf(db, questionnaireId)).questions;
		q = { consent, group, country, choice, several, text };

		for (let i = 0; i < 45; i++) {
			const r: Kept = {
				token: '',
				submitted: false,
				group: random.pick(STAKEHOLDER_GROUPS.slice(0, 3)),
				country: random.pick(['FR', 'NP', 'BR', 'KE', 'FJ']),
				choice: random.pick(['yes', 'partly', 'no']),
				several: ['access', 'security', 'content'].filter(() => random.chance(0.5)),
				text: `${random.pick(PHRASES)}; ${random.pick(PHRASES)}. Respondent ${i} wrote this.`
			};
			if (r.several.length === 0) r.several = ['access'];
			kept.push(r);
			await save(r, random.chance(0.8), `192.0.2.${i}`);
		}
	});
	afterAll(async () => {
		await d?.close();
	});

	it('tallies the choice questions in SQL exactly as the core does, drafts left out', async () => {
		const { input } = expected();
		const questions = await choiceQuestionsOf(db, questionnaireId);
		expect(questions.map((x) => x.id)).toEqual([q.consent.id, q.group.id, q.choice.id, q.several.id]);
		expect(await choiceTallies(db, questionnaireId)).toEqual(tallyChoices(input, questions));
		expect(kept.some((r) => !r.submitted)).toBe(true);
	});

	it('publishes only protected tables: no count between 0 and k', async () => {
		for (const analysis of await analyseQuestionnaire(db, { id: questionnaireId, k: 3 })) {
			for (const t of analysis.tables) {
				for (const row of t.table.cells) for (const cell of row) if ('count' in cell) expect(cell.count === 0 || cell.count >= 3).toBe(true);
			}
		}
	});

	it('keeps the frequent terms equal to the core count as responses are submitted and changed', async () => {
		const check = async () => {
			const { sets } = expected();
			expect(await frequentTermsOf(db, q.text.id, 3)).toEqual(frequentTerms(sets, 3, { limit: 100 }));
		};
		await check();
		expect((await frequentTermsOf(db, q.text.id, 3)).overall.map((t) => t.term)).toContain('enhanced cooperation');

		// A draft is submitted, a submitted response changes group and text, another its text only.
		const draft = kept.find((r) => !r.submitted)!;
		await save(draft, true, '198.51.100.1');
		const moved = kept.find((r) => r.submitted && r !== draft)!;
		moved.group = STAKEHOLDER_GROUPS[4];
		moved.country = moved.country === 'BR' ? 'NP' : 'BR';
		moved.choice = moved.choice === 'no' ? 'yes' : 'no';
		moved.several = moved.several.includes('content') ? ['access'] : ['content', 'security'];
		moved.text = 'Digital divide and capacity building';
		await save(moved, false, '198.51.100.2');
		const edited = kept.filter((r) => r.submitted)[5];
		edited.text = 'Nothing in common with anyone';
		await save(edited, false, '198.51.100.3');
		await check();
		await save(kept.find((r) => !r.submitted) ?? draft, true, '198.51.100.4');
		await check();
	});

	it('keeps the choice tallies equal to the core count as responses are submitted and changed', async () => {
		const questions = await choiceQuestionsOf(db, questionnaireId);
		const check = async () => expect(await choiceTallies(db, questionnaireId)).toEqual(tallyChoices(expected().input, questions));
		// The same answers saved again change nothing; a new group, country and choices move the counts.
		const same = kept.filter((r) => r.submitted)[3];
		await save(same, false, '198.51.100.5');
		await check();
		const changed = kept.filter((r) => r.submitted)[7];
		changed.group = STAKEHOLDER_GROUPS[5];
		changed.country = 'FJ';
		changed.choice = changed.choice === 'partly' ? 'yes' : 'partly';
		changed.several = ['access', 'content', 'security'];
		await save(changed, false, '198.51.100.6');
		await check();
		const fresh: Kept = { token: '', submitted: false, group: STAKEHOLDER_GROUPS[6], country: 'KE', choice: 'yes', several: ['security'], text: 'A late answer.' };
		kept.push(fresh);
		await save(fresh, false, '198.51.100.7');
		await check();
		await save(fresh, true, '198.51.100.7');
		await check();
	});

	it('cuts each list of frequent terms at its limit exactly as the core does, ties included', async () => {
		const { sets } = expected();
		for (const limit of [1, 2, 5]) expect(await frequentTermsOf(db, q.text.id, 2, { limit })).toEqual(frequentTerms(sets, 2, { limit }));
	});

	it('shows a term only when k distinct respondents used it', async () => {
		const terms = await frequentTermsOf(db, q.text.id, 3);
		// "Respondent 12 wrote" is one respondent's phrase; "respondent" alone is everyone's.
		expect(terms.overall.map((t) => t.term)).toContain('respondent');
		expect(terms.overall.some((t) => /^respondent \d/.test(t.term))).toBe(false);
		expect(terms.overall.every((t) => t.count >= 3)).toBe(true);
		for (const list of Object.values(terms.byGroup)) expect(list.every((t) => t.count >= 3)).toBe(true);
		expect(await frequentTermsOf(db, q.text.id, 1000)).toEqual({ overall: [], byGroup: {} });
	});
});
