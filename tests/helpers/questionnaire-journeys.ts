import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newVisitor, visit } from './browser';
import { administrator, signInInBrowser } from './people';

/**
 * Steps the questionnaire journeys share: the secretariat's browser, a small questionnaire built
 * with the builder, an anonymous respondent answering it without JavaScript, and closing it.
 */

/** A day as the builder's date fields take it, `offset` days from today. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Clicks a submit button and waits for the page it loads. */
export async function press(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), page.locator(selector).click()]);
	await page.waitForLoadState('load');
}

/** The secretariat's browser (the administrator, who may act for every body), signed in. */
export async function secretariatVisitor(browser: Browser) {
	const visitor = await newVisitor(browser);
	const admin = administrator();
	await signInInBrowser(visitor.page, admin.email, admin.password);
	return visitor;
}

export const SMALL_QUESTIONS = {
	consent: 'Do you authorise us to cite your views individually?',
	group: 'Which stakeholder category do you belong to?',
	choice: 'Has enhanced cooperation been implemented?',
	text: 'What are the relevant international public policy issues?'
};

/**
 * Builds, in the builder, a questionnaire of four questions — consent, stakeholder group, a
 * single choice numbered 1 (yes/no) and a long text numbered 2 — open from yesterday for 30 days,
 * and returns its slug.
 */
export async function buildSmallQuestionnaire(page: Page, body: string, title: string, k: number): Promise<string> {
	await visit(page, `/en/bodies/${body}/questionnaires/new`);
	await page.fill('#f-title', title);
	await page.fill('#f-consentStatement', 'Answers are used in aggregate form unless the respondent allows otherwise.');
	await page.fill('#f-opensOn', day(-1));
	await page.fill('#f-closesOn', day(30));
	await page.fill('#f-k', String(k));
	await page.fill('#f-s0-title', 'Questions');
	await page.selectOption('#f-s0-q0-kind', 'consent');
	await page.fill('#f-s0-q0-text', SMALL_QUESTIONS.consent);
	await page.check('input[name="s0.q0.required"]');
	await press(page, 'button[value="add-question:0"]');
	await page.selectOption('#f-s0-q1-kind', 'stakeholder_group');
	await page.fill('#f-s0-q1-text', SMALL_QUESTIONS.group);
	await press(page, 'button[value="add-question:0"]');
	await page.selectOption('#f-s0-q2-kind', 'single_choice');
	await page.fill('#f-s0-q2-number', '1');
	await page.fill('#f-s0-q2-text', SMALL_QUESTIONS.choice);
	await page.fill('#f-s0-q2-options', 'yes = Yes\nno = No');
	await press(page, 'button[value="add-question:0"]');
	await page.selectOption('#f-s0-q3-kind', 'long_text');
	await page.fill('#f-s0-q3-number', '2');
	await page.fill('#f-s0-q3-text', SMALL_QUESTIONS.text);
	await press(page, 'form.questionnaire-form button.primary');
	expect(new URL(page.url()).pathname, await page.locator('main').innerText()).toMatch(/^\/en\/questionnaires\/[a-z0-9-]+$/);
	return new URL(page.url()).pathname.split('/').pop()!;
}

export interface SmallAnswer {
	consent: 'yes' | 'no';
	group: string;
	choice: 'yes' | 'no';
	text: string;
	name: string;
	organisation?: string;
}

/** An anonymous respondent, without JavaScript, answers the small questionnaire and submits. */
export async function answerSmallQuestionnaire(browser: Browser, slug: string, r: SmallAnswer): Promise<void> {
	const { page, close } = await newVisitor(browser, { javaScript: false });
	try {
		await visit(page, `/en/questionnaires/${slug}/answer`);
		const ids = await page.locator('input[name="questions"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(ids).toHaveLength(4);
		await page.check(`input[name="q-${ids[0]}"][value="${r.consent}"]`);
		await page.check(`input[name="q-${ids[1]}"][value="${r.group}"]`);
		await page.check(`input[name="q-${ids[2]}"][value="${r.choice}"]`);
		await page.fill(`textarea[name="q-${ids[3]}"]`, r.text);
		await page.fill('#respondentName', r.name);
		if (r.organisation) await page.fill('#respondentOrganisation', r.organisation);
		await press(page, 'form[action$="?/save"] button.primary');
		expect(page.url(), await page.locator('main').innerText()).toContain('section=review');
		await press(page, 'form[action$="?/submit"] button.primary');
		expect(await page.locator('.receipt').count()).toBe(1);
	} finally {
		await close();
	}
}

/** The secretariat closes the questionnaire: its last day becomes yesterday. */
export async function closeQuestionnaire(page: Page, slug: string): Promise<void> {
	await visit(page, `/en/questionnaires/${slug}/edit`);
	await page.fill('#f-opensOn', day(-3));
	await page.fill('#f-closesOn', day(-1));
	await press(page, 'form.questionnaire-form button.primary');
	expect(page.url(), await page.locator('main').innerText()).toContain('saved=updated');
}
