import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, signInInBrowser } from '../helpers/people';

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
const QUESTIONS = {
	consent: 'Do you authorise us to cite your views individually?',
	group: 'Which stakeholder category do you belong to?',
	choice: 'Has enhanced cooperation been implemented?',
	text: 'What are the relevant international public policy issues?'
};
const SUMMARY = `Half of the respondents see progress (${TAG}).`;
// Two governments said yes, two from civil society no: every cell of the tables is 0 or 2, so with
// k = 2 all of them are published (cells of 1 would be hidden, and with them the totals that
// would give them away).
const RESPONDENTS = [
	{ consent: 'yes', group: 'government', choice: 'yes', marker: `citedalpha${TAG}` },
	{ consent: 'no', group: 'government', choice: 'yes', marker: `withheldgamma${TAG}` },
	{ consent: 'no', group: 'civil_society', choice: 'no', marker: `withhelddelta${TAG}` },
	{ consent: 'no', group: 'civil_society', choice: 'no', marker: `withheldepsilon${TAG}` }
];

let browser: Browser;
let slug = '';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Clicks a submit button and waits for the page it loads. */
async function press(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), page.locator(selector).click()]);
	await page.waitForLoadState('load');
}

/** The secretariat's browser, signed in. */
async function secretariat() {
	const visitor = await newVisitor(browser);
	const admin = administrator();
	await signInInBrowser(visitor.page, admin.email, admin.password);
	return visitor;
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the analysis of a questionnaire', () => {
	it('the secretariat builds a questionnaire with a consent question, a choice and a text question', async () => {
		const { page, close } = await secretariat();
		try {
			await visit(page, `/en/bodies/${BODY}/questionnaires/new`);
			await page.fill('#f-title', TITLE);
			await page.fill('#f-consentStatement', 'Answers are used in aggregate form unless the respondent allows otherwise.');
			await page.fill('#f-opensOn', day(-1));
			await page.fill('#f-closesOn', day(30));
			await page.fill('#f-k', '2');
			await page.fill('#f-s0-title', 'Questions');
			await page.selectOption('#f-s0-q0-kind', 'consent');
			await page.fill('#f-s0-q0-text', QUESTIONS.consent);
			await page.check('input[name="s0.q0.required"]');
			await press(page, 'button[value="add-question:0"]');
			await page.selectOption('#f-s0-q1-kind', 'stakeholder_group');
			await page.fill('#f-s0-q1-text', QUESTIONS.group);
			await press(page, 'button[value="add-question:0"]');
			await page.selectOption('#f-s0-q2-kind', 'single_choice');
			await page.fill('#f-s0-q2-number', '1');
			await page.fill('#f-s0-q2-text', QUESTIONS.choice);
			await page.fill('#f-s0-q2-options', 'yes = Yes\nno = No');
			await press(page, 'button[value="add-question:0"]');
			await page.selectOption('#f-s0-q3-kind', 'long_text');
			await page.fill('#f-s0-q3-number', '2');
			await page.fill('#f-s0-q3-text', QUESTIONS.text);
			await press(page, 'form.questionnaire-form button.primary');
			expect(new URL(page.url()).pathname, await page.locator('main').innerText()).toMatch(/^\/en\/questionnaires\/[a-z0-9-]+$/);
			slug = new URL(page.url()).pathname.split('/').pop()!;
		} finally {
			await close();
		}
	});

	it('four people answer without an account; one agrees to be cited', async () => {
		expect(slug).not.toBe('');
		for (const r of RESPONDENTS) {
			const { page, close } = await newVisitor(browser, { javaScript: false });
			try {
				await visit(page, `/en/questionnaires/${slug}/answer`);
				const ids = await page.locator('input[name="questions"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
				expect(ids).toHaveLength(4);
				await page.check(`input[name="q-${ids[0]}"][value="${r.consent}"]`);
				await page.check(`input[name="q-${ids[1]}"][value="${r.group}"]`);
				await page.check(`input[name="q-${ids[2]}"][value="${r.choice}"]`);
				await page.fill(`textarea[name="q-${ids[3]}"]`, `Capacity building and access matter; ${r.marker}.`);
				await page.fill('#respondentName', `Name ${r.marker}`);
				await press(page, 'form[action$="?/save"] button.primary');
				expect(page.url(), await page.locator('main').innerText()).toContain('section=review');
				await press(page, 'form[action$="?/submit"] button.primary');
				expect(await page.locator('.receipt').count()).toBe(1);
			} finally {
				await close();
			}
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
		const { page, close } = await secretariat();
		try {
			// Closing: the last day was yesterday.
			await visit(page, `/en/questionnaires/${slug}/edit`);
			await page.fill('#f-opensOn', day(-3));
			await page.fill('#f-closesOn', day(-1));
			await press(page, 'form.questionnaire-form button.primary');
			expect(page.url(), await page.locator('main').innerText()).toContain('saved=updated');

			await visit(page, `/en/questionnaires/${slug}/analysis`);
			const main = page.locator('main');
			expect(await main.innerText()).toContain('4 responses submitted.');
			expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
			const choice = page.locator('section', { has: page.locator('h2', { hasText: QUESTIONS.choice }) });
			expect(await choice.locator('table caption').allInnerTexts()).toEqual(['Respondents per option', 'By stakeholder group', 'By region', 'By development status']);

			await choice.locator('textarea[name="text"]').fill(SUMMARY);
			await press(page, `section:has(h2:has-text("${QUESTIONS.choice}")) form[action="?/summary"] button`);
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
