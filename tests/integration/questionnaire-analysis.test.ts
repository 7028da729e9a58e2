/**
 * The analysis page's data: consented answers in full, the others only as protected counts. A
 * unique marker in each respondent's text answer shows where their words can reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { buildBody } from '../factories/records';
import { sampleQuestionnaire } from '../factories/questionnaire';
import type { Database, Db } from '../../src/lib/server/db/client';
import { memberships, persons, users } from '../../src/lib/server/db/schema';
import { ANONYMOUS } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { createQuestionnaire } from '../../src/lib/server/actions/questionnaires';
import { saveResponse } from '../../src/lib/server/actions/responses';
import { findQuestionnaireById, structureOf } from '../../src/lib/server/repositories/questionnaires';
import { loadAnalysis } from '../../src/lib/server/questionnaires/analysis';

const RESPONDENTS = [
	{ consent: 'yes', group: 'government', country: 'FR', choice: 'yes', marker: 'canaryconsentedalpha' },
	{ consent: 'yes', group: 'civil_society', country: 'KE', choice: 'yes', marker: 'canaryconsentedbeta' },
	{ consent: 'no', group: 'civil_society', country: 'KE', choice: 'no', marker: 'canarywithheldgamma' },
	{ consent: 'no', group: 'private_sector', country: 'FJ', choice: 'partly', marker: 'canarywithhelddelta' }
];

describe.each(databaseKinds())('questionnaire analysis on %s', (kind) => {
	let d: Database;
	let db: Db;
	let questionnaireId: string;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const bodyId = (await buildBody(db, { slug: 'wg' })).id;
		const [p] = await db.insert(persons).values({ slug: 'p-sec', name: 'Secretariat' }).returning();
		await db.insert(memberships).values({ bodyId, role: 'secretariat', personId: p.id });
		const [u] = await db.insert(users).values({ email: 'sec@example.org', passwordHash: 'x', displayName: 'Secretariat', personId: p.id }).returning();
		const created = await createQuestionnaire(db, await actorForUser(db, u), bodyId, sampleQuestionnaire({ k: 3 }));
		if (!created.ok) throw new Error('questionnaire not created');
		questionnaireId = created.value.id;
		const [consent, group, country, choice, several, text] = (await structureOf(db, questionnaireId)).questions;
		for (const [i, r] of RESPONDENTS.entries()) {
			const saved = await saveResponse(
				db,
				questionnaireId,
				{ actor: ANONYMOUS, clientAddress: `192.0.2.${i}` },
				{
					lang: 'en',
					respondentName: `Name ${r.marker}`,
					answers: new Map([
						[consent.id, { choices: [r.consent] }],
						[group.id, { choices: [r.group] }],
						[country.id, { choices: [r.country] }],
						[choice.id, { choices: [r.choice] }],
						[several.id, { choices: ['access'] }],
						[text.id, { text: `Capacity building matters; ${r.marker}.` }]
					])
				},
				{ submit: true }
			);
			if (!saved.ok) throw new Error(`response not saved: ${saved.error}`);
		}
	});
	afterAll(async () => {
		await d?.close();
	});

	it('shows the consented answers in full and no word of the others, and no count below k', async () => {
		const questionnaire = (await findQuestionnaireById(db, questionnaireId))!;
		const view = await loadAnalysis(db, questionnaire, await structureOf(db, questionnaireId), 'en');
		const all = JSON.stringify(view);
		for (const r of RESPONDENTS) expect(all.includes(r.marker), r.marker).toBe(r.consent === 'yes');
		expect(view.submitted).toBe(4);
		const text = view.questions.find((q) => q.text)!.text!;
		expect(text.cited.map((c) => c.name).sort()).toEqual(['Name canaryconsentedalpha', 'Name canaryconsentedbeta']);
		// "capacity building" was used by all four: frequent overall, but no group has three of them.
		expect(text.overall.map((t) => t.term)).toContain('capacity building');
		expect(text.byGroup).toEqual([]);
		for (const q of view.questions) {
			if (!q.choice) continue;
			for (const o of q.choice.options) if ('count' in o.count) expect(o.count.count === 0 || o.count.count >= 3).toBe(true);
			for (const table of q.choice.tables) for (const row of table.rows) for (const cell of row.cells) if ('count' in cell) expect(cell.count === 0 || cell.count >= 3).toBe(true);
			expect(q.choice.chart).toMatch(/^<svg/);
		}
	});
});
