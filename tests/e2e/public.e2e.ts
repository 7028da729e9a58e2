import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, localisedPath } from '../../src/lib/i18n/locales';
import { baseUrl, checkAccessibility, computedDirection, JS_MODES, launchBrowser, newVisitor, visit } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('a visitor %s', (_label, javaScript) => {
	it('lists the bodies and sees WGEC 2013–2014 and WGEC 2016–2018', async () => {
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			await visit(page, '/en');
			await expect.poll(() => page.getByRole('link', { name: /WGEC 2013–2014/ }).count()).toBeGreaterThan(0);
			expect(await page.getByRole('link', { name: /WGEC 2016–2018/ }).count()).toBeGreaterThan(0);
		} finally {
			await close();
		}
	});

	it('switches to Arabic and sees a right-to-left layout, and the choice is remembered', async () => {
		const { page, close } = await newVisitor(browser, { javaScript, locale: 'en-GB' });
		try {
			// An English browser lands on English first, so landing on Arabic later is the remembered choice.
			await visit(page, '/');
			expect(new URL(page.url()).pathname).toBe('/en');

			await page.locator('a[hreflang="ar"]').first().click();
			await page.waitForURL((url) => url.pathname === '/ar');
			await checkAccessibility(page);
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			expect(await page.locator('html').getAttribute('lang')).toBe('ar');
			expect(await computedDirection(page, 'header')).toBe('rtl');

			await visit(page, '/');
			expect(new URL(page.url()).pathname).toBe('/ar');
		} finally {
			await close();
		}
	});
});

describe('the language links', () => {
	it('every page links with a plain <a> to itself in each of the six languages', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			const pages = await publicPages(page, 25);
			expect(pages.ok.length).toBeGreaterThan(1);
			for (const path of pages.ok) {
				await visit(page, path);
				for (const locale of LOCALES) {
					const expected = localisedPath(path, locale);
					const link = page.locator(`a[hreflang="${locale}"][href="${expected}"]`);
					expect(await link.count(), `${path} links to ${expected}`).toBeGreaterThan(0);
				}
			}
			// Each of those addresses is a real page in its language.
			for (const locale of LOCALES) {
				const path = localisedPath(pages.ok[pages.ok.length - 1], locale);
				const response = await page.goto(new URL(path, page.url()).toString());
				expect(response?.status(), path).toBe(200);
				expect(await page.locator('html').getAttribute('lang')).toBe(locale);
			}
		} finally {
			await close();
		}
	});

	it('a visitor following the links on the public pages never reaches a dead end', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			const pages = await publicPages(page, 40);
			expect(pages.broken, `links that lead nowhere:\n${pages.broken.map((b) => `  ${b.path} (${b.status}, linked from ${b.from})`).join('\n')}`).toEqual([]);
		} finally {
			await close();
		}
	});
});

/**
 * The English public pages reachable from /en by plain links (breadth first, at most `limit`),
 * and the links among them that answer with an error. Open-data files, downloads and forms are not followed.
 */
async function publicPages(page: Page, limit: number) {
	const origin = new URL(baseUrl()).origin;
	const ok: string[] = [];
	const broken: { path: string; status: number; from: string }[] = [];
	const from = new Map<string, string>([['/en', '(start)']]);
	const queue = ['/en'];
	while (queue.length > 0 && ok.length < limit) {
		const path = queue.shift()!;
		const response = await page.goto(origin + path);
		const status = response?.status() ?? 0;
		if (status !== 200) {
			broken.push({ path, status, from: from.get(path)! });
			continue;
		}
		ok.push(path);
		const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) {
			const url = new URL(href, origin + path);
			if (url.origin !== origin) continue;
			const next = url.pathname + url.search;
			if (!next.startsWith('/en') || next.startsWith('/en/api') || /\.(csv|json|xml|pdf|docx|ics)$/.test(url.pathname)) continue;
			// Downloads and print exports are files, not pages: a version as HTML/DOCX/PDF, a contribution's original.
			if (/\/versions\/\d+\/(html|docx|pdf)$/.test(url.pathname) || /\/original\/\d+$/.test(url.pathname)) continue;
			if (from.has(next)) continue;
			from.set(next, path);
			queue.push(next);
		}
	}
	return { ok, broken };
}
