import { randomBytes } from 'node:crypto';
import type { APIRequestContext, APIResponse, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { translator } from '../../src/lib/i18n/translate';
import { baseUrl, checkAccessibility, hydrated, javaScriptEnabled } from './browser';
import type { AdminCredentials } from './server-setup';

/**
 * The people of the journeys: the administrator the e2e setup created with the CLI, and new
 * people with e-mail addresses of their own, so no journey depends on another having run.
 */

/** English interface text, from the same catalog the pages use. */
export const en = translator('en');

/** The first administrator, created by `plenary admin create` before the server started. */
export function administrator(): AdminCredentials {
	return inject('admin');
}

export interface Person {
	name: string;
	email: string;
	password: string;
}

let serial = 0;

/** A person nobody has registered yet: a unique name and e-mail address, a fresh password. */
export function newPerson(label: string): Person {
	const tag = `${Date.now().toString(36)}${(serial++).toString(36)}${randomBytes(2).toString('hex')}`;
	return {
		name: `${label} ${tag}`,
		email: `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${tag}@example.org`,
		password: `pw-${randomBytes(9).toString('hex')}`
	};
}

/**
 * Clicks a button that submits a form the classic way (a full page load, JavaScript or not) and
 * waits for the page it leads to; returns that page's HTTP status (after any redirect).
 */
export async function submit(page: Page, button: Locator): Promise<number> {
	const final = page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400));
	const loaded = page.waitForEvent('load');
	await button.click();
	const [response] = await Promise.all([final, loaded]);
	await hydrated(page);
	return response.status();
}

/** The path and query of the page the browser shows. */
export function pathOf(page: Page): string {
	const url = new URL(page.url());
	return url.pathname + url.search;
}

const scannedStates = new Set<string>();

/**
 * An axe scan of the page, once per state of a page per test file and JavaScript mode: a journey
 * that signs in three times scans the sign-in form once, and its "wrong password" state once.
 */
export async function scanOnce(page: Page, state: string): Promise<void> {
	const key = `${javaScriptEnabled(page)}|${state}`;
	if (scannedStates.has(key)) return;
	await checkAccessibility(page);
	scannedStates.add(key);
}

/**
 * Goes to a page without scanning it, for pages whose state this file scans elsewhere (use
 * `visit` for the first visit); expects the status (200 by default).
 */
export async function go(page: Page, path: string, options: { status?: number } = {}): Promise<void> {
	const response = await page.goto(new URL(path, baseUrl()).toString(), { waitUntil: 'load' });
	expect(response?.status(), `${path} at ${page.url()}`).toBe(options.status ?? 200);
	await hydrated(page);
}

/** Registers through the form at /en/register; returns the status of the page it ends on. */
export async function registerInBrowser(page: Page, person: Person): Promise<number> {
	await go(page, '/en/register');
	await scanOnce(page, 'register');
	await page.getByLabel(en('auth.field.name')).fill(person.name);
	await page.getByLabel(en('auth.field.email')).fill(person.email);
	await page.getByLabel(en('auth.field.password')).fill(person.password);
	const status = await submit(page, page.getByRole('button', { name: en('auth.register.submit') }));
	await scanOnce(page, `register → ${status} ${new URL(page.url()).pathname}`);
	return status;
}

/** Signs in through the form at /en/sign-in; returns the status of the page it ends on. */
export async function signInInBrowser(page: Page, email: string, password: string): Promise<number> {
	await go(page, '/en/sign-in');
	await scanOnce(page, 'sign-in');
	await page.getByLabel(en('auth.field.email')).fill(email);
	await page.getByLabel(en('auth.field.password')).fill(password);
	const status = await submit(page, page.locator('main').getByRole('button', { name: en('auth.signIn.submit') }));
	await scanOnce(page, `sign-in → ${status} ${new URL(page.url()).pathname}`);
	return status;
}

/** Signs out with the header's button (a form post). */
export async function signOutInBrowser(page: Page): Promise<void> {
	const status = await submit(page, page.getByRole('navigation', { name: en('nav.account') }).getByRole('button', { name: en('nav.signOut') }));
	expect(status).toBe(200);
	await expect.poll(() => page.getByRole('navigation', { name: en('nav.account') }).getByRole('link', { name: en('nav.signIn') }).count()).toBe(1);
}

/**
 * A form post as a browser sends it from a Plenary page: same-origin, asking for HTML, redirects
 * not followed (so a 303 shows that the action happened). Cookies come from the request context.
 * `headers` add to or replace those; a header given as null is not sent (e.g. `{ origin: null }`).
 */
export function postForm(request: APIRequestContext, path: string, fields: Record<string, string>, headers: Record<string, string | null> = {}): Promise<APIResponse> {
	const all: Record<string, string | null> = { origin: new URL(baseUrl()).origin, accept: 'text/html', ...headers };
	const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
	return request.post(new URL(path, baseUrl()).toString(), { form: fields, headers: sent, maxRedirects: 0 });
}

/** A GET as a browser's navigation asks for it, redirects not followed. */
export function getPage(request: APIRequestContext, path: string): Promise<APIResponse> {
	return request.get(new URL(path, baseUrl()).toString(), { headers: { accept: 'text/html' }, maxRedirects: 0 });
}

/** Registers through the form post (the context keeps the session cookie); fails unless it worked. */
export async function registerByPost(request: APIRequestContext, person: Person): Promise<void> {
	const response = await postForm(request, '/en/register', { name: person.name, email: person.email, password: person.password });
	expect(response.status(), `registering ${person.email}`).toBe(303);
}

/** Signs in through the form post (the context keeps the session cookie); fails unless it worked. */
export async function signInByPost(request: APIRequestContext, email: string, password: string): Promise<void> {
	const response = await postForm(request, '/en/sign-in', { email, password });
	expect(response.status(), `signing in as ${email}`).toBe(303);
}

/** A JSON document of the open-data API. */
export async function api<T = unknown>(path: string): Promise<{ status: number; body: T }> {
	const response = await fetch(new URL(`/api/v1${path}`, baseUrl()));
	return { status: response.status, body: response.status === 200 ? ((await response.json()) as T) : (undefined as T) };
}

/** The id of a body, from the open-data API. */
export async function bodyId(slug: string): Promise<string> {
	const { status, body } = await api<{ id: string }>(`/bodies/${slug}`);
	expect(status, `body ${slug}`).toBe(200);
	return body.id;
}

export interface ApiMeeting {
	id: string;
	number: number;
	startsOn: string;
	endsOn: string;
	venue: string;
	remoteParticipation: boolean;
}

/** A body's meetings as the open-data API lists them. */
export async function meetingsOf(bodySlug: string): Promise<ApiMeeting[]> {
	const { body } = await api<{ data: ApiMeeting[] }>(`/meetings?body=${bodySlug}&limit=1000`);
	return body.data;
}

/** The person record registration made for someone, from the open-data API. */
export async function personOf(person: Person): Promise<{ id: string; slug: string }> {
	const { body } = await api<{ data: { id: string; slug: string; name: string }[] }>('/persons?limit=1000');
	const found = body.data.find((p) => p.name === person.name);
	expect(found, person.name).toBeDefined();
	return found!;
}

/** An organisation's id, from the open-data API. */
export async function organisationIdOf(name: string): Promise<string> {
	const { body } = await api<{ data: { id: string; name: string }[] }>('/organisations?limit=1000');
	const found = body.data.find((o) => o.name === name);
	expect(found, name).toBeDefined();
	return found!.id;
}
