import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateRange } from '../../src/lib/i18n/translate';
import { checkAccessibility, JS_MODES, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, en, go, meetingsOf, newPerson, pathOf, registerInBrowser, scanOnce, signInInBrowser, submit } from '../helpers/people';

const BODY = 'wgec-2016-2018';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The error shown for one input, found through its aria-describedby. */
async function errorOf(page: Page, name: string): Promise<string> {
	const input = page.locator(`main [name="${name}"]`);
	expect(await input.getAttribute('aria-invalid'), `${name} is marked invalid`).toBe('true');
	const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
	const errors = (await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()))).flat();
	expect(errors.length, `${name}'s error is linked with aria-describedby`).toBe(1);
	return errors[0];
}

/** Fills the meeting form as a person types it. */
async function fillMeeting(page: Page, m: { number: string; startsOn: string; endsOn: string; venue: string; remote: boolean }) {
	await page.getByLabel(en('admin.meeting.number')).fill(m.number);
	await page.getByLabel(en('admin.meeting.startsOn')).fill(m.startsOn);
	await page.getByLabel(en('admin.meeting.endsOn')).fill(m.endsOn);
	await page.getByLabel(en('admin.meeting.venue'), { exact: true }).fill(m.venue);
	await page.getByLabel(en('admin.meeting.remoteParticipation')).setChecked(m.remote);
}

describe.each(JS_MODES.map((m, i) => [m.label, m.javaScript, 6 + i] as const))('%s', (_label, javaScript, number) => {
	it(`an administrator makes a person secretariat of WGEC 2016–2018 and they add meeting ${number} in the UI, which then shows in the audit log`, async () => {
		const person = newPerson('Secretary');
		const secretary = await newVisitor(browser, { javaScript });
		const admin = await newVisitor(browser, { javaScript });
		const page = secretary.page;
		try {
			expect(await registerInBrowser(page, person)).toBe(200);
			await go(page, `/en/bodies/${BODY}`);
			expect(await page.locator('main').getByRole('link', { name: en('admin.meeting.new') }).count()).toBe(0);

			// The administrator gives the registered person the secretariat's seat.
			expect(await signInInBrowser(admin.page, administrator().email, administrator().password)).toBe(200);
			await visit(admin.page, `/en/admin/bodies/${BODY}/memberships/new`);
			await admin.page.getByLabel(en('admin.membership.role')).selectOption({ label: en('role.secretariat') });
			await admin.page.getByLabel(en('admin.membership.person'), { exact: true }).selectOption({ label: en('admin.membership.registered', { name: person.name }) });
			expect(await submit(admin.page, admin.page.getByRole('button', { name: en('admin.membership.create') }))).toBe(200);
			expect(pathOf(admin.page)).toBe(`/en/admin/bodies/${BODY}?saved=1`);
			expect(await admin.page.getByRole('status').textContent()).toBe(en('common.saved'));
			const seat = admin.page.getByRole('row').filter({ hasText: person.name });
			expect(await seat.getByRole('cell').first().textContent()).toBe(en('role.secretariat'));
			await checkAccessibility(admin.page);

			// From their next page on, the person is offered the secretariat's actions.
			await visit(page, `/en/bodies/${BODY}`);
			const main = page.locator('main');
			for (const key of ['body.manage', 'admin.meeting.new', 'body.audit'] as const) {
				expect(await main.getByRole('link', { name: en(key) }).count(), en(key)).toBe(1);
			}
			await main.getByRole('link', { name: en('admin.meeting.new') }).click();
			await page.waitForURL((url) => url.pathname === `/en/admin/bodies/${BODY}/meetings/new`, { waitUntil: 'load' });
			await checkAccessibility(page);

			// First a slip: the last day before the first. Nothing is created.
			await fillMeeting(page, { number: String(number), startsOn: '2019-05-03', endsOn: '2019-05-02', venue: 'Geneva', remote: true });
			expect(await submit(page, page.getByRole('button', { name: en('admin.meeting.create') }))).toBe(400);
			expect(await errorOf(page, 'endsOn')).toBe(en('admin.error.endBeforeStart'));
			expect(await page.getByLabel(en('admin.meeting.venue'), { exact: true }).inputValue()).toBe('Geneva');
			await scanOnce(page, 'meeting form with a problem');
			expect((await meetingsOf(BODY)).some((m) => m.number === number)).toBe(false);

			// Then a number the body already used. Nothing is created, meeting 1 is untouched.
			await fillMeeting(page, { number: '1', startsOn: '2019-05-03', endsOn: '2019-05-04', venue: 'Geneva', remote: true });
			expect(await submit(page, page.getByRole('button', { name: en('admin.meeting.create') }))).toBe(409);
			expect(await errorOf(page, 'number')).toBe(en('admin.error.meetingNumberTaken'));
			const first = (await meetingsOf(BODY)).filter((m) => m.number === 1);
			expect(first).toEqual([expect.objectContaining({ startsOn: '2016-09-30', endsOn: '2016-09-30', venue: 'Geneva' })]);

			// Then the meeting as it should be.
			await fillMeeting(page, { number: String(number), startsOn: '2019-05-03', endsOn: '2019-05-04', venue: 'Geneva', remote: true });
			expect(await submit(page, page.getByRole('button', { name: en('admin.meeting.create') }))).toBe(200);
			expect(pathOf(page)).toBe(`/en/admin/bodies/${BODY}?saved=1`);
			await checkAccessibility(page);
			expect((await meetingsOf(BODY)).filter((m) => m.number === number)).toEqual([
				expect.objectContaining({ startsOn: '2019-05-03', endsOn: '2019-05-04', venue: 'Geneva', remoteParticipation: true })
			]);

			// Everyone can read it on the body's timeline and the meeting's page.
			const reader = await newVisitor(browser, { javaScript });
			try {
				await go(reader.page, `/en/bodies/${BODY}`);
				await reader.page.getByRole('list', { name: en('timeline.label') }).getByRole('link', { name: en('meeting.title', { number }), exact: true }).click();
				await reader.page.waitForURL((url) => url.pathname === `/en/bodies/${BODY}/meetings/${number}`, { waitUntil: 'load' });
				await checkAccessibility(reader.page);
				const facts = reader.page.locator('dl.meeting-facts');
				expect(await facts.locator('time').getAttribute('datetime')).toBe('2019-05-03');
				const spaces = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
				expect(spaces(await facts.locator('time').textContent())).toBe(spaces(formatDateRange('en', '2019-05-03', '2019-05-04')));
				expect(await facts.locator('dt', { hasText: en('meeting.venue') }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('Geneva');
				expect(await facts.locator('dt', { hasText: en('meeting.remote') }).locator('xpath=following-sibling::dd[1]').textContent()).toContain(en('meeting.remoteYes'));
			} finally {
				await reader.close();
			}

			// The audit log of the body names them as the one who created it.
			await go(page, `/en/bodies/${BODY}`);
			await main.getByRole('link', { name: en('body.audit') }).click();
			await page.waitForURL((url) => url.pathname === '/en/audit' && url.searchParams.get('body') === BODY, { waitUntil: 'load' });
			await checkAccessibility(page);
			const created = page
				.getByRole('row')
				.filter({ has: page.locator('code', { hasText: /^meeting\.create$/ }) })
				.filter({ has: page.getByRole('cell', { name: `${person.name} <${person.email}>`, exact: true }) })
				// The record column names the meeting by its number.
				.filter({ has: page.locator('td > span[lang="en"]', { hasText: new RegExp(`^${number}$`) }) });
			expect(await created.count()).toBe(1);

			// The other body's log stays closed to them.
			await visit(page, '/en/audit?body=wgec-2013-2014', { status: 403 });
		} finally {
			await secretary.close();
			await admin.close();
		}
	});
});
