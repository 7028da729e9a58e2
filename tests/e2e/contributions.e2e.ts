import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkAccessibility, launchBrowser, newVisitor, visit } from '../helpers/browser';
import { administrator, api, en, go, newPerson, pathOf, personOf, postForm, registerByPost, signInByPost, signInInBrowser, submit, type Person } from '../helpers/people';

/**
 * Calls, contributions and the rolling compilation, as people do them in the browser: a member
 * uploads a DOCX answer to an open call, corrects its preview and names a co-submitting
 * delegation, which then confirms; the secretariat re-categorises, merges and generates the
 * compilation; a visitor without an account downloads the demo's compilation as DOCX and PDF
 * and reads its headings back with real readers (mammoth, pdftotext).
 *
 * The demo's own call closed in 2014, so the journeys answer a call the body's secretariat opens
 * for this run (open since yesterday, for a month), with delegations of their own.
 */

const BODY = 'wgec-2013-2014';
const TAG = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const CALL_TITLE = `Call for proposals on remote participation ${TAG}`;
/** The demo's call, imported from the 2013–2014 rolling document, and its compilation's title. */
const DEMO_CALL = 'Draft recommendations in the temporary draft framework';
const DEMO_COMPILATION = 'Proposals of Draft Recommendations — Rolling Document';
const PDFTOTEXT = '/usr/bin/pdftotext';

const run = promisify(execFile);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
let admin: APIRequestContext;
let secretary: Person;
/** A member of the body for the first delegation, and one for the delegation that co-submits. */
let member: Person;
let partner: Person;
const delegation = `Open Networks Alliance ${TAG}`;
const coDelegation = `Global Access Forum ${TAG}`;
let callPath: string;
/** Two contributions to the call, posted before the journeys, for the secretariat to work on. */
let webcasting: { slug: string; title: string };
let mapping: { slug: string; title: string };

/** Registers a person and gives them a seat in the body through the administrator's form. */
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

/** Creates a civil-society organisation (administrator) and returns its id. */
async function organisation(name: string): Promise<string> {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	expect((await postForm(admin, '/en/admin/organisations/new', { kind: 'civil_society', name, slug })).status(), `${name} is created`).toBe(303);
	const { status, body } = await api<{ id: string }>(`/organisations/${slug}`);
	expect(status, name).toBe(200);
	return body.id;
}

/**
 * A contribution posted as the writing form posts it, one category per item, and its slug. The
 * form's fields repeat (`itemCategory`), so the body is written as the browser encodes it.
 */
async function contributeByPost(session: APIRequestContext, title: string, text: string, categories: string[]): Promise<{ slug: string; title: string }> {
	const form = new URLSearchParams({ token: randomBytes(18).toString('base64url'), title, text, lang: 'en' });
	for (const c of categories) form.append('itemCategory', c);
	const response = await session.post(new URL(`${callPath}/contribute?/submit`, baseUrl()).toString(), {
		data: form.toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseUrl()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `${title} is submitted`).toBe(303);
	const slug = /\/contributions\/([^?#]+)/.exec(response.headers()['location'] ?? '')?.[1];
	expect(slug, `${title}: the contribution's address`).toBeDefined();
	return { slug: slug!, title };
}

/** A DOCX as a delegation writes it in Word: a title, three numbered paragraphs, a bullet list. */
async function proposalsDocx(): Promise<Buffer> {
	const doc = new Document({
		numbering: { config: [{ reference: 'paragraphs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
		sections: [
			{
				children: [
					new Paragraph({ text: 'Proposals on remote participation', heading: HeadingLevel.TITLE }),
					new Paragraph({ text: 'Governments should consult all stakeholders before each session.', numbering: { reference: 'paragraphs', level: 0 } }),
					// "recieved": the slip the delegation corrects in the preview.
					new Paragraph({ text: 'The secretariat should publish every contribution recieved within a week.', numbering: { reference: 'paragraphs', level: 0 } }),
					new Paragraph({ text: 'Meetings should offer remote participation to every delegation.', numbering: { reference: 'paragraphs', level: 0 } }),
					new Paragraph({ text: 'To that end the working group should provide:' }),
					new Paragraph({ text: 'captions for every session;', bullet: { level: 0 } }),
					new Paragraph({ text: 'documents two weeks in advance.', bullet: { level: 0 } })
				]
			}
		]
	});
	return Packer.toBuffer(doc);
}

/** The category an item of a contribution's page shows ("Category: Group B — Meetings" → "Group B"). */
async function shownCategory(item: Locator): Promise<string | undefined> {
	const text = ((await item.textContent()) ?? '').replace(/\s+/g, ' ');
	return new RegExp(`${en('contributions.page.category')}: (${en('body.categoryLabel', { code: 'X' }).replace('X', '[A-Z]')})`).exec(text)?.[1];
}

/** The value of a definition list's entry, by its term. */
function fact(page: Page, term: string): Locator {
	return page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** Clicks a link that downloads a file and returns the file's bytes and suggested name. */
async function download(page: Page, link: Locator): Promise<{ bytes: Buffer; name: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const path = await file.path();
	return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

/** The compilation's structural headings, in reading order: categories, the uncategorised part, annexes. */
const STRUCTURE = /^(GROUP [A-E]:|Draft recommendations that could not be categori[sz]ed|Annex \d+ –)/;
/** What each structural heading is, shortened ("A"…"E", "uncategorised", "annex 1"…). */
function kindOf(heading: string): string {
	const m = /^GROUP ([A-E]):|^(Draft recommendations that could not)|^Annex (\d+)/.exec(heading);
	return m?.[1] ?? (m?.[2] ? 'uncategorised' : `annex ${m?.[3]}`);
}
const EXPECTED_ORDER = ['A', 'B', 'C', 'D', 'E', 'uncategorised', 'annex 1', 'annex 2'];

beforeAll(async () => {
	browser = await launchBrowser();
	admin = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await signInByPost(admin, administrator().email, administrator().password);
	const [ownId, coId] = [await organisation(delegation), await organisation(coDelegation)];
	secretary = await seated('Secretary', 'secretariat');
	member = await seated('Delegate', 'member', ownId);
	partner = await seated('Partner', 'member', coId);

	// The secretariat opens the call: three questions, a framework of three categories.
	const secretariat = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await signInByPost(secretariat, secretary.email, secretary.password);
	const opened = await postForm(secretariat, `/en/bodies/${BODY}/calls/new`, {
		title: CALL_TITLE,
		description: 'Proposals on how the working group involves those who cannot travel.',
		questions: 'How should the group consult?\nHow should meetings be held?\nWhat support do developing countries need?',
		framework: 'A. Consultation (Question 1)\nB. Meetings (Question 2)\nC. Capacity (Question 3)',
		eligibility: 'members',
		opensOn: day(-1),
		closesOn: day(30),
		languages: 'en'
	});
	expect(opened.status(), 'the secretariat opens the call').toBe(303);
	callPath = (opened.headers()['location'] ?? '').split('?')[0];
	expect(callPath).toMatch(/^\/en\/calls\/[a-z0-9-]+$/);
	await secretariat.dispose();

	// Two contributions the secretariat will work on: one from each delegation.
	const memberSession = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await signInByPost(memberSession, member.email, member.password);
	webcasting = await contributeByPost(
		memberSession,
		`Webcasting proposals ${TAG}`,
		'1. Every session should be webcast with captions in the six official languages.\n\n2. Remote speakers should have the same speaking time as those in the room.',
		['B', 'B']
	);
	await memberSession.dispose();
	const partnerSession = await playwrightRequest.newContext({ baseURL: baseUrl() });
	await signInByPost(partnerSession, partner.email, partner.password);
	mapping = await contributeByPost(
		partnerSession,
		`Mapping proposals ${TAG}`,
		'1. The working group should map the existing mechanisms before it recommends new ones.\n\n2. Developing countries need travel support to take part in the meetings.',
		['A', 'C']
	);
	await partnerSession.dispose();
});

afterAll(async () => {
	await admin?.dispose();
	await browser?.close();
});

describe('calls, contributions and the rolling compilation', () => {
	it('a member uploads a DOCX, corrects the preview, submits with a co-submitter, downloads the original; the co-submitting delegation confirms', async () => {
		const docx = await proposalsDocx();
		const fileName = `proposals-${TAG}.docx`;
		const { page, close } = await newVisitor(browser, { javaScript: true });
		let contributionPath = '';
		try {
			expect(await signInInBrowser(page, member.email, member.password)).toBe(200);

			// From the body's page to the call, and on to the writing form.
			await visit(page, `/en/bodies/${BODY}`);
			await page.locator('main').getByRole('link', { name: CALL_TITLE, exact: true }).click();
			await page.waitForURL((u) => u.pathname === callPath, { waitUntil: 'load' });
			await checkAccessibility(page);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(CALL_TITLE);
			await page.locator('main').getByRole('link', { name: en('contributions.call.contribute') }).click();
			await page.waitForURL((u) => u.pathname === `${callPath}/contribute`, { waitUntil: 'load' });
			await checkAccessibility(page);

			// First a file that only calls itself a DOCX: a clear message next to the field, no preview.
			const title = `Remote participation: proposals ${TAG}`;
			await page.getByRole('textbox', { name: en('contributions.editor.title'), exact: true }).fill(title);
			const fileField = page.getByLabel(en('contributions.editor.file'));
			await fileField.setInputFiles({ name: 'scan.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
			expect(await submit(page, page.getByRole('button', { name: en('contributions.editor.preview') }))).toBe(400);
			expect(await fileField.getAttribute('aria-invalid')).toBe('true');
			const fileError = page.locator(`[id="${(await fileField.getAttribute('aria-describedby'))?.split(' ').at(-1)}"]`);
			expect(await fileError.textContent()).toBe(en('contributions.upload.error.corrupt'));
			expect(await page.locator('main ol.preview-items').count()).toBe(0);
			await checkAccessibility(page);

			// Then the delegation's DOCX: converted, and previewed as items.
			expect(await page.getByRole('textbox', { name: en('contributions.editor.title'), exact: true }).inputValue()).toBe(title);
			await fileField.setInputFiles({ name: fileName, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
			expect(await submit(page, page.getByRole('button', { name: en('contributions.editor.preview') }))).toBe(200);
			expect(await page.getByRole('status').textContent()).toBe(en('contributions.editor.converted', { name: fileName }));
			expect(await page.getByRole('heading', { name: en('contributions.editor.previewTitle', { count: 4 }) }).count()).toBe(1);
			const items = page.locator('main ol.preview-items > li');
			expect(await items.count()).toBe(4);
			expect(await items.nth(0).textContent()).toContain('Governments should consult all stakeholders before each session.');
			expect(await items.nth(1).textContent()).toContain('every contribution recieved within a week');
			// The bullet list hangs from the paragraph that introduces it: one item, its lines kept.
			const listItem = (await items.nth(3).textContent()) ?? '';
			expect(listItem).toContain('To that end the working group should provide:');
			expect(listItem).toContain('captions for every session;');
			expect(listItem).toContain('documents two weeks in advance.');
			// The text box now holds the converted text, numbered paragraphs and list included.
			const textBox = page.getByLabel(en('contributions.editor.text'), { exact: true });
			const converted = await textBox.inputValue();
			expect(converted).toMatch(/^1\. Governments should consult/m);
			expect(converted).toMatch(/^- captions for every session;/m);
			await checkAccessibility(page);

			// The delegation corrects the preview: a category for each item, and the slip in item 2.
			const category = (n: string) => page.getByRole('combobox', { name: en('contributions.editor.itemCategory', { n }), exact: true });
			await category('1').selectOption('A');
			await category('2').selectOption('A');
			await category('3').selectOption('B');
			await category('4').selectOption('B');
			await category('2').selectOption('C');
			await textBox.fill(converted.replace('recieved', 'received'));
			expect(await submit(page, page.getByRole('button', { name: en('contributions.editor.preview') }))).toBe(200);
			expect(await items.count()).toBe(4);
			expect(await items.nth(1).textContent()).toContain('every contribution received within a week');
			expect(await items.nth(1).textContent()).not.toContain('recieved');
			// The categories chosen follow their items through the correction; the original is still kept.
			expect(await Promise.all(['1', '2', '3', '4'].map((n) => category(n).inputValue()))).toEqual(['A', 'C', 'B', 'B']);
			expect(await page.locator('main').textContent()).toContain(en('contributions.editor.fileKept', { name: fileName }));

			// The second delegation is named as co-submitter; the submission goes in.
			const coSubmitters = page.getByRole('group', { name: en('contributions.editor.coSubmitters') });
			await coSubmitters.getByRole('checkbox', { name: coDelegation, exact: true }).check();
			expect(await submit(page, page.getByRole('button', { name: en('contributions.contribute.submit') }))).toBe(200);
			expect(pathOf(page)).toMatch(/^\/en\/contributions\/[a-z0-9-]+\?saved=submitted$/);
			contributionPath = new URL(page.url()).pathname;
			expect(await page.getByRole('status').textContent()).toBe(en('contributions.saved.submitted'));
			await checkAccessibility(page);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);

			// Submitted by both, the co-submitter marked as pending until it confirms.
			const submittedBy = fact(page, en('contributions.page.submittedBy'));
			const spaces = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
			expect(spaces(await submittedBy.textContent())).toBe(`${delegation} and ${coDelegation} ${en('contributions.pendingConfirmation')}`);
			expect(await submittedBy.getByRole('link', { name: coDelegation }).count()).toBe(1);
			// Until it confirms, the citation names only the delegation that submitted.
			const citation = (await page.locator('main cite').textContent()) ?? '';
			expect(citation).toContain(delegation);
			expect(citation).not.toContain(coDelegation);

			// The items as corrected, each with its category.
			const item2 = page.locator('main #item-2');
			expect(await item2.textContent()).toContain('every contribution received within a week');
			expect(await shownCategory(item2)).toBe(en('body.categoryLabel', { code: 'C' }));

			// The original file comes back byte for byte.
			const original = await download(page, page.getByRole('link', { name: en('contributions.page.original', { name: fileName }) }));
			expect(original.name).toBe(fileName);
			expect(original.bytes.equals(docx)).toBe(true);
		} finally {
			await close();
		}

		// A person of the co-submitting delegation signs in, reads the contribution and confirms.
		const other = await newVisitor(browser, { javaScript: false });
		try {
			expect(await signInInBrowser(other.page, partner.email, partner.password)).toBe(200);
			await visit(other.page, contributionPath);
			expect(await other.page.locator('main').textContent()).toContain(en('contributions.page.confirmHint'));
			expect(await submit(other.page, other.page.getByRole('button', { name: en('contributions.page.confirm') }))).toBe(200);
			expect(pathOf(other.page)).toBe(`${contributionPath}?saved=confirmed`);
			expect(await other.page.getByRole('status').textContent()).toBe(en('contributions.saved.confirmed'));
			await checkAccessibility(other.page);
			const submittedBy = fact(other.page, en('contributions.page.submittedBy'));
			expect(await submittedBy.getByRole('link', { name: coDelegation }).count()).toBe(1);
			expect(await submittedBy.textContent()).not.toContain(en('contributions.pendingConfirmation'));
			// Nothing is left to confirm.
			expect(await other.page.getByRole('button', { name: en('contributions.page.confirm') }).count()).toBe(0);
		} finally {
			await other.close();
		}

		// Everyone now reads both names, without "pending".
		const reader = await newVisitor(browser, { javaScript: false });
		try {
			await go(reader.page, contributionPath);
			const submittedBy = fact(reader.page, en('contributions.page.submittedBy'));
			expect((await submittedBy.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${delegation} and ${coDelegation}`);
			expect(await reader.page.locator('main cite').textContent()).toContain(`${delegation} and ${coDelegation}, “`);
		} finally {
			await reader.close();
		}
	});

	it('the secretariat re-categorises an item, merges two contributions and generates a new version of the compilation', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: false });
		try {
			expect(await signInInBrowser(page, secretary.email, secretary.password)).toBe(200);
			await visit(page, callPath);
			const versions = page.locator('#compilation ol > li');
			const generate = async () => {
				expect(await submit(page, page.getByRole('button', { name: en('contributions.compilation.generate') }))).toBe(200);
				expect(pathOf(page)).toBe(`${callPath}?saved=generated`);
				expect(await page.getByRole('status').textContent()).toBe(en('contributions.call.saved.generated'));
			};
			const versionLink = (n: number) => page.locator('#compilation').getByRole('link', { name: en('contributions.compilation.version', { number: n }), exact: true });

			// The compilation as the contributions came in: the version to compare with.
			const before = await versions.count();
			await generate();
			const earlier = before + 1;
			expect(await versions.count()).toBe(earlier);

			// "Mapping proposals", item 1: the secretariat moves it from Consultation (A) to Meetings (B).
			await page.locator(`main li[id="c-${mapping.slug}"]`).getByRole('link', { name: mapping.title, exact: true }).click();
			await page.waitForURL((u) => u.pathname === `/en/contributions/${mapping.slug}`, { waitUntil: 'load' });
			await checkAccessibility(page);
			const item1 = page.locator('main #item-1');
			expect(await shownCategory(item1)).toBe(en('body.categoryLabel', { code: 'A' }));
			await item1.getByLabel(en('contributions.recategorise.label', { n: '1' })).selectOption('B');
			expect(await submit(page, item1.getByRole('button', { name: en('contributions.recategorise.submit') }))).toBe(200);
			expect(pathOf(page)).toBe(`/en/contributions/${mapping.slug}?saved=recategorised`);
			expect(await page.getByRole('status').textContent()).toBe(en('contributions.saved.recategorised'));
			expect(await shownCategory(item1)).toBe(en('body.categoryLabel', { code: 'B' }));
			expect(await item1.getByLabel(en('contributions.recategorise.label', { n: '1' })).inputValue()).toBe('B');

			// "Webcasting proposals" is merged into "Mapping proposals".
			await visit(page, `/en/contributions/${webcasting.slug}`);
			await page.getByLabel(en('contributions.merge.label'), { exact: true }).selectOption({ label: mapping.title });
			expect(await submit(page, page.getByRole('button', { name: en('contributions.merge.submit') }))).toBe(200);
			expect(pathOf(page)).toBe(`/en/contributions/${webcasting.slug}?saved=merged`);
			expect(await page.getByRole('status').textContent()).toBe(en('contributions.saved.merged'));
			await checkAccessibility(page);
			const mark = page.locator('main .badge', { hasText: en('contributions.mark.mergedInto') });
			expect(await mark.count()).toBe(1);
			// The merged one links to the one it was merged into, which shows the lineage back.
			await mark.getByRole('link', { name: mapping.title, exact: true }).click();
			await page.waitForURL((u) => u.pathname === `/en/contributions/${mapping.slug}`, { waitUntil: 'load' });
			expect(await page.getByRole('heading', { name: en('contributions.page.mergedFrom') }).count()).toBe(1);
			const lineage = page.locator('main h2', { hasText: en('contributions.page.mergedFrom') }).locator('xpath=following-sibling::ul[1]');
			expect(await lineage.getByRole('link', { name: webcasting.title, exact: true }).getAttribute('href')).toBe(`/en/contributions/${webcasting.slug}`);
			await checkAccessibility(page);

			// The call's list shows the merge too; the next version is generated from the call's page.
			await page.getByRole('navigation', { name: en('nav.breadcrumbs') }).getByRole('link', { name: CALL_TITLE }).click();
			await page.waitForURL((u) => u.pathname === callPath, { waitUntil: 'load' });
			const listed = page.locator(`main li[id="c-${webcasting.slug}"]`);
			expect(await listed.textContent()).toContain(en('contributions.mark.mergedInto'));
			expect(await listed.getByRole('link', { name: mapping.title }).count()).toBe(1);
			await generate();
			await checkAccessibility(page);
			const newest = earlier + 1;
			expect(await versions.count()).toBe(newest);
			// Newest first, with its downloads and the comparison with the version before.
			const latest = versions.first();
			expect(await latest.getByRole('link', { name: en('contributions.compilation.version', { number: newest }), exact: true }).count()).toBe(1);
			for (const key of ['contributions.compilation.html', 'contributions.compilation.docx', 'contributions.compilation.pdf'] as const) {
				expect(await latest.getByRole('link', { name: en(key), exact: true }).count(), en(key)).toBe(1);
			}
			expect(await latest.getByRole('link', { name: en('contributions.compilation.compare', { number: newest }) }).getAttribute('href')).toMatch(new RegExp(`/compare\\?from=${earlier}&to=${newest}$`));

			/** The compilation's pieces in reading order (its table of contents first, then its parts). */
			const readVersion = async (n: number) => {
				await go(page, callPath);
				await versionLink(n).click();
				await page.waitForURL((u) => u.searchParams.get('version') === String(n), { waitUntil: 'load' });
				return page.locator('main .document .unit').evaluateAll((els) => els.map((e) => ({ heading: /^H[1-6]$/.test(e.tagName), text: (e.textContent ?? '').replace(/\s+/g, ' ').trim() })));
			};
			type Units = Awaited<ReturnType<typeof readVersion>>;
			const part = (units: Units, code: string) => units.findIndex((u) => u.heading && u.text.startsWith(`GROUP ${code}:`));
			const mapped = (units: Units) => units.findIndex((u) => !u.heading && u.text.includes('map the existing mechanisms'));
			const webcast = (units: Units) => units.some((u) => u.text.includes('webcast with captions'));

			// The new version reads as the secretariat left things: the moved item under Meetings, the merged contribution gone.
			const now = await readVersion(newest);
			await checkAccessibility(page);
			expect(webcast(now)).toBe(false);
			expect(part(now, 'B')).toBeGreaterThan(0);
			expect(mapped(now), 'the moved item is under Meetings (B)').toBeGreaterThan(part(now, 'B'));
			expect(mapped(now)).toBeLessThan(part(now, 'C'));
			// Under its submitters' heading, as the template words it.
			const headings = now.slice(part(now, 'B'), mapped(now)).filter((u) => u.heading).map((u) => u.text);
			expect(headings.at(-1)).toMatch(new RegExp(`^Draft recommendations submitted by ${coDelegation} \\(`));

			// The earlier version is kept as it was.
			const then = await readVersion(earlier);
			expect(webcast(then)).toBe(true);
			expect(mapped(then)).toBeGreaterThan(part(then, 'A'));
			expect(mapped(then)).toBeLessThan(part(then, 'B'));
		} finally {
			await close();
		}
	});

	it('a visitor without an account follows the compilation from the body page and reads it back as DOCX and as PDF', async () => {
		const { page, close } = await newVisitor(browser, { javaScript: true });
		const scratch = mkdtempSync(join(tmpdir(), 'plenary-compilation-'));
		try {
			await visit(page, `/en/bodies/${BODY}`);
			const demoCall = page.locator('main li').filter({ has: page.getByRole('link', { name: DEMO_CALL, exact: true }) });
			expect(await demoCall.count()).toBe(1);
			// The body's page offers the compilation's downloads too, next to its title.
			const offered = demoCall.getByRole('group', { name: en('contributions.body.downloads') });
			const offeredDocx = await offered.getByRole('link', { name: en('contributions.compilation.docx'), exact: true }).getAttribute('href');
			const offeredPdf = await offered.getByRole('link', { name: en('contributions.compilation.pdf'), exact: true }).getAttribute('href');
			await demoCall.getByRole('link', { name: DEMO_COMPILATION, exact: true }).click();
			await page.waitForURL((u) => u.pathname.startsWith('/en/documents/'), { waitUntil: 'load' });
			await checkAccessibility(page);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(DEMO_COMPILATION);
			const docxLink = page.locator('main').getByRole('link', { name: en('document.format.docx'), exact: true });
			const pdfLink = page.locator('main').getByRole('link', { name: en('document.format.pdf'), exact: true });
			expect(await docxLink.getAttribute('href')).toBe(offeredDocx);
			expect(await pdfLink.getAttribute('href')).toBe(offeredPdf);

			// Word: the headings, read back by mammoth, in the order of the framework and then the rest.
			const docx = await download(page, docxLink);
			expect(docx.name).toMatch(/\.docx$/);
			const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
			const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'));
			expect(h1.filter((h) => STRUCTURE.test(h)).map(kindOf)).toEqual(EXPECTED_ORDER);

			// PDF: the same order, once in the table of contents and once in the body.
			const pdf = await download(page, pdfLink);
			expect(pdf.name).toMatch(/\.pdf$/);
			expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const pdfPath = join(scratch, 'compilation.pdf');
			writeFileSync(pdfPath, pdf.bytes);
			const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
			const lines = stdout.replace(/\f/g, '\n').split('\n').map((l) => l.trim());
			expect(lines.filter((l) => STRUCTURE.test(l)).map(kindOf)).toEqual([...EXPECTED_ORDER, ...EXPECTED_ORDER]);
		} finally {
			await close();
			rmSync(scratch, { recursive: true, force: true });
		}
	});
});
