import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database } from '../../src/lib/server/db/client';
import { rows } from '../../src/lib/server/db/migrate';
import { answers, auditEvents, questionnaires, questions, responses } from '../../src/lib/server/db/schema';
import { importCorpus, readCorpusFolder } from '../../src/lib/server/importers/corpus';
import { importQuestionnaire } from '../../src/lib/server/importers/questionnaire';
import { findBodyBySlug } from '../../src/lib/server/repositories/bodies';
import { findQuestionnaireBySlug, structureOf } from '../../src/lib/server/repositories/questionnaires';
import { readQuestionnaireAnnex } from '../../src/lib/core/corpus/questionnaire';
import type { QuestionnaireInput } from '../../src/lib/core/questionnaires/questionnaire';

/**
 * The corpus import brings the WGEC 2013 questionnaire (Annex 2 of the rolling document) as the
 * 2013–2014 body's questionnaire, once: a second import finds it unchanged, a changed one is
 * brought back to the document with its questions kept, and one that responses answer is never
 * stripped of a question.
 */
const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const SLUG = 'wgec-2013-questionnaire';
const TABLES = ['questionnaires', 'questionnaire_sections', 'questions', 'audit_events'];
const CONSENT_STATEMENT = 'The information solicited through this questionnaire will only be used in aggregate form, unless otherwise authorised by the respondent.';

async function snapshot(d: Database) {
	const out: Record<string, string> = {};
	for (const t of TABLES) {
		const [r] = rows(await d.db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`)));
		out[t] = `${r.n}:${r.h}`;
	}
	return out;
}

/** The questionnaire as the corpus import reads it. */
function corpusQuestionnaire(): QuestionnaireInput {
	const text = Object.entries(readCorpusFolder(CORPUS)).find(([name]) => name.startsWith('003_'))![1];
	return readQuestionnaireAnnex(text)!;
}

describe.each(databaseKinds())('importing the WGEC 2013 questionnaire on %s', (kind) => {
	let d: Database;
	let bodyId: string;
	beforeAll(async () => {
		d = await freshDatabase(kind);
		await importCorpus(d.db, CORPUS, () => {});
		bodyId = (await findBodyBySlug(d.db, 'wgec-2013-2014'))!.id;
	});
	afterAll(async () => {
		await d?.close();
	});

	it('creates exactly one questionnaire, the 2013–2014 body’s, with the consent statement verbatim', async () => {
		const all = await d.db.select().from(questionnaires);
		expect(all).toHaveLength(1);
		const [q] = all;
		expect(q).toMatchObject({
			slug: SLUG,
			bodyId,
			title: { en: 'Questionnaire of the UN Commission on Science and Technology for Development (WGEC)' },
			consentStatement: { en: CONSENT_STATEMENT },
			originalLang: 'en',
			languages: ['en'],
			requiresAccount: false,
			k: 5,
			published: true
		});
		expect(q.sourceName).toMatch(/^003_.*\.txt$/);
		expect(q.opensAt.toISOString()).toBe('2013-06-01T00:00:00.000Z');
		expect(q.closesAt.toISOString()).toBe('2013-11-06T00:00:00.000Z');
	});

	it('has 22 questions in two sections: consent, contact, stakeholder category and its follow-ups, then questions 2–18', async () => {
		const q = (await findQuestionnaireBySlug(d.db, SLUG))!;
		const s = await structureOf(d.db, q.id);
		expect(s.sections.map((x) => [x.title, x.questions.length])).toEqual([
			[{ en: 'About you' }, 5],
			[{ en: 'Questions' }, 17]
		]);
		expect(s.questions.map((x) => [x.position, x.number, x.kind, x.required])).toEqual([
			[0, '', 'consent', true],
			[1, '', 'short_text', false],
			[2, '1', 'stakeholder_group', true],
			[3, '', 'short_text', false],
			[4, '', 'short_text', false],
			...Array.from({ length: 17 }, (_, i) => [i + 5, String(i + 2), 'long_text', false])
		]);
		expect(s.questions[0].text.en).toBe(`${CONSENT_STATEMENT} Do you authorise us to cite/share your views individually?`);
		expect(s.questions.map((x) => x.text.en).slice(1, 5)).toEqual([
			'Please enter your contact details:',
			'Which stakeholder category do you belong to?',
			'If non-government, please indicate:',
			'If non-government, please indicate if you are:'
		]);
		expect(s.questions.find((x) => x.number === '8')!.text.en).toMatch(/pertaining to the Internet and public policy issues associated with/);
		expect(s.questions.every((x) => x.options.length === 0)).toBe(true);
	});

	it('audits the creation as the system', async () => {
		const events = await d.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'questionnaire'));
		expect(events.map((e) => [e.action, e.actorLabel, e.bodyId])).toEqual([['import.create', 'system', bodyId]]);
		expect((events[0].changes.questions.to as string[]).length).toBe(22);
	});

	it('finds it unchanged on a second import, and changes no row', async () => {
		const before = await snapshot(d);
		const lines: string[] = [];
		const again = await importCorpus(d.db, CORPUS, (l) => lines.push(l));
		expect([again.created, again.updated, again.warnings]).toEqual([0, 0, []]);
		expect(lines.some((l) => l.includes(SLUG))).toBe(false);
		expect(await snapshot(d)).toEqual(before);
	});

	it('brings a changed questionnaire back to the document, keeping its questions’ ids, and audits the update', async () => {
		const q = (await findQuestionnaireBySlug(d.db, SLUG))!;
		const before = await structureOf(d.db, q.id);
		const q3 = before.questions.find((x) => x.number === '3')!;
		await d.db.update(questions).set({ text: { en: 'Reworded.' }, required: true }).where(eq(questions.id, q3.id));
		await d.db.update(questionnaires).set({ k: 7 }).where(eq(questionnaires.id, q.id));

		const r = await d.db.transaction((tx) => importQuestionnaire(tx, { bodyId, slug: SLUG, sourceName: q.sourceName }, corpusQuestionnaire()));
		expect(r).toMatchObject({ ok: true, id: q.id, outcome: 'updated' });
		expect(r.ok && Object.keys(r.changes).sort()).toEqual(['k', 'questions']);
		const after = await structureOf(d.db, q.id);
		expect(after.questions.map((x) => x.id)).toEqual(before.questions.map((x) => x.id));
		expect(after.sections.map((x) => x.id)).toEqual(before.sections.map((x) => x.id));
		expect(after.questions.find((x) => x.id === q3.id)).toMatchObject({ text: q3.text, required: false });
		expect((await findQuestionnaireBySlug(d.db, SLUG))!.k).toBe(5);

		const again = await d.db.transaction((tx) => importQuestionnaire(tx, { bodyId, slug: SLUG, sourceName: q.sourceName }, corpusQuestionnaire()));
		expect(again).toMatchObject({ ok: true, outcome: 'unchanged', changes: {} });
	});

	it('leaves a questionnaire that responses answer as it is when the document would remove a question', async () => {
		const q = (await findQuestionnaireBySlug(d.db, SLUG))!;
		const before = await structureOf(d.db, q.id);
		const [response] = await d.db.insert(responses).values({ questionnaireId: q.id, tokenHash: `hash-${kind}`, status: 'submitted', consent: true }).returning();
		const q18 = before.questions.find((x) => x.number === '18')!;
		await d.db.insert(answers).values({ responseId: response.id, questionId: q18.id, text: 'An answer.' });
		const shorter = corpusQuestionnaire();
		shorter.sections[1].questions = shorter.sections[1].questions.filter((x) => x.number !== '18');
		const snap = await snapshot(d);

		const r = await d.db.transaction((tx) => importQuestionnaire(tx, { bodyId, slug: SLUG, sourceName: q.sourceName }, shorter));
		expect(r.ok).toBe(false);
		expect(!r.ok && r.reason).toMatch(/^questionnaire wgec-2013-questionnaire: left as it is, .*18 removed/);
		expect(await snapshot(d)).toEqual(snap);
		const [kept] = await d.db.select().from(answers).where(and(eq(answers.responseId, response.id), eq(answers.questionId, q18.id)));
		expect(kept.text).toBe('An answer.');

		// Rewording is still allowed once responses exist: the answered question keeps its id.
		const reworded = corpusQuestionnaire();
		const last = reworded.sections[1].questions.at(-1)!;
		last.text = { en: `${last.text.en} (reworded)` };
		const ok = await d.db.transaction((tx) => importQuestionnaire(tx, { bodyId, slug: SLUG, sourceName: q.sourceName }, reworded));
		expect(ok).toMatchObject({ ok: true, outcome: 'updated' });
		expect((await structureOf(d.db, q.id)).questions.find((x) => x.id === q18.id)!.text.en).toMatch(/\(reworded\)$/);
	});

	it('refuses a questionnaire that is not valid, changing nothing', async () => {
		const invalid = { ...corpusQuestionnaire(), closesAt: new Date('2013-01-01T00:00:00Z') };
		const r = await d.db.transaction((tx) => importQuestionnaire(tx, { bodyId, slug: 'another', sourceName: null }, invalid));
		expect(r).toEqual({ ok: false, reason: 'questionnaire another: not imported, it is not valid (closesAt: questionnaires.problem.closesBeforeOpens)' });
		expect(await findQuestionnaireBySlug(d.db, 'another')).toBeUndefined();
	});
});
