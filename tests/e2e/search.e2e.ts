import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate } from '../../src/lib/core/search/isolate';
import { checkAccessibility, JS_MODES, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { en } from '../helpers/people';

const DRAFT = '/en/documents/wgec-2016-2018-chair-draft-2017-11-11';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The heading that counts the results, or says there are none. */
function resultHeading(page: Page) {
	return page.locator('main h2#search-count, main h2#search-none');
}

/** Waits for the search page the browser was sent to (a page load, or the client-side router) and scans it. */
async function searchPage(page: Page, expected: (params: URLSearchParams) => boolean): Promise<void> {
	await page.waitForURL((url) => url.pathname === '/en/search' && expected(url.searchParams), { waitUntil: 'load' });
	await expect.poll(() => resultHeading(page).count()).toBe(1);
	await checkAccessibility(page);
}

/** The results' links, as the page lists them. */
function resultLinks(page: Page): Promise<string[]> {
	return page.locator('main li.search-result h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('a visitor %s', (_label, javaScript) => {
	it('searches "sovereign" from the header and reaches the paragraph', async () => {
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			// Any page: the search box is in the header.
			await visit(page, '/en/bodies/wgec-2016-2018');
			const header = page.locator('header');
			await header.getByRole('searchbox', { name: en('search.box.label') }).fill('sovereign');
			await header.getByRole('button', { name: en('search.box.button') }).click();
			await searchPage(page, (p) => p.get('q') === 'sovereign');

			const total = await page.locator('main li.search-result').count();
			expect(total).toBeGreaterThan(1);
			expect(await resultHeading(page).textContent()).toBe(en('search.count', { count: total, query: isolate('sovereign') }));
			// Every result shows the word found, highlighted.
			const marks = await page.locator('main li.search-result mark').allTextContents();
			expect(marks.length).toBeGreaterThanOrEqual(total);
			expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(['sovereign']));
			for (const result of await page.locator('main li.search-result').all()) {
				expect(await result.locator('mark').count()).toBeGreaterThan(0);
			}

			// The Chair's draft is among them; its result leads to the paragraph itself.
			const draftResult = page.locator('main li.search-result', { has: page.locator(`h3 a[href^="${DRAFT}#u-"]`) }).first();
			const passage = (await draftResult.locator('p.passage').textContent()) ?? '';
			await draftResult.locator('h3 a').click();
			await page.waitForURL((url) => url.pathname === DRAFT && url.hash.startsWith('#u-'), { waitUntil: 'load' });
			const anchor = new URL(page.url()).hash;
			const paragraph = page.locator(anchor);
			const text = ((await paragraph.textContent()) ?? '').replace(/\s+/g, ' ');
			expect(text.toLowerCase()).toContain('sovereign');
			// The result quoted this paragraph.
			const quoted = passage.replace(/…/g, ' ').trim().split(/\s+/).slice(0, 6).join(' ');
			expect(text).toContain(quoted);
			const box = await paragraph.boundingBox();
			// Sub-pixel layout can leave the target a fraction of a pixel above the top edge.
			expect(box && box.y > -1 && box.y < page.viewportSize()!.height, `the paragraph is scrolled into view (${JSON.stringify(box)})`).toBe(true);
			// After the landing is checked: axe scrolls elements into view as it measures contrast.
			await checkAccessibility(page);
		} finally {
			await close();
		}
	});

	it('narrows the search for "sovereign" by body and kind, and clears the filters', async () => {
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			await visit(page, '/en/search?q=sovereign');
			const unfiltered = await resultLinks(page);
			expect(unfiltered.some((href) => !href.startsWith(DRAFT)), 'there are results outside the draft').toBe(true);

			const form = page.getByRole('search', { name: en('search.form.label') });
			await form.getByLabel(en('search.filters.body')).selectOption({ label: 'Working Group on Enhanced Cooperation (2016–2018)' });
			await form.getByLabel(en('search.filters.kind')).selectOption({ label: en('dockind.draft') });
			await form.getByRole('button', { name: en('search.filters.apply') }).click();
			await searchPage(page, (p) => p.get('q') === 'sovereign' && p.get('body') === 'wgec-2016-2018' && p.get('kind') === 'draft');
			const drafts = await resultLinks(page);
			expect(drafts.length).toBeGreaterThan(0);
			for (const href of drafts) expect(href.startsWith(`${DRAFT}#u-`), href).toBe(true);
			// The chosen filters stay chosen on the results page.
			expect(await form.getByLabel(en('search.filters.body')).inputValue()).toBe('wgec-2016-2018');
			expect(await form.getByLabel(en('search.filters.kind')).inputValue()).toBe('draft');

			// WGEC 2013–2014 has no draft with the word: nothing found, and a way out.
			await form.getByLabel(en('search.filters.body')).selectOption({ label: 'Working Group on Enhanced Cooperation (2013–2014)' });
			await form.getByRole('button', { name: en('search.filters.apply') }).click();
			await searchPage(page, (p) => p.get('body') === 'wgec-2013-2014');
			expect(await resultHeading(page).textContent()).toBe(en('search.none.title', { query: isolate('sovereign') }));
			expect(await page.locator('main li.search-result').count()).toBe(0);

			await page.getByRole('link', { name: en('search.none.clearFilters') }).click();
			await searchPage(page, (p) => p.get('q') === 'sovereign' && !p.has('body') && !p.has('kind'));
			expect(await resultLinks(page)).toEqual(unfiltered);
		} finally {
			await close();
		}
	});
});
