import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { buildBody } from '../factories/records';
import { CONSENT_STATEMENT, sampleQuestionnaire } from '../factories/questionnaire';
import { handleQuestionnaireResponses, handleQuestionnaires } from '../../src/lib/server/api/questionnaires';
import type { Database, Db } from '../../src/lib/server/db/client';
import { answers, auditEvents, memberships, persons, questions, responses, users } from '../../src/lib/server/db/schema';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { createQuestionnaire, updateQuestionnaire, writeQuestionSummary } from '../../src/lib/server/actions/questionnaires';
import { saveResponse, type ResponseInput } from '../../src/lib/server/actions/responses';
import { structureOf, summariesOf, type QuestionRow } from '../../src/lib/server/repositories/questionnaires';
import { citableResponses } from '../../src/lib/server/repositories/citable-answers';
import { MAX_NEW_RESPONSES_PER_ADDRESS } from '../../src/lib/core/accounts/throttle-rule';

const anonymous = (token?: string, clientAddress = '192.0.2.1') => ({ actor: ANONYMOUS, token, clientAddress });

describe.each(databaseKinds())('questionnaires on %s', (kind) => {
	let d: Database;
	let db: Db;
	let bodyId: string;
	let questionnaireId: string;
	let q: Record<string, QuestionRow>;
	const actors: Record<'secretariat' | 'member' | 'respondent', Actor> = {} as never;

	const answersOf = (values: Record<string, string | string[]>): ResponseInput => ({
		lang: 'en',
		answers: new Map(Object.entries(values).map(([key, v]) => [q[key].id, Array.isArray(v) ? { choices: v } : q[key].kind.endsWith('text') ? { text: v } : { choices: [v] }]))
	});
	const total = async (table: typeof responses | typeof answers | typeof auditEvents) => Number((await db.select({ n: count() }).from(table))[0].n);

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		bodyId = (await buildBody(db, { slug: 'wg' })).id;
		for (const who of ['secretariat', 'member', 'respondent'] as const) {
			const [p] = await db.insert(persons).values({ slug: `p-${who}`, name: `Person ${who}` }).returning();
			if (who !== 'respondent') await db.insert(memberships).values({ bodyId, role: who, personId: p.id });
			const [u] = await db.insert(users).values({ email: `${who}@example.org`, passwordHash: 'x', displayName: `Person ${who}`, personId: p.id }).returning();
			actors[who] = await actorForUser(db, u);
		}
	});
	afterAll(async () => {
		await d?.close();
	});

	it('lets the secretariat build a questionnaire, and no one else', async () => {
		expect(await createQuestionnaire(db, actors.member, bodyId, sampleQuestionnaire())).toMatchObject({ ok: false, error: 'forbidden' });
		const r = await createQuestionnaire(db, actors.secretariat, bodyId, sampleQuestionnaire());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		questionnaireId = r.value.id;
		expect(r.value.slug).toBe('questionnaire-on-enhanced-cooperation');
		const structure = await structureOf(db, questionnaireId);
		expect(structure.sections.map((s) => s.questions.map((x) => x.kind))).toEqual([
			['consent', 'stakeholder_group', 'country'],
			['single_choice', 'multiple_choice', 'long_text']
		]);
		const [consent, group, country, choice, multiple, text] = structure.questions;
		q = { consent, group, country, choice, multiple, text };
		const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'questionnaire.create'));
		expect(event.entityId).toBe(questionnaireId);
	});

	it('rewords questions in place, keeping their ids', async () => {
		const edited = sampleQuestionnaire();
		const structure = await structureOf(db, questionnaireId);
		edited.sections.forEach((s, si) => {
			s.id = structure.sections[si].id;
			s.questions.forEach((x, qi) => (x.id = structure.sections[si].questions[qi].id));
		});
		edited.sections[1].questions[2].text = { en: 'What are the relevant international Internet-related public policy issues?', fr: 'Quelles sont les questions ?' };
		const r = await updateQuestionnaire(db, actors.secretariat, questionnaireId, edited);
		expect(r.ok).toBe(true);
		const [row] = await db.select().from(questions).where(eq(questions.id, q.text.id));
		expect(row.text).toEqual({ en: 'What are the relevant international Internet-related public policy issues?', fr: 'Quelles sont les questions ?' });
	});

	it('gives a visitor a private link on the first save, and opens the same response through it', async () => {
		const first = await saveResponse(db, questionnaireId, anonymous(), answersOf({ consent: 'yes', group: 'civil_society', country: 'BR' }));
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.value.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
		const [stored] = await db.select().from(responses).where(eq(responses.id, first.value.response.id));
		expect(stored.tokenHash).not.toContain(first.value.token!);
		expect(stored).toMatchObject({ consent: true, stakeholderGroup: 'civil_society', countryIso2: 'BR', status: 'draft' });

		const again = await saveResponse(db, questionnaireId, anonymous(first.value.token), { ...answersOf({ choice: 'partly', text: 'Capacity building CANARY-YES-1' }), respondentName: 'Ana', respondentOrganisation: 'Civil Society Org' });
		expect(again.ok && again.value.response.id).toBe(first.value.response.id);
		expect(again.ok && again.value.token).toBeUndefined();
		const submitted = await saveResponse(db, questionnaireId, anonymous(first.value.token), answersOf({}), { submit: true });
		expect(submitted.ok && submitted.value.response.status).toBe('submitted');
	});

	it('refuses a forged link, an over-long answer, an unknown option and a second choice, changing nothing', async () => {
		const before = [await total(responses), await total(answers), await total(auditEvents)];
		expect(await saveResponse(db, questionnaireId, anonymous('forged-token-that-nobody-issued'), answersOf({ choice: 'yes' }))).toMatchObject({ ok: false, error: 'not_found' });
		const long = await saveResponse(db, questionnaireId, anonymous(), answersOf({ text: 'x'.repeat(2001) }));
		expect(long).toMatchObject({ ok: false, error: 'invalid', detail: { problems: { [q.text.id]: { key: 'questionnaires.problem.tooLong', values: { max: 2000 } } } } });
		expect(await saveResponse(db, questionnaireId, anonymous(), answersOf({ choice: 'maybe' }))).toMatchObject({ ok: false, error: 'invalid' });
		expect(await saveResponse(db, questionnaireId, anonymous(), answersOf({ choice: ['yes', 'no'] }))).toMatchObject({ ok: false, error: 'invalid' });
		expect(await saveResponse(db, questionnaireId, anonymous(), answersOf({ country: 'XX' }))).toMatchObject({ ok: false, error: 'invalid' });
		expect([await total(responses), await total(answers), await total(auditEvents)]).toEqual(before);
	});

	it('keeps one response per account, and submits only when every required question is answered', async () => {
		const who = { actor: actors.respondent };
		const a = await saveResponse(db, questionnaireId, who, answersOf({ consent: 'no', group: 'government', text: 'Our views CANARY-NO-1' }));
		const b = await saveResponse(db, questionnaireId, who, answersOf({ multiple: ['access', 'security'] }));
		expect(a.ok && b.ok && a.value.response.id === b.value.response.id).toBe(true);
		expect(a.ok && a.value.token).toBeUndefined();
		const incomplete = await saveResponse(db, questionnaireId, who, answersOf({}), { submit: true });
		expect(incomplete).toMatchObject({ ok: false, error: 'invalid', detail: { problems: { [q.choice.id]: { key: 'questionnaires.problem.required' } } } });
		const done = await saveResponse(db, questionnaireId, who, answersOf({ choice: 'no' }), { submit: true });
		expect(done.ok && done.value.response).toMatchObject({ status: 'submitted', consent: false });
		// After submission, a required answer cannot be blanked.
		expect(await saveResponse(db, questionnaireId, who, answersOf({ choice: [] }))).toMatchObject({ ok: false, error: 'invalid' });
	});

	it('reads individually only the submitted responses that consented', async () => {
		const draft = await saveResponse(db, questionnaireId, anonymous(undefined, '192.0.2.9'), answersOf({ consent: 'yes', text: 'Draft CANARY-DRAFT-1' }));
		expect(draft.ok).toBe(true);
		const cited = await citableResponses(db, questionnaireId);
		const texts = JSON.stringify(cited);
		expect(texts).toContain('CANARY-YES-1');
		expect(texts).not.toContain('CANARY-NO-1');
		expect(texts).not.toContain('CANARY-DRAFT-1');
		expect(cited.map((r) => [r.respondentName, r.respondentOrganisation])).toEqual([['Ana', 'Civil Society Org']]);
	});

	it('publishes the questionnaire and only its cited responses in the open-data API and CSV', async () => {
		const api = (path: string) => new URL(`http://plenary.test/api/v1${path}`);
		const list = await (await handleQuestionnaires(db, api('/questionnaires'))).json();
		const record = list.data.find((r: { id: string }) => r.id === questionnaireId);
		expect(record).toMatchObject({ submittedResponses: 2, citableResponses: 1, consentStatement: CONSENT_STATEMENT });
		expect(record.questions.map((x: { kind: string }) => x.kind)).toEqual(['consent', 'stakeholder_group', 'country', 'single_choice', 'multiple_choice', 'long_text']);
		const json = await (await handleQuestionnaireResponses(db, api(`/questionnaire-responses?questionnaire=${record.slug}`))).text();
		const csv = await (await handleQuestionnaireResponses(db, api('/questionnaire-responses.csv'), 'csv')).text();
		for (const out of [json, csv]) {
			expect(out).toContain('CANARY-YES-1');
			expect(out).toContain('Civil Society Org');
			expect(out).not.toMatch(/CANARY-NO-1|CANARY-DRAFT-1/);
		}
		expect(JSON.parse(json).data).toHaveLength(1);
		expect((await handleQuestionnaireResponses(db, api('/questionnaire-responses?questionnaire=nope'))).status).toBe(404);
	});

	it('audits every change as made by "respondent", naming questions, never answers or persons', async () => {
		const events = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'response'));
		expect(events.length).toBeGreaterThanOrEqual(6);
		for (const e of events) {
			expect(e.actorLabel).toBe('respondent');
			expect(e.actorUserId).toBeNull();
			const seen = JSON.stringify(e);
			expect(seen).not.toMatch(/CANARY|respondent@example|Person respondent|Ana|Civil Society Org/);
		}
		expect(events.map((e) => e.action)).toContain('response.submit');
	});

	it('refuses to remove a question or an option once answered', async () => {
		const edited = sampleQuestionnaire();
		const structure = await structureOf(db, questionnaireId);
		edited.sections.forEach((s, si) => {
			s.id = structure.sections[si].id;
			s.questions.forEach((x, qi) => (x.id = structure.sections[si].questions[qi].id));
		});
		const withoutOption = structuredClone(edited);
		withoutOption.sections[1].questions[0].options.pop();
		expect(await updateQuestionnaire(db, actors.secretariat, questionnaireId, withoutOption)).toMatchObject({ ok: false, error: 'conflict', detail: { field: 'sections', optionsRemoved: ['2'] } });
		const withoutQuestion = structuredClone(edited);
		withoutQuestion.sections[1].questions.pop();
		expect(await updateQuestionnaire(db, actors.secretariat, questionnaireId, withoutQuestion)).toMatchObject({ ok: false, error: 'conflict', detail: { removed: ['4'] } });
		expect((await structureOf(db, questionnaireId)).questions).toHaveLength(6);
	});

	it('refuses answers after the closing date, and visitors where an account is needed', async () => {
		const later = new Date(Date.now() + 30 * 86_400_000);
		expect(await saveResponse(db, questionnaireId, anonymous(), answersOf({ choice: 'yes' }), { now: later })).toMatchObject({ ok: false, error: 'closed' });
		const closed = await createQuestionnaire(db, actors.secretariat, bodyId, sampleQuestionnaire({ title: { en: 'Members only' }, requiresAccount: true }));
		expect(closed.ok).toBe(true);
		if (!closed.ok) return;
		expect(await saveResponse(db, closed.value.id, anonymous(), { lang: 'en', answers: new Map() })).toMatchObject({ ok: false, error: 'forbidden' });
	});

	it('rate-limits new anonymous responses from one address', async () => {
		const address = '198.51.100.7';
		for (let i = 0; i < MAX_NEW_RESPONSES_PER_ADDRESS; i++) expect((await saveResponse(db, questionnaireId, anonymous(undefined, address), answersOf({ choice: 'yes' }))).ok).toBe(true);
		const before = await total(responses);
		expect(await saveResponse(db, questionnaireId, anonymous(undefined, address), answersOf({ choice: 'yes' }))).toMatchObject({ ok: false, error: 'rate_limited' });
		expect(await total(responses)).toBe(before);
		expect((await saveResponse(db, questionnaireId, anonymous(undefined, '198.51.100.8'), answersOf({ choice: 'yes' }))).ok).toBe(true);
	});

	it('keeps the secretariat’s summary per question', async () => {
		expect(await writeQuestionSummary(db, actors.member, q.text.id, 'No.')).toMatchObject({ ok: false, error: 'forbidden' });
		expect((await writeQuestionSummary(db, actors.secretariat, q.text.id, 'Most respondents named capacity building.\r\n')).ok).toBe(true);
		expect((await summariesOf(db, questionnaireId)).get(q.text.id)).toBe('Most respondents named capacity building.');
	});
});
