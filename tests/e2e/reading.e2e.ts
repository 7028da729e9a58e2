import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, computedDirection, JS_MODES, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { en, pathOf } from '../helpers/people';

const BODY = '/en/bodies/wgec-2016-2018';
const DRAFT_SLUG = 'wgec-2016-2018-chair-draft-2017-11-11';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Clicks a link to another page and waits until the browser shows it (client-side or not). */
async function follow(page: Page, link: ReturnType<Page['locator']>, path: string | RegExp): Promise<void> {
	await link.click();
	await page.waitForURL((url) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname + url.search + url.hash)), { waitUntil: 'load' });
	await checkAccessibility(page);
}

/** The text of a document unit without its rendered number and its "¶" link. */
function unitText(page: Page, selector: string): Promise<string> {
	return page.locator(selector).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.unit-number, .unit-link').forEach((n) => n.remove());
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
}

/** True when the element is (at least partly) inside the visible part of the page: the browser scrolled to it. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
	const box = await page.locator(selector).boundingBox();
	const size = page.viewportSize();
	return Boolean(box && size && box.y < size.height && box.y + box.height > 0);
}

// Reading follows links only; it runs with and without JavaScript because the client-side router
// handles anchors differently from a plain page load.
describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('a visitor %s', (_label, javaScript) => {
	it("reads the Chair's draft and follows a link to recommendation 19", async () => {
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			await visit(page, BODY);
			const draft = page.locator('main').getByRole('link', { name: /Chairman´s initial proposal of 11 November 2017/ }).first();
			await follow(page, draft, `/en/documents/${DRAFT_SLUG}`);
			await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/DRAFT REPORT OF THE WORKING GROUP ON ENHANCED COOPERATION/);

			// The paragraph's own link (¶) is its address: the reader copies or follows it.
			const paragraph = page.locator('#u-rec-p19');
			expect(await paragraph.locator('.unit-number').textContent()).toBe('19');
			await paragraph.getByRole('link', { name: `${en('document.linkToUnit')} 19` }).click();
			await page.waitForURL((url) => url.hash === '#u-rec-p19');
			expect(new URL(page.url()).pathname).toBe(`/en/documents/${DRAFT_SLUG}`);
			const target = new URL(page.url()).hash;
			expect(await unitText(page, target)).toMatch(/^The WGEC further recommends/);
			expect(await inViewport(page, target)).toBe(true);

			// Footnote 9 is called right after "Transparency" and leads to the note and back.
			expect(await unitText(page, '.unit:has(> sup#fnref-9)')).toMatch(/^Transparency\s*9\s*:/);
			const callLink = page.locator('sup#fnref-9').getByRole('link');
			expect(await callLink.textContent()).toBe('9');
			expect(await callLink.getAttribute('href')).toBe('#fn-9');
			await callLink.click();
			await page.waitForURL((url) => url.hash === '#fn-9');
			expect(await page.locator('#fn-9').textContent()).toMatch(/We note with concern that proposals have been made/);
			expect(await inViewport(page, '#fn-9')).toBe(true);
		} finally {
			await close();
		}
	});
});

describe('a visitor', () => {
	it("opens a meeting page from the body's timeline and sees its dates and venue", async () => {
		const { page, close } = await newVisitor(browser);
		try {
			await visit(page, BODY);
			const timeline = page.getByRole('list', { name: en('timeline.label') });
			await follow(page, timeline.getByRole('link', { name: en('meeting.title', { number: 2 }), exact: true }), `${BODY}/meetings/2`);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('meeting.title', { number: 2 }));
			const facts = page.locator('dl.meeting-facts');
			const dates = facts.locator('time');
			expect(await dates.getAttribute('datetime')).toBe('2017-01-26');
			expect((await dates.textContent())?.replace(/\s+/g, ' ')).toBe('26 – 27 January 2017');
			const venue = facts.locator('dt', { hasText: en('meeting.venue') }).locator('xpath=following-sibling::dd[1]');
			expect(await venue.textContent()).toBe('Geneva');
			const remote = facts.locator('dt', { hasText: en('meeting.remote') }).locator('xpath=following-sibling::dd[1]');
			expect(await remote.textContent()).toContain(en('meeting.remoteYes'));
		} finally {
			await close();
		}
	});

	it("opens the Russian Federation's page and sees its contributions across both bodies", async () => {
		const { page, close } = await newVisitor(browser);
		try {
			await visit(page, BODY);
			await follow(page, page.locator('main').getByRole('link', { name: 'Russian Federation', exact: true }).first(), '/en/organisations/russian-federation');
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Russian Federation');
			for (const body of ['wgec-2013-2014', 'wgec-2016-2018']) {
				// Each body is a heading, followed by the delegation's contributions to it.
				const heading = page.getByRole('heading', { level: 3 }).filter({ has: page.locator(`a[href="/en/bodies/${body}"]`) });
				expect(await heading.count(), `a heading for ${body}`).toBe(1);
				const list = heading.locator('xpath=following-sibling::*[1]');
				const contributions = list.locator('a[href^="/en/contributions/"]');
				expect(await contributions.count(), `contributions to ${body}`).toBeGreaterThan(0);
			}
			// A contribution listed under WGEC 2013–2014 is really one of that body's.
			const earlier = page
				.getByRole('heading', { level: 3 })
				.filter({ has: page.locator('a[href="/en/bodies/wgec-2013-2014"]') })
				.locator('xpath=following-sibling::*[1]')
				.locator('a[href^="/en/contributions/"]')
				.first();
			await follow(page, earlier, /^\/en\/contributions\//);
			expect(await page.locator('main a[href="/en/bodies/wgec-2013-2014"]').count()).toBeGreaterThan(0);
			expect(pathOf(page)).toMatch(/^\/en\/contributions\//);
		} finally {
			await close();
		}
	});

	it('reads an English document on an Arabic page: the text keeps lang=en dir=ltr', async () => {
		const { page, close } = await newVisitor(browser, { locale: 'ar' });
		try {
			await visit(page, `/ar/documents/${DRAFT_SLUG}`);
			expect(await page.locator('html').getAttribute('lang')).toBe('ar');
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			const text = page.locator('main .document');
			expect(await text.getAttribute('lang')).toBe('en');
			expect(await text.getAttribute('dir')).toBe('ltr');
			expect(await computedDirection(page, 'main .document')).toBe('ltr');
			expect(await computedDirection(page, 'header')).toBe('rtl');
			const title = page.getByRole('heading', { level: 1 });
			expect(await title.getAttribute('lang')).toBe('en');
			expect(await title.getAttribute('dir')).toBe('ltr');
		} finally {
			await close();
		}
	});
});
