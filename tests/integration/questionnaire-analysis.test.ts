/**
 * The analysis of a questionnaire's responses — its page's data, the open-data CSV and JSON, and
 * the generated analysis document (HTML and DOCX): consented answers in full, the others only as
 * protected counts. A unique marker in each respondent's name and text answer shows where their
 * words can reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import mammoth from 'mammoth';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { questionnaireBySecretariat } from '../factories/questionnaire';
import type { Database, Db } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/db/schema';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { writeQuestionSummary } from '../../src/lib/server/actions/questionnaires';
import { generateAnalysis } from '../../src/lib/server/actions/analysis';
import { saveResponse } from '../../src/lib/server/actions/responses';
import { findQuestionnaireById, structureOf } from '../../src/lib/server/repositories/questionnaires';
import { findDocumentBySlug, listVersions, versionUnits } from '../../src/lib/server/repositories/documents';
import { versionFile } from '../../src/lib/server/exports/download';
import { loadAnalysis, type AnalysisView } from '../../src/lib/server/questionnaires/analysis';
import { analysisOrError } from '../../src/lib/server/questionnaires/analysis-access';
import { analysisCsv, analysisJson, analysisRecords } from '../../src/lib/server/questionnaires/analysis-export';

const RESPONDENTS = [
	{ consent: 'yes', group: 'government', country: 'FR', choice: 'yes', marker: 'canaryconsentedalpha' },
	{ consent: 'yes', group: 'civil_society', country: 'KE', choice: 'yes', marker: 'canaryconsentedbeta' },
	{ consent: 'no', group: 'civil_society', country: 'KE', choice: 'no', marker: 'canarywithheldgamma' },
	{ consent: 'no', group: 'private_sector', country: 'FJ', choice: 'partly', marker: 'canarywithhelddelta' },
	{ consent: 'yes', group: 'government', country: 'FR', choice: 'yes', marker: 'canaryconsentedepsilon' },
	{ consent: 'no', group: 'government', country: 'DE', choice: 'yes', marker: 'canarywithheldzeta' },
	{ consent: 'no', group: 'civil_society', country: 'KE', choice: 'no', marker: 'canarywithheldeta' }
];
const K = 3;
const DAY = 86_400_000;

/** Every published count of the view: none may be between 0 and k. */
function publishedCounts(view: AnalysisView): { published: number[]; hidden: number } {
	const published: number[] = [];
	let hidden = 0;
	const see = (s: { count: number } | { suppressed: true }) => ('count' in s ? published.push(s.count) : hidden++);
	for (const q of view.questions) {
		if (!q.choice) continue;
		q.choice.options.forEach((o) => see(o.count));
		see(q.choice.total);
		for (const table of q.choice.tables) {
			for (const row of table.rows) [...row.cells, row.total].forEach(see);
			[...table.columnTotals, table.total].forEach(see);
		}
	}
	return { published, hidden };
}

describe.each(databaseKinds())('questionnaire analysis on %s', (kind) => {
	let d: Database;
	let db: Db;
	let questionnaireId: string;
	let secretariat: Actor;
	let plain: Actor;
	/** An instant after the questionnaire has closed. */
	let afterClosing: Date;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const created = await questionnaireBySecretariat(db, { k: K });
		secretariat = created.secretariat;
		const [v] = await db.insert(users).values({ email: 'visitor@example.org', passwordHash: 'x', displayName: 'Visitor' }).returning();
		plain = await actorForUser(db, v);
		questionnaireId = created.questionnaire.id;
		afterClosing = new Date(created.questionnaire.closesAt.getTime() + DAY);
		const [consent, group, country, choice, several, text] = (await structureOf(db, questionnaireId)).questions;
		for (const [i, r] of RESPONDENTS.entries()) {
			const saved = await saveResponse(
				db,
				questionnaireId,
				{ actor: ANONYMOUS, clientAddress: `192.0.2.${i}` },
				{
					lang: 'en',
					respondentName: `Name ${r.marker}`,
					respondentOrganisation: `Organisation of ${r.marker}`,
					answers: new Map([
						[consent.id, { choices: [r.consent] }],
						[group.id, { choices: [r.group] }],
						[country.id, { choices: [r.country] }],
						[choice.id, { choices: [r.choice] }],
						[several.id, { choices: ['access'] }],
						// A line that would be structure if the document did not guard it.
						[text.id, { text: `Capacity building matters; ${r.marker}.\n\nAnnex 2: ${r.marker} budget` }]
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

	const questionnaire = async () => (await findQuestionnaireById(db, questionnaireId))!;
	const expectMarkers = (what: string, text: string, consentedToo: boolean) => {
		for (const r of RESPONDENTS) expect(text.includes(r.marker), `${what}: ${r.marker}`).toBe(r.consent === 'yes' && consentedToo);
	};

	it('shows the consented answers in full and no word of the others, and no count below k', async () => {
		const view = await loadAnalysis(db, await questionnaire(), 'en');
		expectMarkers('page', JSON.stringify(view), true);
		expect(view.submitted).toBe(RESPONDENTS.length);
		const text = view.questions.find((q) => q.text)!.text!;
		expect(text.cited.map((c) => c.name).sort()).toEqual(['Name canaryconsentedalpha', 'Name canaryconsentedbeta', 'Name canaryconsentedepsilon']);
		expect(text.cited.every((c) => c.organisation.startsWith('Organisation of canaryconsented'))).toBe(true);
		// "capacity building" was used by all seven: frequent overall, among the three governments and the three from civil society, not the one private company.
		expect(text.overall.map((t) => t.term)).toContain('capacity building');
		expect(text.byGroup.map((g) => g.code)).toEqual(['civil_society', 'government']);
		expect(text.byGroup.map((g) => g.group)).toEqual(['Civil society', 'Government']);

		const { published, hidden } = publishedCounts(view);
		expect(published.every((n) => n === 0 || n >= K)).toBe(true);
		expect(hidden).toBeGreaterThan(0);
		const single = view.questions.find((q) => q.choice && !q.choice.multiple && q.question.kind === 'single_choice')!.choice!;
		expect(single.options.find((o) => o.code === 'yes')!.count).toEqual({ count: 4 });
		expect(single.options.find((o) => o.code === 'no')!.count).toEqual({ suppressed: true });
		expect(single.options.find((o) => o.code === 'partly')!.count).toEqual({ suppressed: true });
		for (const q of view.questions) {
			if (!q.choice) continue;
			expect(q.choice.chart).toMatch(/^<svg[^>]+role="img"/);
			expect(q.choice.tables.map((t) => t.dimension)).toEqual(['stakeholderGroup', 'region', 'developmentStatus']);
			for (const table of q.choice.tables) expect(table.chart).toMatch(/^<svg[^>]+role="img"/);
		}
		const region = single.tables.find((t) => t.dimension === 'region')!;
		expect(region.columns.map((c) => c.label)).toContain('Africa');
	});

	it('gives the number of responses only from k on, and hides every count when k exceeds them', async () => {
		const view = await loadAnalysis(db, { ...(await questionnaire()), k: 10 }, 'en');
		expect(view.submitted).toBeNull();
		expect(publishedCounts(view).published.every((n) => n === 0)).toBe(true);
	});

	it('exports the protected tables as tidy CSV and JSON with no raw count and no answer', async () => {
		const view = await loadAnalysis(db, await questionnaire(), 'en');
		const csv = analysisCsv(view, 'All');
		const json = JSON.stringify(analysisJson(view, 'All'));
		expectMarkers('csv', csv, false);
		expectMarkers('json', json, false);
		const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('question,questionId,questionText,dimension,column,columnLabel,option,optionLabel,count,suppressed,share');
		const records = analysisRecords(view, 'All');
		const yes = records.find((r) => r.question === '2' && r.dimension === 'overall' && r.option === 'yes')!;
		expect(yes).toMatchObject({ column: '*', count: 4, suppressed: false });
		const no = records.find((r) => r.question === '2' && r.dimension === 'overall' && r.option === 'no')!;
		expect(no).toMatchObject({ count: null, suppressed: true, share: null });
		expect(lines.some((l) => l.startsWith('2,') && l.includes(',overall,*,All,no,No,,true,'))).toBe(true);
		for (const r of records) if (r.count !== null) expect(r.count === 0 || r.count >= K).toBe(true);
		expect(new Set(records.map((r) => r.dimension))).toEqual(new Set(['overall', 'stakeholderGroup', 'region', 'developmentStatus']));
	});

	it('lets everyone read the analysis once the questionnaire has closed, and only the secretariat before', async () => {
		const denied = await analysisOrError(db, (await questionnaire()).slug, ANONYMOUS).catch((e: unknown) => e);
		expect(isHttpError(denied) && denied.status).toBe(403);
		expect((await analysisOrError(db, (await questionnaire()).slug, secretariat)).canAnalyse).toBe(true);
		const after = await analysisOrError(db, (await questionnaire()).slug, ANONYMOUS, afterClosing);
		expect(after).toMatchObject({ canAnalyse: false, isPublic: true });
	});

	it('generates the analysis document once closed, for the secretariat only, and adds no version when nothing changed', async () => {
		expect(await generateAnalysis(db, plain, questionnaireId, afterClosing)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await generateAnalysis(db, ANONYMOUS, questionnaireId, afterClosing)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(await generateAnalysis(db, secretariat, questionnaireId)).toMatchObject({ ok: false, error: 'invalid' });

		const [, , , choice] = (await structureOf(db, questionnaireId)).questions;
		expect((await writeQuestionSummary(db, secretariat, choice.id, 'Most respondents see progress.')).ok).toBe(true);
		const first = await generateAnalysis(db, secretariat, questionnaireId, afterClosing);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.value).toMatchObject({ created: true, documentSlug: `${(await questionnaire()).slug}-analysis` });
		expect(first.value.version.number).toBe(1);
		expect((await questionnaire()).analysisDocumentId).toBe(first.value.documentId);
		const again = await generateAnalysis(db, secretariat, questionnaireId, afterClosing);
		expect(again).toMatchObject({ ok: true, value: { created: false } });
		expect(await listVersions(db, first.value.documentId)).toHaveLength(1);

		const doc = (await findDocumentBySlug(db, first.value.documentSlug))!;
		expect(doc).toMatchObject({ kind: 'report', published: true, title: 'Analysis of the responses to the questionnaire' });
		const units = await versionUnits(db, first.value.version.id);
		// Respondents' lines stay words: "Annex 2: …" starts no annex.
		expect(units.some((u) => u.kind === 'annex')).toBe(false);
		expect(units.filter((u) => u.kind === 'table_row').length).toBeGreaterThan(8);
		expect(units.some((u) => u.kind === 'heading' && u.text.startsWith('Question 2. Has enhanced cooperation'))).toBe(true);
		expect(units.some((u) => u.text === 'Most respondents see progress.')).toBe(true);
		expect(units.some((u) => u.kind === 'table_row' && /^\| Yes \| 4 \| /.test(u.text))).toBe(true);
		expect(units.some((u) => u.kind === 'table_row' && /^\| No \| hidden \| – \|$/.test(u.text))).toBe(true);

		const html = new TextDecoder().decode((await versionFile(doc, first.value.version, units, 'html')).bytes);
		expectMarkers('html', html, true);
		expect(html).toContain('Capacity building matters');
		const docx = await versionFile(doc, first.value.version, units, 'docx');
		const { value: docxText } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
		expectMarkers('docx', docxText, true);
		expect(docxText).toContain('Name canaryconsentedalpha, Organisation of canaryconsentedalpha');

		// A new summary is a change: one more version, keys carried.
		expect((await writeQuestionSummary(db, secretariat, choice.id, 'Most respondents see some progress.')).ok).toBe(true);
		const third = await generateAnalysis(db, secretariat, questionnaireId, afterClosing);
		expect(third).toMatchObject({ ok: true, value: { created: true, version: { number: 2 } } });
		expect(await listVersions(db, first.value.documentId)).toHaveLength(2);
	});
});
