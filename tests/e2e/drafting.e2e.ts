import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkAccessibility, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, api, en, newPerson, organisationIdOf, pathOf, personOf, postForm, registerByPost, signInByPost, signInInBrowser, submit, type Person } from '../helpers/people';

/**
 * The drafting journeys on the demo's Chair's draft: a delegation uploads its edited copy and
 * submits the amendments Plenary found; the Chair reads them as tracked changes, accepts two,
 * rejects one, publishes version 2 (without renumbering, so other journeys' paragraph numbers
 * hold) and compares it with version 1.
 */

const BODY = 'wgec-2016-2018';
const DRAFT = '/en/documents/wgec-2016-2018-chair-draft-2017-11-11';
const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const EDITED_COPY = join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('000_'))!);

let browser: Browser;
let admin: APIRequestContext;
let delegate: Person;
let chair: Person;

/** Registers a person and gives them a seat in WGEC 2016–2018 through the administrator's form. */
async function seated(label: string, role: string, organisationId?: string): Promise<Person> {
	const person = newPerson(label);
	const session = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await registerByPost(session, person);
	await session.dispose();
	const { id } = await personOf(person);
	const response = await postForm(admin, `/en/admin/bodies/${BODY}/memberships/new`, { role, personId: id, ...(organisationId ? { organisationId } : {}) });
	expect(response.status(), `${label}: the seat is given`).toBe(303);
	return person;
}

beforeAll(async () => {
	browser = await launchBrowser();
	admin = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await signInByPost(admin, administrator().email, administrator().password);
	delegate = await seated('Delegate', 'member', await organisationIdOf('Russian Federation'));
	chair = await seated('Chair', 'chair');
});
afterAll(async () => {
	await admin?.dispose();
	await browser?.close();
});

describe('drafting', () => {
	it('a delegation uploads its edited copy, reviews the amendments found, and submits them', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: true });
		try {
			expect(await signInInBrowser(page, delegate.email, delegate.password)).toBe(200);
			await visit(page, DRAFT);
			await page.getByRole('navigation', { name: en('drafting.nav.label') }).getByRole('link', { name: en('drafting.nav.upload') }).click();
			await page.waitForURL((u) => u.pathname === `${DRAFT}/amendments/upload`);
			await checkAccessibility(page);

			// A file that is no document: a clear message, nothing derived.
			await page.getByLabel(en('drafting.upload.file')).setInputFiles({ name: 'photo.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 0, 9]) });
			expect(await submit(page, page.getByRole('button', { name: en('drafting.upload.derive') }))).toBe(400);
			expect(await page.locator('.field-error').textContent()).toMatch(new RegExp(`${en('drafting.upload.error.unsupported').slice(0, 20)}|${en('drafting.upload.error.corrupt').slice(0, 20)}`));

			await page.getByLabel(en('drafting.upload.file')).setInputFiles(EDITED_COPY);
			expect(await submit(page, page.getByRole('button', { name: en('drafting.upload.derive') }))).toBe(200);
			const items = page.locator('li.review-item');
			const found = await items.count();
			expect(found).toBeGreaterThanOrEqual(8);
			expect(found).toBeLessThanOrEqual(60);
			// Parts the copy leaves out are offered unticked; the rest ticked.
			const whole = page.locator('li.review-item.whole');
			expect(await whole.count()).toBeGreaterThan(0);
			for (const box of await whole.locator('input[type=checkbox]').all()) expect(await box.isChecked()).toBe(false);
			const extent = items.filter({ hasText: 'extent' }).first();
			expect(await extent.locator('input[type=checkbox]').isChecked()).toBe(true);
			await checkAccessibility(page);

			// The delegation drops one item and submits the rest.
			await items.nth(0).locator('input[type=checkbox]').uncheck();
			const ticked = found - (await whole.count()) - 1;
			expect(await submit(page, page.getByRole('button', { name: en('drafting.review.submit') }))).toBe(200);
			expect(pathOf(page)).toBe(`${DRAFT}/amendments?submitted=${ticked}`);
			expect(await page.getByRole('row').filter({ hasText: 'Russian Federation' }).count()).toBeGreaterThanOrEqual(ticked);
		} finally {
			await close();
		}
	});

	it('the Chair reads tracked changes, accepts two amendments and rejects one, publishes version 2 and compares it with version 1', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			expect(await signInInBrowser(page, chair.email, chair.password)).toBe(200);
			await visit(page, `${DRAFT}/tracked`);
			const main = page.locator('main');
			// Screen readers hear who inserted and who deleted what, not just a colour.
			const snapshot = await main.ariaSnapshot();
			expect(snapshot).toContain('insertion by Russian Federation');
			expect(snapshot).toContain('deletion by Russian Federation');
			expect(await main.locator('ins').count()).toBeGreaterThan(5);
			expect(await main.locator('del').count()).toBeGreaterThan(5);

			// Three amendments from the list: the new "extent", and two typo corrections.
			await visit(page, `${DRAFT}/amendments?status=proposed`);
			const numberOf = async (text: string) => {
				const row = page.getByRole('row').filter({ has: page.locator('ins', { hasText: text }) }).first();
				return Number(((await row.getByRole('link', { name: /Amendment \d+/ }).textContent()) ?? '').replace(/\D/g, ''));
			};
			const extent = await numberOf('extent');
			const adopted = await numberOf('adopted');
			const responsibilities = await numberOf('responsibilities');
			expect(new Set([extent, adopted, responsibilities]).size).toBe(3);

			const decideOn = async (number: number, decision: string, reason = '') => {
				await visit(page, `${DRAFT}/amendments/${number}`);
				await page.getByLabel(en(`drafting.decide.${decision}` as 'drafting.decide.accepted'), { exact: true }).check();
				if (reason) await page.getByLabel(en('drafting.decide.reason')).fill(reason);
				expect(await submit(page, page.getByRole('button', { name: en('drafting.decide.submit') }))).toBe(200);
				expect(await page.getByRole('status').textContent()).toBe(en('drafting.amendment.decidedNotice'));
			};
			await decideOn(extent, 'accepted');
			await decideOn(adopted, 'accepted');
			// Rejecting needs a reason: without one the form says so and nothing is recorded.
			await visit(page, `${DRAFT}/amendments/${responsibilities}`);
			await page.getByLabel(en('drafting.decide.rejected'), { exact: true }).check();
			expect(await submit(page, page.getByRole('button', { name: en('drafting.decide.submit') }))).toBe(400);
			expect(await page.locator('.field-error').first().textContent()).toBe(en('drafting.error.reasonRequired'));
			await decideOn(responsibilities, 'rejected', 'The spelling is corrected by the secretariat.');
			expect(await page.locator('main').textContent()).toContain('The spelling is corrected by the secretariat.');

			// Publish version 2 from the accepted amendments: preview first, then publish.
			await visit(page, `${DRAFT}/versions/new`);
			expect(await page.getByLabel(en('drafting.publish.fromAmendments', { count: 2 })).isChecked()).toBe(true);
			expect(await submit(page, page.getByRole('button', { name: en('drafting.publish.preview') }))).toBe(200);
			expect(await page.getByRole('heading', { name: en('drafting.publish.previewTitle', { next: 2 }) }).count()).toBe(1);
			expect(await submit(page, page.getByRole('button', { name: en('drafting.publish.submit', { next: 2 }) }))).toBe(200);
			expect(pathOf(page)).toMatch(new RegExp(`^${DRAFT}/compare\\?from=1&to=2`));
			await checkAccessibility(page);
			const summary = (await page.getByRole('status').textContent()) ?? '';
			expect(summary).toContain(en('drafting.compare.summary', { count: 2 }));
			const inserted = (await page.locator('[id^="change-"] ins').allTextContents()).join(' ');
			expect(inserted).toContain('extent');
			expect(inserted).toContain('adopted');
			await page.locator('#change-1').getByRole('link', { name: en('drafting.compare.next') }).click();
			expect(new URL(page.url()).hash).toBe('#change-2');

			// Side by side, the same two changes.
			await page.getByLabel(en('drafting.compare.side')).check();
			expect(await submit(page, page.getByRole('button', { name: en('drafting.compare.show') }))).toBe(200);
			expect(await page.locator('.side-by-side del').count()).toBeGreaterThan(0);
			expect(await page.locator('[id^="change-"]').count()).toBe(2);

			// Version 2 is the text now; paragraph links and numbers hold.
			await visit(page, DRAFT);
			expect(await page.locator('main').textContent()).toContain('International extent');
			expect(await page.locator('#u-rec-p19 .unit-number').textContent()).toBe('19');
			const accepted = await api<unknown>(`/documents/wgec-2016-2018-chair-draft-2017-11-11`);
			expect(accepted.status).toBe(200);
		} finally {
			await close();
		}
	});
});
