import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES, WINDOW_MINUTES } from '../../src/lib/core/accounts/throttle-rule';
import { baseUrl, checkAccessibility, JS_MODES, launchBrowser, newVisitor } from '../helpers/browser';
import { administrator, api, en, go, newPerson, pathOf, postForm, registerByPost, signInByPost, signInInBrowser, submit } from '../helpers/people';

const SESSION_COOKIE = 'plenary_session';
const EVIL = 'http://evil.example';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A fresh browser context's request API, not signed in. */
async function withRequest<T>(work: (request: import('playwright-core').APIRequestContext) => Promise<T>): Promise<T> {
	const context = await browser.newContext({ baseURL: baseUrl() });
	try {
		return await work(context.request);
	} finally {
		await context.close();
	}
}

/**
 * A sign-in post from another loopback address (127.0.0.x), as a second machine would send it:
 * the failures it provokes lock that address and the e-mail address, never 127.0.0.1, from which
 * the other journeys sign in.
 */
function signInFrom(localAddress: string, email: string, password: string): Promise<{ status: number; html: string; setCookie: string[] }> {
	const url = new URL('/en/sign-in', baseUrl());
	const body = new URLSearchParams({ email, password }).toString();
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				localAddress,
				headers: { origin: url.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }
			},
			(res) => {
				let html = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (html += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, html, setCookie: res.headers['set-cookie'] ?? [] }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** A loopback address other than 127.0.0.1 for this run. */
function otherLoopbackAddress(): string {
	return `127.0.${1 + (randomBytes(1)[0] % 250)}.${2 + (randomBytes(1)[0] % 250)}`;
}

describe('a forged form post without the session’s origin is refused', () => {
	it.each([
		['from another site', { origin: EVIL }],
		['with no Origin, sent cross-site', { origin: null, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }]
	])('a sign-in %s answers 403 and opens no session', async (_how, headers) => {
		const person = newPerson('Forged');
		await withRequest((request) => registerByPost(request, person));
		await withRequest(async (request) => {
			const forged = await postForm(request, '/en/sign-in', { email: person.email, password: person.password }, headers);
			expect(forged.status()).toBe(403);
			expect(forged.headers()['set-cookie'] ?? '').not.toContain(SESSION_COOKIE);
			expect((await request.storageState()).cookies.some((c) => c.name === SESSION_COOKIE)).toBe(false);
			// The same post from Plenary's own page works: the origin made the difference.
			const genuine = await postForm(request, '/en/sign-in', { email: person.email, password: person.password });
			expect(genuine.status()).toBe(303);
		});
	});

	it.each([
		['from another site', { origin: EVIL }],
		['with no Origin, sent cross-site', { origin: null, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }]
	])("an administrator's form post %s answers 403 and creates nothing", async (_how, headers) => {
		await withRequest(async (request) => {
			await signInByPost(request, administrator().email, administrator().password);
			const slug = `forged-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
			const forged = await postForm(request, '/en/admin/bodies/new', { name: `Forged body ${slug}`, shortName: 'Forged', slug, lang: 'en' }, headers);
			expect(forged.status()).toBe(403);
			expect((await api(`/bodies/${slug}`)).status).toBe(404);
		});
	});

	it.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('a page on another site that posts a form to Plenary is refused (%s)', async (_label, javaScript) => {
		const { page, context, close } = await newVisitor(browser, { javaScript });
		try {
			expect(await signInInBrowser(page, administrator().email, administrator().password)).toBe(200);
			const slug = `forged-page-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
			// The other site's page: a harmless-looking button that posts to Plenary's "new body" form.
			await context.route(`${EVIL}/**`, (route) =>
				route.fulfill({
					contentType: 'text/html',
					body: `<!doctype html><html lang="en"><title>Prize</title><form method="post" action="${baseUrl()}/en/admin/bodies/new"><input type="hidden" name="name" value="Forged ${slug}"><input type="hidden" name="shortName" value="Forged"><input type="hidden" name="slug" value="${slug}"><input type="hidden" name="lang" value="en"><button>Claim your prize</button></form></html>`
				})
			);
			await page.goto(`${EVIL}/prize`);
			const status = await submit(page, page.getByRole('button', { name: 'Claim your prize' }));
			expect(status).toBe(403);
			expect((await api(`/bodies/${slug}`)).status).toBe(404);
		} finally {
			await close();
		}
	});
});

describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('repeated failed sign-ins are slowed down (%s)', (_label, javaScript) => {
	it(`after ${MAX_FAILURES} failures the next attempt is refused with a try-again message, even with the right password`, async () => {
		const person = newPerson('Guessed');
		await withRequest((request) => registerByPost(request, person));
		const address = otherLoopbackAddress();
		for (let i = 1; i <= MAX_FAILURES; i++) {
			const attempt = await signInFrom(address, person.email, `wrong-guess-${i}`);
			expect(attempt.status, `failure ${i}`).toBe(400);
			expect(attempt.html).toContain(en('auth.signIn.invalid'));
		}
		const throttled = en('auth.signIn.throttled', { minutes: WINDOW_MINUTES });
		const right = await signInFrom(address, person.email, person.password);
		expect(right.status).toBe(429);
		expect(right.html).toContain(throttled);
		expect(right.setCookie.join(';')).not.toContain(SESSION_COOKIE);

		// The person, at their own computer, is told the same and stays signed out.
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			expect(await signInInBrowser(page, person.email, person.password)).toBe(429);
			expect(await page.locator('main [role="alert"]').textContent()).toContain(throttled);
			expect(pathOf(page)).toBe('/en/sign-in');
			expect(await page.getByRole('navigation', { name: en('nav.account') }).getByRole('link', { name: en('nav.signIn') }).count()).toBe(1);
		} finally {
			await close();
		}
	});
});

describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('hostile HTML in a field (%s)', (_label, javaScript) => {
	it('a person name written as markup is shown as text, never as markup', async () => {
		const hostile = `<img src=x onerror=alert(1)> Mallory ${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
		const { page, close } = await newVisitor(browser, { javaScript });
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		try {
			expect(await signInInBrowser(page, administrator().email, administrator().password)).toBe(200);
			await go(page, '/en/admin/people/new');
			await checkAccessibility(page);
			await page.getByLabel(en('admin.person.name')).fill(hostile);
			expect(await submit(page, page.getByRole('button', { name: en('admin.person.create') }))).toBe(200);
			expect(pathOf(page)).toBe('/en/admin/people?saved=1');

			// The list shows the name as typed, as text.
			const link = page.locator('main a').filter({ hasText: hostile });
			expect(await link.count()).toBe(1);
			expect(await link.textContent()).toBe(hostile);
			expect(await page.locator('main img').count()).toBe(0);

			// So does the public page, whose HTML carries the name escaped.
			const slug = (await link.getAttribute('href'))!.split('/').pop()!;
			await go(page, `/en/people/${slug}`);
			await checkAccessibility(page);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(hostile);
			expect(await page.locator('main img').count()).toBe(0);
			const html = await (await fetch(new URL(`/en/people/${slug}`, baseUrl()))).text();
			expect(html).toContain('&lt;img src=x onerror=alert(1)>');
			expect(html).not.toContain('<img src=x');

			// And the audit log's record of the creation.
			await go(page, '/en/audit?entity=person');
			expect(await page.locator('main td', { hasText: hostile }).count()).toBeGreaterThan(0);
			expect(await page.locator('main img').count()).toBe(0);
			expect(dialogs).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe('the session cookie', () => {
	it('is HttpOnly and SameSite=Lax, and scripts on the page cannot read it', async () => {
		const person = newPerson('Cookie');
		await withRequest((request) => registerByPost(request, person));
		const { page, context, close } = await newVisitor(browser);
		try {
			const response = await withRequest((request) => postForm(request, '/en/sign-in', { email: person.email, password: person.password }));
			const header = response.headers()['set-cookie'] ?? '';
			expect(header).toMatch(new RegExp(`${SESSION_COOKIE}=[^;]+;`));
			expect(header).toMatch(/;\s*HttpOnly/i);
			expect(header).toMatch(/;\s*SameSite=Lax/i);

			expect(await signInInBrowser(page, person.email, person.password)).toBe(200);
			const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
			expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
			expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
		} finally {
			await close();
		}
	});
});
