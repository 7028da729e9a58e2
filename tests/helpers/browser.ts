import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); browsers cannot be downloaded here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** WCAG 2.1 A and AA; serious and critical violations fail the journey. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** The running server's address, from the e2e global setup. */
export function baseUrl(): string {
	return inject('baseUrl');
}

/** The two ways every journey that submits a form runs: hydrated, and as plain HTML. */
export const JS_MODES = [
	{ javaScript: true, label: 'with JavaScript' },
	{ javaScript: false, label: 'without JavaScript' }
] as const;

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const javaScriptOf = new WeakMap<BrowserContext, boolean>();

/**
 * Waits until the application has taken over the page (the root layout marks `<html>`), when the
 * visitor runs JavaScript: text typed before that may be reset. A document the application does
 * not render (a download) is never marked; after a few seconds the journey goes on.
 */
export async function hydrated(page: Page): Promise<void> {
	if (!javaScriptEnabled(page)) return;
	await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
}

/** Whether the page's visitor runs JavaScript (visitors from `newVisitor`; other contexts count as on). */
export function javaScriptEnabled(page: Page): boolean {
	return javaScriptOf.get(page.context()) !== false;
}

export interface Visitor {
	context: BrowserContext;
	page: Page;
	javaScript: boolean;
	close(): Promise<void>;
}

/**
 * A fresh visitor: their own cookies, a browser language, and JavaScript on or off
 * (`javaScriptEnabled: false` — the page works as the server sent it, forms post for real).
 */
export async function newVisitor(browser: Browser, options: { javaScript?: boolean; locale?: string } = {}): Promise<Visitor> {
	const javaScript = options.javaScript ?? true;
	const context = await browser.newContext({
		baseURL: baseUrl(),
		javaScriptEnabled: javaScript,
		locale: options.locale ?? 'en-GB',
		extraHTTPHeaders: { 'accept-language': options.locale ?? 'en-GB,en;q=0.9' }
	});
	javaScriptOf.set(context, javaScript);
	const page = await context.newPage();
	return { context, page, javaScript, close: () => context.close() };
}

/**
 * Goes to `path` (relative to the server), expects the status (200 by default) and scans the page
 * with axe; fails on serious or critical violations, listing each one.
 */
export async function visit(page: Page, path: string, options: { status?: number } = {}): Promise<Response> {
	const response = await page.goto(new URL(path, baseUrl()).toString(), { waitUntil: 'load' });
	if (!response) throw new Error(`No response for ${path}`);
	const expected = options.status ?? 200;
	if (response.status() !== expected) {
		throw new Error(`${path} answered ${response.status()} (expected ${expected}) at ${page.url()}`);
	}
	await hydrated(page);
	await checkAccessibility(page);
	return response;
}

/**
 * An axe scan of the page as it is now (call it after a click brings a new page). axe runs as a
 * script, which a page without JavaScript cannot run: then the same address is scanned in a
 * JavaScript-enabled copy of the visitor (same cookies) whose application scripts are blocked, so
 * axe sees the document exactly as the server sent it.
 */
export async function checkAccessibility(page: Page): Promise<void> {
	const context = page.context();
	if (javaScriptOf.get(context) !== false) return assertNoSeriousViolations(page, page.url());
	const browser = context.browser();
	if (!browser) throw new Error('The page has no browser to scan it with.');
	const shadow = await browser.newContext({ storageState: await context.storageState(), baseURL: baseUrl() });
	try {
		await shadow.route('**/_app/**/*.js', (route) => route.abort());
		const copy = await shadow.newPage();
		await copy.goto(page.url(), { waitUntil: 'load' });
		await assertNoSeriousViolations(copy, page.url());
	} finally {
		await shadow.close();
	}
}

async function assertNoSeriousViolations(page: Page, address: string): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const failing = results.violations.filter((v) => v.impact && FAILING_IMPACTS.has(v.impact));
	if (failing.length === 0) return;
	const lines = failing.map(
		(v) => `  - ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n      ')}${v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : ''}`
	);
	throw new Error(`Accessibility violations on ${address}:\n${lines.join('\n')}`);
}

/** The `dir` the browser computed for the first element matching `selector`. */
export function computedDirection(page: Page, selector: string): Promise<string> {
	return page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
}
