import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkAccessibility, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, signInInBrowser } from '../helpers/people';

/**
 * Questionnaires as people use them: the secretariat (here the administrator) builds one in the
 * browser with French texts, using the builder's buttons to add questions and a section; its public
 * page shows every question and the consent statement word for word; an anonymous respondent
 * answers in French, leaves, comes back through the private link, finds the answers kept and
 * submits — once without JavaScript, once with it (where answers are also saved as they are typed).
 */

const BODY = 'wgec-2016-2018';
const TAG = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const TITLE = `Questionnaire sur la coopération renforcée ${TAG}`;
const CONSENT = 'Les informations recueillies ne seront utilisées que sous forme agrégée, sauf autorisation contraire du répondant.';
const QUESTIONS = {
	consent: 'Acceptez-vous que vos vues soient citées individuellement ?',
	group: 'À quelle catégorie de parties prenantes appartenez-vous ?',
	choice: 'La coopération renforcée a-t-elle été mise en œuvre ?',
	text: 'Quelles sont les questions de politique publique internationale pertinentes ?'
};

let browser: Browser;
let slug = '';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Clicks a submit button and waits for the page it loads. */
async function press(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), page.locator(selector).click()]);
	await page.waitForLoadState('load');
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('building a questionnaire', () => {
	it('the secretariat builds a questionnaire in French with the builder, and its page lists it all', async () => {
		const { page, close } = await newVisitor(browser, { locale: 'fr-FR' });
		try {
			const admin = administrator();
			await signInInBrowser(page, admin.email, admin.password);
			await visit(page, `/fr/bodies/${BODY}`);
			await page.locator(`a[href="/fr/bodies/${BODY}/questionnaires/new"]`).click();
			await page.waitForURL(/questionnaires\/new$/);
			await checkAccessibility(page);

			await page.selectOption('#f-originalLang', 'fr');
			await page.fill('#f-title', TITLE);
			await page.fill('#f-consentStatement', CONSENT);
			await page.fill('#f-opensOn', day(-1));
			await page.fill('#f-closesOn', day(30));
			await page.fill('#f-s0-title', 'Vous');
			await page.selectOption('#f-s0-q0-kind', 'consent');
			await page.fill('#f-s0-q0-text', QUESTIONS.consent);
			await page.check('input[name="s0.q0.required"]');
			// The builder's buttons reshape the form on the server, keeping what was typed.
			await press(page, 'button[value="add-question:0"]');
			expect(await page.inputValue('#f-title')).toBe(TITLE);
			await page.selectOption('#f-s0-q1-kind', 'stakeholder_group');
			await page.fill('#f-s0-q1-text', QUESTIONS.group);
			await press(page, 'button[value="add-section"]');
			await page.fill('#f-s1-title', 'Questions');
			await page.selectOption('#f-s1-q0-kind', 'single_choice');
			await page.fill('#f-s1-q0-number', '1');
			await page.fill('#f-s1-q0-text', QUESTIONS.choice);
			await page.fill('#f-s1-q0-options', 'oui = Oui\nen_partie = En partie\nnon = Non');
			await press(page, 'button[value="add-question:1"]');
			await page.selectOption('#f-s1-q1-kind', 'long_text');
			await page.fill('#f-s1-q1-number', '2');
			await page.fill('#f-s1-q1-text', QUESTIONS.text);
			// A mistake first: a choice question with one option is refused, nothing saved, nothing lost.
			await page.fill('#f-s1-q0-options', 'oui = Oui');
			await press(page, 'form.questionnaire-form button.primary');
			expect(await page.locator('#f-s1-q0-options').getAttribute('aria-invalid')).toBe('true');
			expect(await page.inputValue('#f-s1-q1-text')).toBe(QUESTIONS.text);
			await page.fill('#f-s1-q0-options', 'oui = Oui\nen_partie = En partie\nnon = Non');
			await press(page, 'form.questionnaire-form button.primary');

			expect(new URL(page.url()).pathname).toMatch(/^\/fr\/questionnaires\/[a-z0-9-]+$/);
			slug = new URL(page.url()).pathname.split('/').pop()!;
			const text = await page.locator('main').innerText();
			expect(text).toContain(CONSENT);
			for (const q of Object.values(QUESTIONS)) expect(text).toContain(q);
			expect(text).toContain('En partie');
			await checkAccessibility(page);
		} finally {
			await close();
		}
	});

	it('is public: a visitor reads it, and the body page links it', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			await visit(page, `/en/bodies/${BODY}`);
			expect(await page.locator(`a[href="/en/questionnaires/${slug}"]`).count()).toBe(1);
			await visit(page, `/en/questionnaires/${slug}`);
			// Untranslated texts are shown in the original language, marked as French.
			expect(await page.locator('h1 [lang="fr"], h1[lang="fr"]').count()).toBeGreaterThan(0);
			expect(await page.locator('main').innerText()).toContain(CONSENT);
		} finally {
			await close();
		}
	});
});

describe.each([false, true])('answering (JavaScript %s)', (javaScript) => {
	it('an anonymous respondent answers in French, leaves, returns by the private link and submits', async () => {
		const first = await newVisitor(browser, { javaScript, locale: 'fr-FR' });
		let link = '';
		try {
			const response = await visit(first.page, `/fr/questionnaires/${slug}/answer`);
			expect(response.headers()['cache-control']).toContain('no-store');
			expect(response.headers()['referrer-policy']).toBe('same-origin');
			const ids = await first.page.locator('input[name="questions"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
			expect(ids).toHaveLength(2);
			await first.page.check(`input[name="q-${ids[0]}"][value="no"]`);
			await first.page.check(`input[name="q-${ids[1]}"][value="civil_society"]`);
			await press(first.page, 'form[action$="?/save"] button.primary');
			expect(new URL(first.page.url()).pathname, await first.page.locator('main').innerText()).toMatch(/\/r\//);
			// The first save made the private link, shown once, and moved to it.
			expect(first.page.url()).toMatch(/\/fr\/questionnaires\/[a-z0-9-]+\/r\/[A-Za-z0-9_-]{40,}\?section=1/);
			link = (await first.page.locator('a.private-link').getAttribute('href'))!;
			expect(link).toMatch(/\/r\//);
			await checkAccessibility(first.page);
			if (javaScript) {
				// Typing is saved after a moment without pressing anything.
				await first.page.fill('textarea', 'La gouvernance de l’Internet et le renforcement des capacités.');
				await expect.poll(() => first.page.locator('[role="status"][aria-live="polite"]').innerText(), { timeout: 10_000 }).toMatch(/\d/);
			}
		} finally {
			await first.close();
		}

		const back = await newVisitor(browser, { javaScript, locale: 'fr-FR' });
		try {
			await visit(back.page, `${link}?section=0`);
			expect(await back.page.locator('input[value="no"]').isChecked()).toBe(true);
			expect(await back.page.locator('input[value="civil_society"]').isChecked()).toBe(true);
			await visit(back.page, `${link}?section=1`);
			if (javaScript) expect(await back.page.inputValue('textarea')).toContain('renforcement des capacités');
			await back.page.check('input[value="en_partie"]');
			await back.page.fill('textarea', 'La gouvernance de l’Internet et le renforcement des capacités.');
			await press(back.page, 'form[action$="?/save"] button.primary');
			expect(back.page.url()).toContain('section=review');
			expect(await back.page.locator('main').innerText()).toContain('renforcement des capacités');
			await press(back.page, 'form[action$="?/submit"] button.primary');
			const receipt = back.page.locator('.receipt');
			expect(await receipt.count()).toBe(1);
			expect(await receipt.locator('a.receipt-link').getAttribute('href')).toBe(link);
			await checkAccessibility(back.page);
		} finally {
			await back.close();
		}
	});
});

describe('private links', () => {
	it('a forged link is not found', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			await visit(page, `/fr/questionnaires/${slug}/r/${'A'.repeat(43)}`, { status: 404 });
		} finally {
			await close();
		}
	});
});
