import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { answerSmallQuestionnaire, buildSmallQuestionnaire, closeQuestionnaire, press, secretariatVisitor } from '../helpers/questionnaire-journeys';

/**
 * The canary: six people answer a questionnaire, each with a unique marker in their name, their
 * organisation and their text answer; three agree to be cited, three do not. The questionnaire
 * closes and the secretariat generates the analysis document. Then everything Plenary publishes is
 * read — every page reachable by links from the start page and from the questionnaire's pages in
 * the six languages, every file they link (CSV, JSON, HTML, DOCX read by mammoth, PDF read by
 * pdftotext), every path of the OpenAPI document with every page of its lists, and the search for
 * each marker (`checkSearch`) — once as an anonymous visitor and once as the secretariat. Every consenting marker
 * must be found somewhere (the positive control: the crawl does reach where cited answers are
 * shown), and no marker of a respondent who did not consent, anywhere.
 */

const BODY = 'wgec-2016-2018';
const TAG = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];
/** More pages than the crawl reaches: reaching it fails the test, so "every page" stays true. */
const PAGE_LIMIT = 6_000;

interface Canary {
	consent: 'yes' | 'no';
	group: string;
	choice: 'yes' | 'no';
	/** Three markers: in the name, the organisation and the text answer. */
	name: string;
	organisation: string;
	text: string;
}

const canary = (consent: 'yes' | 'no', group: string, choice: 'yes' | 'no', label: string): Canary => ({
	consent,
	group,
	choice,
	name: `canaryname${label}${TAG}`,
	organisation: `canaryorg${label}${TAG}`,
	text: `canarytext${label}${TAG}`
});

// Pairs of one consenting and one withholding respondent in each group and answer, so the counts are
// 2 or 0 with k = 2 and the tables are published: the test is about words, not numbers.
const RESPONDENTS: Canary[] = [
	canary('yes', 'government', 'yes', 'citedone'),
	canary('no', 'government', 'yes', 'withheldone'),
	canary('yes', 'civil_society', 'no', 'citedtwo'),
	canary('no', 'civil_society', 'no', 'withheldtwo'),
	canary('yes', 'technical_community', 'yes', 'citedthree'),
	canary('no', 'technical_community', 'yes', 'withheldthree')
];
const markersOf = (r: Canary) => [r.name, r.organisation, r.text];
const CITED = RESPONDENTS.filter((r) => r.consent === 'yes').flatMap(markersOf);
const WITHHELD = RESPONDENTS.filter((r) => r.consent === 'no').flatMap(markersOf);

let browser: Browser;
let slug = '';

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The text of a file, as a reader would get it: DOCX through mammoth, PDF through pdftotext. */
async function textOf(contentType: string, body: Buffer): Promise<string> {
	if (contentType.includes('officedocument.wordprocessingml')) return (await mammoth.extractRawText({ buffer: body })).value;
	if (contentType.includes('application/pdf')) {
		const out = spawnSync('pdftotext', ['-q', '-', '-'], { input: body, maxBuffer: 64 * 1024 * 1024 });
		if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
		return out.stdout.toString('utf8');
	}
	return body.toString('utf8');
}

/** Same-origin addresses in a page or file: href and src attributes, and /api/… or /{lang}/… strings in JSON. */
function addressesIn(text: string, contentType: string): string[] {
	const found: string[] = [];
	if (contentType.includes('html')) {
		for (const m of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) found.push(m[1].replace(/&amp;/g, '&'));
	} else if (contentType.includes('json')) {
		for (const m of text.matchAll(/"((?:https?:\/\/[^"/]+)?\/(?:api\/v1|en|fr|es|ru|zh|ar)\/[^"\s]*)"/g)) found.push(m[1]);
	}
	return found;
}

interface CrawlResult {
	pages: number;
	/** marker → the first address where it was found */
	found: Map<string, string>;
	errors: string[];
}

/**
 * Reads everything reachable from `seeds` with `request` (which carries the visitor's cookies).
 * Followed: same-origin addresses under /en, under /api/v1, and the questionnaire's own pages in
 * every language; not followed: forms' actions, signing out, and the other languages' copies of
 * the rest of the site (the same data in other words).
 */
async function crawl(request: APIRequestContext, origin: string, seeds: string[]): Promise<CrawlResult> {
	const seen = new Set<string>();
	const queue: string[] = [];
	const found = new Map<string, string>();
	const errors: string[] = [];
	const questionnairePath = new RegExp(`^/(${LOCALES.join('|')})/questionnaires/${slug}(?:[/.?]|$)`);
	const enqueue = (href: string, from: string) => {
		let url: URL;
		try {
			url = new URL(href, origin + from);
		} catch {
			return;
		}
		if (url.origin !== origin || url.search.startsWith('?/')) return;
		const path = url.pathname + url.search;
		const allowed = url.pathname === '/en' || url.pathname.startsWith('/en/') || url.pathname.startsWith('/api/v1/') || questionnairePath.test(url.pathname);
		if (!allowed || /\/sign-out(?:$|\/)/.test(url.pathname) || seen.has(path)) return;
		seen.add(path);
		queue.push(path);
	};
	for (const seed of seeds) enqueue(seed, '/');
	let pages = 0;
	while (queue.length > 0) {
		if (pages >= PAGE_LIMIT) throw new Error(`the crawl passed ${PAGE_LIMIT} addresses: raise the limit or narrow what it follows`);
		const path = queue.shift()!;
		const response = await request.get(path, { maxRedirects: 5 });
		pages++;
		if (response.status() >= 500) errors.push(`${path}: ${response.status()}`);
		if (!response.ok()) continue;
		const contentType = response.headers()['content-type'] ?? '';
		// CANARY_DEBUG=1 lists every address read, to see what the crawl covers.
		if (process.env.CANARY_DEBUG) console.log(`${response.status()} ${contentType.split(';')[0]} ${path}`);
		const text = await textOf(contentType, await response.body());
		for (const marker of [...CITED, ...WITHHELD]) if (!found.has(marker) && text.includes(marker)) found.set(marker, path);
		for (const href of addressesIn(text, contentType)) enqueue(href, path);
		const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers()['link'] ?? '');
		if (next) enqueue(next[1], path);
	}
	return { pages, found, errors };
}

/** Where to start: the site, the questionnaire's pages, and every path of the OpenAPI document. */
async function seeds(request: APIRequestContext): Promise<string[]> {
	const openapi = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
	const paths = Object.keys(openapi.paths);
	expect(paths.length).toBeGreaterThan(10);
	const list: string[] = ['/en', '/api/v1/openapi.json'];
	for (const lang of LOCALES) list.push(`/${lang}/questionnaires/${slug}`, `/${lang}/questionnaires/${slug}/analysis`);
	list.push(`/en/questionnaires/${slug}/analysis.csv`, `/en/questionnaires/${slug}/analysis.json`);
	for (const path of paths) {
		if (!path.includes('{')) {
			list.push(`/api/v1${path}`);
			continue;
		}
		// A record's path, with this questionnaire's slug where it fits, else each record of its list (the list's own pages give them).
		if (path === '/questionnaires/{slug}') list.push(`/api/v1/questionnaires/${slug}`);
		const listPath = path.replace(/\/\{[^}]+\}$/, '');
		const records = (await (await request.get(`/api/v1${listPath}?limit=1000`)).json()) as { data: { slug?: string }[] };
		for (const record of records.data) if (record.slug) list.push(`/api/v1${path.replace(/\{[^}]+\}/, record.slug)}`);
	}
	list.push(`/api/v1/questionnaire-responses?questionnaire=${slug}`, `/api/v1/questionnaire-responses.csv?questionnaire=${slug}`);
	return list;
}

/** How often `word` appears on the site's search page for it. */
async function searchEcho(request: APIRequestContext, word: string): Promise<number> {
	const response = await request.get(`/en/search?q=${encodeURIComponent(word)}`);
	expect(response.status()).toBe(200);
	return (await response.text()).split(word).length - 1;
}

/**
 * The search page repeats what was asked (in the title, the field, the heading), so a search for a
 * marker always shows it: a marker counts as found by the search only when it appears more often
 * than a word nobody wrote does on its own search page.
 */
async function checkSearch(request: APIRequestContext): Promise<void> {
	const echo = await searchEcho(request, `canarynobody${TAG}`);
	for (const marker of WITHHELD) expect(await searchEcho(request, marker), `search for ${marker}`).toBe(echo);
	// The positive control: the analysis document is indexed, with the cited answers in it.
	for (const r of RESPONDENTS.filter((x) => x.consent === 'yes')) expect(await searchEcho(request, r.text), `search for ${r.text}`).toBeGreaterThan(echo);
}

describe('the canary: no word of a respondent who did not consent is published anywhere', () => {
	it('six people answer, three of them agreeing to be cited; the questionnaire closes and its analysis is generated', async () => {
		const { page, close } = await secretariatVisitor(browser);
		try {
			slug = await buildSmallQuestionnaire(page, BODY, `Canary questionnaire ${TAG}`, 2);
			for (const r of RESPONDENTS) await answerSmallQuestionnaire(browser, slug, { ...r, text: `Access and capacity building; ${r.text}.` });
			await closeQuestionnaire(page, slug);
			await visit(page, `/en/questionnaires/${slug}/analysis`);
			await press(page, 'form[action="?/generate"] button');
			expect(page.url()).toContain('saved=generated');
		} finally {
			await close();
		}
	});

	const check = (result: CrawlResult) => {
		expect(result.errors, 'server errors met by the crawl').toEqual([]);
		const leaked = WITHHELD.filter((m) => result.found.has(m)).map((m) => `${m} at ${result.found.get(m)}`);
		expect(leaked, 'words of respondents who did not consent').toEqual([]);
		const missed = CITED.filter((m) => !result.found.has(m));
		expect(missed, `consenting markers the crawl of ${result.pages} addresses never met`).toEqual([]);
	};

	it('as an anonymous visitor, every consenting marker is found and no other', async () => {
		expect(slug).not.toBe('');
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			const result = await crawl(page.request, new URL(baseUrl()).origin, await seeds(page.request));
			console.log(`canary crawl (anonymous): ${result.pages} addresses`);
			check(result);
			await checkSearch(page.request);
		} finally {
			await close();
		}
	});

	it('as the secretariat, every consenting marker is found and no other', async () => {
		expect(slug).not.toBe('');
		const { page, close } = await secretariatVisitor(browser);
		try {
			const result = await crawl(page.request, new URL(baseUrl()).origin, [...(await seeds(page.request)), '/en/audit', '/en/admin']);
			console.log(`canary crawl (secretariat): ${result.pages} addresses`);
			check(result);
			await checkSearch(page.request);
		} finally {
			await close();
		}
	});
});
