import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { answerSmallQuestionnaire, buildSmallQuestionnaire, closeQuestionnaire, press, secretariatVisitor, SMALL_QUESTIONS } from '../helpers/questionnaire-journeys';

/**
 * The analysis of a questionnaire as people use it: the secretariat (here the administrator)
 * builds a small questionnaire with the builder; four people answer it without an account, one of
 * them agreeing to be cited; before it closes a visitor cannot see the analysis. The secretariat
 * closes it, opens the analysis page, writes a summary, generates the analysis document, reads its
 * HTML and downloads the CSV — where the words of the three who did not agree never appear.
 */

const BODY = 'wgec-2016-2018';
const TAG = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const TITLE = `Questionnaire on capacity building ${TAG}`;
const SUMMARY = `Half of the respondents see progress (${TAG}).`;
// Two governments said yes, two from civil society no: every cell of the tables is 0 or 2, so with
// k = 2 all of them are published (cells of 1 would be hidden, and with them the totals that
// would give them away).
const RESPONDENTS = [
	{ consent: 'yes' as const, group: 'government', choice: 'yes' as const, marker: `citedalpha${TAG}` },
	{ consent: 'no' as const, group: 'government', choice: 'yes' as const, marker: `withheldgamma${TAG}` },
	{ consent: 'no' as const, group: 'civil_society', choice: 'no' as const, marker: `withhelddelta${TAG}` },
	{ consent: 'no' as const, group: 'civil_society', choice: 'no' as const, marker: `withheldepsilon${TAG}` }
];

let browser: Browser;
let slug = '';

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the analysis of a questionnaire', () => {
	it('the secretariat builds a questionnaire with a consent question, a choice and a text question', async () => {
		const { page, close } = await secretariatVisitor(browser);
		try {
			slug = await buildSmallQuestionnaire(page, BODY, TITLE, 2);
		} finally {
			await close();
		}
	});

	it('four people answer without an account; one agrees to be cited', async () => {
		expect(slug).not.toBe('');
		for (const r of RESPONDENTS) {
			await answerSmallQuestionnaire(browser, slug, { ...r, text: `Capacity building and access matter; ${r.marker}.`, name: `Name ${r.marker}` });
		}
	});

	it('before it closes, a visitor may not read the analysis', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			const response = await page.goto(`/en/questionnaires/${slug}/analysis`);
			expect(response?.status()).toBe(403);
			expect((await page.request.get(`/en/questionnaires/${slug}/analysis.csv`)).status()).toBe(403);
		} finally {
			await close();
		}
	});

	it('the secretariat closes it, writes a summary, generates the analysis document and downloads the CSV', async () => {
		const { page, close } = await secretariatVisitor(browser);
		try {
			await closeQuestionnaire(page, slug);

			await visit(page, `/en/questionnaires/${slug}/analysis`);
			const main = page.locator('main');
			expect(await main.innerText()).toContain('4 responses submitted.');
			expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
			const choice = page.locator('section', { has: page.locator('h2', { hasText: SMALL_QUESTIONS.choice }) });
			expect(await choice.locator('table caption').allInnerTexts()).toEqual(['Respondents per option', 'By stakeholder group', 'By region', 'By development status']);

			await choice.locator('textarea[name="text"]').fill(SUMMARY);
			await press(page, `section:has(h2:has-text("${SMALL_QUESTIONS.choice}")) form[action="?/summary"] button`);
			expect(page.url()).toContain('saved=summary');
			expect(await main.innerText()).toContain(SUMMARY);
			const text = await main.innerText();
			expect(text).toContain(RESPONDENTS[0].marker);
			for (const r of RESPONDENTS.slice(1)) expect(text).not.toContain(r.marker);

			await press(page, 'form[action="?/generate"] button');
			expect(page.url()).toContain('saved=generated');
			await checkAccessibility(page);
			const html = page.locator('#document a', { hasText: 'Print (HTML)' });
			expect(await html.count()).toBe(1);
			const printed = await (await page.request.get((await html.getAttribute('href'))!)).text();
			expect(printed).toContain('Analysis of the responses to the questionnaire');
			expect(printed).toContain(SUMMARY);
			expect(printed).toContain(RESPONDENTS[0].marker);
			for (const r of RESPONDENTS.slice(1)) expect(printed).not.toContain(r.marker);
			const docx = await page.request.get((await page.locator('#document a', { hasText: 'DOCX' }).getAttribute('href'))!);
			expect(docx.status()).toBe(200);
			const pdf = await page.request.get((await page.locator('#document a', { hasText: 'PDF' }).getAttribute('href'))!);
			expect(pdf.status()).toBe(200);
			expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

			// Generating again without a change adds no version.
			await press(page, 'form[action="?/generate"] button');
			expect(page.url()).toContain('saved=unchanged');
			expect(await page.locator('#document li').count()).toBe(1);

			const csvLink = page.locator('#document a', { hasText: 'CSV' });
			const csv = await page.request.get((await csvLink.getAttribute('href'))!);
			expect(csv.status()).toBe(200);
			expect(csv.headers()['content-type']).toContain('text/csv');
			const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
			expect(lines[0]).toBe('question,questionId,questionText,dimension,column,columnLabel,option,optionLabel,count,suppressed,share');
			const overall = lines.filter((l) => l.startsWith('1,') && l.includes(',overall,'));
			expect(overall.map((l) => l.split(',').slice(-5).join(','))).toEqual(['yes,Yes,2,false,50', 'no,No,2,false,50', '*,All,4,false,']);
			for (const r of RESPONDENTS) expect(lines.join('\n')).not.toContain(r.marker);
			for (const line of lines.slice(1)) {
				const [count, suppressed] = line.split(',').slice(-3, -1);
				expect(suppressed === 'true' ? count === '' : Number(count) === 0 || Number(count) >= 2, line).toBe(true);
			}
		} finally {
			await close();
		}
	});

	it('once closed, anyone reads the analysis and its open data', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			await visit(page, `/en/questionnaires/${slug}/analysis`);
			expect(await page.locator('main').innerText()).toContain(SUMMARY);
			expect(await page.locator('form[action="?/generate"]').count()).toBe(0);
			const json = await page.request.get(`/en/questionnaires/${slug}/analysis.json`);
			expect(json.status()).toBe(200);
			expect(json.headers()['access-control-allow-origin']).toBe('*');
			const body = await json.json();
			expect(body.questionnaire).toMatchObject({ slug, closed: true, k: 2, submitted: 4 });
		} finally {
			await close();
		}
	});
});
