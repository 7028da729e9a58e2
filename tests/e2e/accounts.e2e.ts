import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkAccessibility, JS_MODES, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, en, go, newPerson, pathOf, registerByPost, registerInBrowser, scanOnce, signInInBrowser, signOutInBrowser, submit, type Person } from '../helpers/people';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Someone who registered earlier (through the form post) and is not signed in on this browser. */
async function alreadyRegistered(label: string): Promise<Person> {
	const person = newPerson(label);
	const context = await browser.newContext({ baseURL: baseUrl() });
	try {
		await registerByPost(context.request, person);
	} finally {
		await context.close();
	}
	return person;
}

/** Whether the header offers "Sign in", i.e. nobody is signed in on this page. */
async function signedOut(page: Page): Promise<boolean> {
	return (await page.getByRole('navigation', { name: en('nav.account') }).getByRole('link', { name: en('nav.signIn') }).count()) === 1;
}

/** The message shown at the top of a form that failed. */
function formAlert(page: Page) {
	return page.locator('main [role="alert"]');
}

/** The error shown for one input, found through the input's aria-describedby (so a screen reader hears it too). */
async function errorOf(page: Page, name: string): Promise<string> {
	const input = page.locator(`main [name="${name}"]`);
	expect(await input.getAttribute('aria-invalid'), `${name} is marked invalid`).toBe('true');
	const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
	const errors = (await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()))).flat();
	expect(errors.length, `${name}'s error is linked with aria-describedby`).toBe(1);
	return errors[0];
}

describe.each(JS_MODES.map((m) => [m.label, m.javaScript] as const))('%s', (_label, javaScript) => {
	it('a person registers, resets their password through the outbox, signs in, and sees no secretariat actions', async () => {
		const person = newPerson('Reader');
		const newPassword = `${person.password}-new`;
		const { page, close } = await newVisitor(browser, { javaScript });
		const admin = await newVisitor(browser, { javaScript });
		try {
			// They register from the header's link.
			await go(page, '/en');
			await page.getByRole('navigation', { name: en('nav.account') }).getByRole('link', { name: en('nav.register') }).click();
			await page.waitForURL((url) => url.pathname === '/en/register', { waitUntil: 'load' });
			expect(await registerInBrowser(page, person)).toBe(200);
			expect(pathOf(page)).toBe('/en/account?welcome=1');
			expect(await page.getByRole('status').textContent()).toBe(en('auth.account.welcome', { name: person.name }));

			await signOutInBrowser(page);

			// They forget their password and ask for a link.
			await go(page, '/en/sign-in');
			await page.getByRole('link', { name: en('auth.signIn.resetLink') }).click();
			await page.waitForURL((url) => url.pathname === '/en/reset-password', { waitUntil: 'load' });
			await checkAccessibility(page);
			await page.getByLabel(en('auth.field.email')).fill(person.email);
			expect(await submit(page, page.getByRole('button', { name: en('auth.reset.submit') }))).toBe(200);
			expect(await page.getByRole('status').textContent()).toBe(en('auth.reset.sent'));
			await checkAccessibility(page);

			// Without a mail server, an administrator reads the message in the outbox.
			expect(await signInInBrowser(admin.page, administrator().email, administrator().password)).toBe(200);
			await visit(admin.page, '/en/admin');
			await admin.page.getByRole('link', { name: en('admin.nav.outbox') }).click();
			await admin.page.waitForURL((url) => url.pathname === '/en/admin/outbox', { waitUntil: 'load' });
			await checkAccessibility(admin.page);
			const row = admin.page.getByRole('row').filter({ hasText: person.email });
			expect(await row.count()).toBe(1);
			await row.getByRole('link', { name: en('auth.mail.reset.subject') }).click();
			await admin.page.waitForURL((url) => /^\/en\/admin\/outbox\/[^/]+$/.test(url.pathname), { waitUntil: 'load' });
			await checkAccessibility(admin.page);
			const link = await admin.page.locator('pre.outbox-text a').getAttribute('href');
			expect(link).toMatch(new RegExp(`^${baseUrl()}/en/reset-password/[^/?#]+$`));
			expect(await admin.page.locator('pre.outbox-text').textContent()).toContain(person.name);

			// The person follows the link and chooses a new password.
			await visit(page, link!);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('auth.reset.newTitle'));
			await page.getByLabel(en('auth.field.newPassword')).fill(newPassword);
			expect(await submit(page, page.getByRole('button', { name: en('auth.reset.newSubmit') }))).toBe(200);
			expect(pathOf(page)).toBe('/en/sign-in?reset=done');
			expect(await page.getByRole('status').textContent()).toBe(en('auth.signIn.afterReset'));
			await scanOnce(page, 'sign-in after a reset');

			// The old password no longer works; the new one does.
			expect(await signInInBrowser(page, person.email, person.password)).toBe(400);
			expect(await formAlert(page).textContent()).toContain(en('auth.signIn.invalid'));
			expect(await signedOut(page)).toBe(true);
			expect(await signInInBrowser(page, person.email, newPassword)).toBe(200);
			expect(pathOf(page)).toBe('/en/account');
			expect(await page.locator('main').textContent()).toContain(person.email);

			// The link worked once.
			await visit(page, link!);
			expect(await page.getByRole('alert').textContent()).toBe(en('auth.reset.used'));

			// A registered person without a seat is offered nothing of the secretariat's…
			await go(page, '/en/bodies/wgec-2016-2018');
			const main = page.locator('main');
			for (const key of ['body.manage', 'admin.meeting.new', 'body.audit'] as const) {
				expect(await main.getByRole('link', { name: en(key) }).count(), en(key)).toBe(0);
			}
			expect(await main.locator('a[href^="/en/admin"], a[href^="/en/audit"]').count()).toBe(0);
			expect(await page.getByRole('navigation', { name: en('nav.main') }).getByRole('link', { name: en('nav.admin') }).count()).toBe(0);
			// …and refused if they type the address.
			await visit(page, '/en/admin/bodies/wgec-2016-2018/meetings/new', { status: 403 });
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('error.forbidden.title'));
		} finally {
			await close();
			await admin.close();
		}
	});

	it('a person who types a wrong password is told so, and nothing changes', async () => {
		const person = await alreadyRegistered('Typo');
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			expect(await signInInBrowser(page, person.email, `${person.password}x`)).toBe(400);
			expect(await formAlert(page).textContent()).toContain(en('auth.signIn.invalid'));
			// The address they typed is kept; the password is not sent back.
			expect(await page.getByLabel(en('auth.field.email')).inputValue()).toBe(person.email);
			expect(await page.getByLabel(en('auth.field.password')).inputValue()).toBe('');
			expect(await signedOut(page)).toBe(true);
			// Nothing changed: the right password still works.
			expect(await signInInBrowser(page, person.email, person.password)).toBe(200);
			expect(pathOf(page)).toBe('/en/account');
		} finally {
			await close();
		}
	});

	it('a person who registers an e-mail address that has an account is told so, and that account is unchanged', async () => {
		const first = await alreadyRegistered('First');
		const second = { ...newPerson('Second'), email: first.email };
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			expect(await registerInBrowser(page, second)).toBe(409);
			expect(await errorOf(page, 'email')).toBe(en('auth.register.emailTaken'));
			expect(await page.getByLabel(en('auth.field.name')).inputValue()).toBe(second.name);
			expect(await signedOut(page)).toBe(true);
			// The account is still the first person's, with their password and name.
			expect(await signInInBrowser(page, first.email, first.password)).toBe(200);
			expect(await page.locator('main dl').textContent()).toContain(first.name);
			expect(await page.locator('main dl').textContent()).not.toContain(second.name);
		} finally {
			await close();
		}
	});

	it('a person whose name is too long is told so, and no account is made', async () => {
		const person = newPerson('Long');
		const { page, close } = await newVisitor(browser, { javaScript });
		try {
			await go(page, '/en/register');
			// The browser stops typing at 200 characters; a page saved long ago or another client may not.
			const name = page.getByLabel(en('auth.field.name'));
			await name.evaluate((input) => input.removeAttribute('maxlength'));
			await name.fill('N'.repeat(201));
			await page.getByLabel(en('auth.field.email')).fill(person.email);
			await page.getByLabel(en('auth.field.password')).fill(person.password);
			expect(await submit(page, page.getByRole('button', { name: en('auth.register.submit') }))).toBe(400);
			expect(await errorOf(page, 'name')).toBe(en('common.tooLong', { max: 200 }));
			expect(await formAlert(page).textContent()).toContain(en('common.formErrors', { count: 1 }));
			expect(await signedOut(page)).toBe(true);
			await scanOnce(page, 'register → 400 /en/register');
			// No account was made: the address is still free.
			expect(await registerInBrowser(page, person)).toBe(200);
			expect(pathOf(page)).toBe('/en/account?welcome=1');
		} finally {
			await close();
		}
	});
});
