import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { bodies, contributions, memberships, organisations, persons, users } from '../../src/lib/server/db/schema';
import { callInput, contributionInput, revisionInput } from '../../src/lib/core/contributions/schemas';
import { ANONYMOUS, type Actor } from '../../src/lib/core/shared/actor';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { openCall } from '../../src/lib/server/actions/calls';
import { mergeContribution, reviseContribution, setContributionPublished, submitContribution, withdrawContribution } from '../../src/lib/server/actions/contributions';
import { contributionAbilities, contributionAccess } from '../../src/lib/server/contributions/access';
import { citationLine } from '../../src/lib/server/contributions/citation';
import { compareRevisionTexts } from '../../src/lib/server/contributions/compare';
import { contributionOr404 } from '../../src/lib/server/contributions/contribution-page';
import { attachmentHeaders } from '../../src/lib/server/contributions/download';
import { buildPreview, chooseCategories, itemSignature } from '../../src/lib/server/contributions/editor';
import { previewStep, submitStep, type EditorContext } from '../../src/lib/server/contributions/editor-actions';
import { callContributions, categoriesOfCalls, lineageOf, originalOfRevision, pageOfPublishedContributions, revisionsOf, submitterRowsOf } from '../../src/lib/server/repositories/contribution-reads';
import { findContributionBySlug } from '../../src/lib/server/repositories/contributions';

const TEXT = ['# Proposals', '', '1. Enhanced cooperation should involve all stakeholders on an equal footing.[^1]', '', '2. Capacity building for developing countries:', '   - training;', '   - funding.', '', '[^1]: As the Tunis Agenda says.', ''].join('\n');

/** Two paragraphs long and particular enough that a copy of them is a borrowing, not a stock phrase. */
const BORROWED = [
	'1. The working group recommends that every regional forum publish its minutes within thirty days, in all official languages, together with the list of delegations present and the documents they tabled.',
	'2. Member States should establish a voluntary fund administered by the secretariat to cover the travel of civil society participants from least developed countries to the sessions of the working group.'
];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let tokens = 0;
const token = () => `page-token-${String(++tokens).padStart(8, '0')}`;
const callForm = (over: Record<string, unknown> = {}) =>
	callInput.parse({
		title: 'Call for draft recommendations',
		questions: 'What is enhanced cooperation?\nWho takes part?\nWhat hinders it?',
		framework: 'A. Implementation (Questions 1 and 2)\nB. Barriers (Question 3)',
		eligibility: 'members_and_observers',
		opensOn: day(-1),
		closesOn: day(10),
		languages: ['en', 'fr'],
		...over
	});
const contributionForm = (over: Record<string, unknown> = {}) => contributionInput.parse({ token: token(), title: 'Our proposals', text: TEXT, lang: 'en', itemCategory: ['A', 'B'], ...over });

/** A form post as the browser sends it, multipart, to feed the editor's steps. */
function post(fields: Record<string, string | string[]>, file?: { name: string; type: string; text: string }): Request {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	if (file) form.append('file', new File([file.text], file.name, { type: file.type }));
	return new Request('http://plenary.test/en/calls/x/contribute', { method: 'POST', body: form });
}

class Done extends Error {
	constructor(readonly value: unknown) {
		super('done');
	}
}
const done = (value: unknown): never => {
	throw new Done(value);
};

describe.each(databaseKinds())('the pages of calls and contributions (%s)', (kind) => {
	let d: Database;
	let db: Db;
	let bodyId: string;
	let callId: string;
	let closedCallId: string;
	const org: Record<string, string> = {};
	const actors = {} as Record<'ru' | 'br' | 'cs' | 'secretariat' | 'outsider', Actor & { userId: string }>;
	let ours: { id: string; slug: string };
	let theirs: { id: string; slug: string };

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const [body] = await db.insert(bodies).values({ slug: 'wg-pages', name: 'Working Group on Pages', shortName: 'WGP', lang: 'en' }).returning();
		bodyId = body.id;
		for (const [slug, name, kindOf, region, group] of [
			['ru', 'Russian Federation', 'member_state', 'Europe', 'government'],
			['br', 'Brazil', 'member_state', 'Americas', 'government'],
			['cs', 'Open Net Society', 'civil_society', null, 'civil_society']
		] as const) {
			const [o] = await db
				.insert(organisations)
				.values({ slug: `org-${slug}`, kind: kindOf, name, region, stakeholderGroup: group, names: slug === 'ru' ? { fr: 'Fédération de Russie' } : {} })
				.returning();
			org[slug] = o.id;
		}
		const seat = async (who: keyof typeof actors, role: 'member' | 'observer' | 'secretariat' | null, organisationId: string | null) => {
			const [p] = await db.insert(persons).values({ slug: `pp-${who}`, name: `Person ${who}` }).returning();
			if (role) await db.insert(memberships).values({ bodyId, role, personId: p.id, organisationId });
			const [u] = await db.insert(users).values({ email: `${who}@pages.example.org`, passwordHash: 'x', displayName: `Person ${who}`, personId: p.id }).returning();
			actors[who] = (await actorForUser(db, u)) as Actor & { userId: string };
		};
		await seat('ru', 'member', org.ru);
		await seat('br', 'member', org.br);
		await seat('cs', 'observer', org.cs);
		await seat('secretariat', 'secretariat', null);
		await seat('outsider', null, null);

		const call = await openCall(db, actors.secretariat, bodyId, callForm());
		if (!call.ok) throw new Error('the call did not open');
		callId = call.value.id;
		const closed = await openCall(db, actors.secretariat, bodyId, callForm({ title: 'An earlier call', opensOn: day(-20), closesOn: day(-5) }));
		if (!closed.ok) throw new Error('the closed call did not open');
		closedCallId = closed.value.id;

		const a = await submitContribution(db, actors.ru, callId, contributionForm({ coSubmitters: [org.br] }));
		const b = await submitContribution(db, actors.cs, callId, contributionForm({ title: 'Observer views', text: BORROWED.join('\n\n'), itemCategory: ['B', ''] }));
		if (!a.ok || !b.ok) throw new Error('the contributions were not submitted');
		ours = a.value;
		theirs = b.value;
	});
	afterAll(async () => {
		await d?.close();
	});

	const accessOf = async (actor: Actor, id: string) => {
		const [c] = await db.select().from(contributions).where(eq(contributions.id, id));
		return { c, access: contributionAccess(actor, c, await submitterRowsOf(db, id)) };
	};

	it('shows a held contribution only to its submitters — a pending co-submitter too — and the secretariat; others get a 404', async () => {
		expect((await setContributionPublished(db, actors.secretariat, ours.id, false)).ok).toBe(true);
		const readers: [Actor, boolean][] = [
			[ANONYMOUS, false],
			[actors.outsider, false],
			[actors.cs, false],
			[actors.ru, true],
			[actors.br, true],
			[actors.secretariat, true]
		];
		for (const [actor, may] of readers) expect((await accessOf(actor, ours.id)).access.mayRead, actor.email ?? 'anonymous').toBe(may);
		await expect(contributionOr404(db, ours.slug, actors.outsider)).rejects.toMatchObject({ status: 404 });
		await expect(contributionOr404(db, ours.slug, ANONYMOUS)).rejects.toMatchObject({ status: 404 });
		expect((await contributionOr404(db, ours.slug, actors.br)).access.mayConfirm).toBe(true);
		// The call's page lists it for the secretariat only.
		expect((await callContributions(db, callId, { includeUnpublished: false })).map((c) => c.id)).not.toContain(ours.id);
		expect((await callContributions(db, callId, { includeUnpublished: true })).map((c) => c.id)).toContain(ours.id);
		expect((await setContributionPublished(db, actors.secretariat, ours.id, true)).ok).toBe(true);
		expect((await accessOf(ANONYMOUS, ours.id)).access.mayRead).toBe(true);
	});

	it('offers revising and withdrawing to who speaks for it, confirming to the pending delegation, managing to the secretariat', async () => {
		const abilitiesOf = async (actor: Actor, phase: 'open' | 'closed' = 'open') => {
			const { c, access } = await accessOf(actor, ours.id);
			return contributionAbilities(actor, c, access, phase);
		};
		expect(await abilitiesOf(actors.ru)).toEqual({ revise: true, withdraw: true, confirm: false, manage: false });
		expect(await abilitiesOf(actors.br)).toEqual({ revise: false, withdraw: false, confirm: true, manage: false });
		expect(await abilitiesOf(actors.secretariat)).toEqual({ revise: true, withdraw: true, confirm: false, manage: true });
		expect(await abilitiesOf(actors.outsider)).toEqual({ revise: false, withdraw: false, confirm: false, manage: false });
		expect(await abilitiesOf(ANONYMOUS)).toEqual({ revise: false, withdraw: false, confirm: false, manage: false });
		// After the deadline only the secretariat revises.
		expect((await abilitiesOf(actors.ru, 'closed')).revise).toBe(false);
		expect((await abilitiesOf(actors.secretariat, 'closed')).revise).toBe(true);
	});

	it('cites the confirmed submitters in the reader’s language, the call, the date, the revision and the address', async () => {
		const c = (await findContributionBySlug(db, ours.slug))!;
		const input = { submitters: c.submitters, title: c.title, callTitle: 'Call for draft recommendations', bodyName: 'Working Group on Pages', date: '2013-12-12', revision: 2, url: `https://plenary.test/en/contributions/${c.slug}` };
		expect(citationLine('en', input)).toBe(`Russian Federation, “Our proposals”, contribution to Call for draft recommendations (12 December 2013), revision 2, https://plenary.test/en/contributions/${c.slug}`);
		const confirmed = input.submitters.map((s) => ({ ...s, confirmed: true }));
		expect(citationLine('en', { ...input, submitters: confirmed })).toMatch(/^Russian Federation and Brazil, /);
		expect(citationLine('fr', { ...input, submitters: confirmed })).toMatch(/^Fédération de Russie et Brazil, .*12 décembre 2013/);
		expect(citationLine('en', { ...input, callTitle: null })).toContain('contribution to Working Group on Pages (12 December 2013)');
	});

	it('keeps the category chosen for an item when the text around it is corrected: same words first, then same number, else none', () => {
		const codes = new Set(['A', 'B']);
		const previous = [
			{ sig: itemSignature('Alpha words.'), number: '1', code: 'A' },
			{ sig: itemSignature('Beta words.'), number: '2', code: 'B' }
		];
		expect(
			chooseCategories(
				[
					{ text: 'Beta   words.', number: '1' },
					{ text: 'Gamma.', number: '2' },
					{ text: 'Alpha words, corrected.', number: '3' }
				],
				previous,
				codes
			)
		).toEqual(['B', '', '']);
		expect(chooseCategories([{ text: 'Alpha, corrected.', number: '1' }], previous, codes)).toEqual(['A']);
		expect(chooseCategories([{ text: 'Alpha words.', number: '1' }], [{ ...previous[0], code: 'Z' }], codes)).toEqual(['']);
	});

	const editor = (actor: Actor & { userId: string }, over: Partial<EditorContext> = {}): EditorContext => ({
		db,
		actor,
		callId,
		bodyId,
		codes: new Set(['A', 'B']),
		secretariat: false,
		closedReason: null,
		...over
	});

	it('previews a typed text as items, converts an upload in its place and keeps the original, and submits what was previewed once', async () => {
		const t = token();
		const typed = (await previewStep(editor(actors.ru), post({ token: t, title: 'Typed', lang: 'en', text: TEXT }))) as { token: string; preview: { items: { number: string | null; category: string; sig: string }[] } };
		expect(typed.token).toBe(t);
		expect(typed.preview.items.map((i) => [i.number, i.category])).toEqual([
			['1', ''],
			['2', '']
		]);

		const uploaded = (await previewStep(
			editor(actors.ru),
			post({ token: t, title: 'Typed', lang: 'en', text: TEXT, itemSig: typed.preview.items.map((i) => i.sig), itemNumber: ['1', '2'], itemCategory: ['A', 'B'] }, { name: 'ours.md', type: 'text/markdown', text: `${TEXT}\n3. A third proposal on access.\n` })
		)) as unknown as { values: { text: string }; preview: { converted: boolean; file: { name: string } | null; items: { category: string }[] } };
		expect(uploaded.preview.converted).toBe(true);
		expect(uploaded.preview.file?.name).toBe('ours.md');
		expect(uploaded.values.text).toContain('A third proposal on access.');
		// The categories follow their items; the new item starts with none.
		expect(uploaded.preview.items.map((i) => i.category)).toEqual(['A', 'B', '']);

		// Submitting categories for two items while the text now has three: previewed again, nothing written.
		const stale = await submitStep(editor(actors.ru), post({ token: t, title: 'Uploaded', lang: 'en', text: uploaded.values.text, itemCategory: ['A', 'B'] }), contributionInput, (input) => submitContribution(db, actors.ru, callId, input), done);
		expect(stale).toMatchObject({ status: 400, data: { problems: { _form: { key: 'contributions.error.previewAgain' } }, token: t } });
		expect((stale as { data: { preview: { items: unknown[] } } }).data.preview.items).toHaveLength(3);

		const submit = () =>
			submitStep(editor(actors.ru), post({ token: t, title: 'Uploaded', lang: 'en', text: uploaded.values.text, itemCategory: ['A', 'B', 'A'] }), contributionInput, (input) => submitContribution(db, actors.ru, callId, input), done);
		const first = await submit().catch((e) => e);
		const second = await submit().catch((e) => e);
		expect(first).toBeInstanceOf(Done);
		expect(second).toBeInstanceOf(Done);
		const id = ((first as Done).value as { id: string }).id;
		expect(((second as Done).value as { id: string }).id).toBe(id);
		const original = await originalOfRevision(db, id, 1);
		expect(original?.name).toBe('ours.md');
		expect(original?.mediaType).toMatch(/^text\/markdown/);
		expect(Buffer.from(original!.bytes).toString('utf8')).toContain('A third proposal on access.');
		expect((await revisionsOf(db, id)).map((r) => [r.number, r.file?.name])).toEqual([[1, 'ours.md']]);
	});

	it('refuses an empty text, an unreadable file and a closed call with a reason, keeping what was typed', async () => {
		const empty = await previewStep(editor(actors.ru), post({ token: token(), title: 'Nothing', text: '  ' }));
		expect(empty).toMatchObject({ status: 400, data: { problems: { text: { key: 'contributions.error.textOrFile' } } } });
		const binary = await previewStep(editor(actors.ru), post({ token: token(), title: 'Broken', text: TEXT }, { name: 'broken.docx', type: 'application/octet-stream', text: 'not a zip at all' }));
		expect(binary).toMatchObject({ status: 400, data: { problems: { file: { key: expect.stringMatching(/^contributions\.upload\.error\./) } }, values: { text: TEXT } } });
		const closed = await submitStep(
			editor(actors.ru, { callId: closedCallId }),
			post({ token: token(), title: 'Too late', lang: 'en', text: TEXT, itemCategory: ['A', 'B'] }),
			contributionInput,
			(input) => submitContribution(db, actors.ru, closedCallId, input),
			done
		);
		expect(closed).toMatchObject({ status: 403, data: { problems: { _form: { key: 'contributions.refused.closed' } }, values: { title: 'Too late' } } });
		const previewClosed = await previewStep(editor(actors.ru, { callId: closedCallId, closedReason: 'closed' }), post({ token: token(), title: 'Too late', text: TEXT }));
		expect(previewClosed).toMatchObject({ status: 403, data: { problems: { _form: { key: 'contributions.refused.closed' } } } });
	});

	it('shows, while writing, the contribution two of whose paragraphs were pasted first, with both passages', async () => {
		const preview = await buildPreview(db, {
			bodyId,
			text: ['1. Our own opening words on a different matter entirely.', '', BORROWED[0].replace(/^1\./, '2.'), '', BORROWED[1].replace(/^2\./, '3.')].join('\n'),
			previous: [],
			codes: new Set(['A', 'B']),
			token: token(),
			userId: actors.br.userId,
			includeUnpublished: false
		});
		expect(preview.similar[0]?.slug).toBe(theirs.slug);
		expect(preview.similar[0].passages).toHaveLength(2);
		expect(preview.similar[0].percent).toBeGreaterThan(50);
		expect(preview.similar[0].passages[0].here).toContain('regional forum publish its minutes');
	});

	it('lists published contributions filtered by call, category, submitter, stakeholder group, region, date and status', async () => {
		const ids = async (filter: Parameters<typeof pageOfPublishedContributions>[1]) => (await pageOfPublishedContributions(db, filter, { limit: 50, offset: 0 })).rows.map((r) => r.title).sort();
		const [catA, catB] = await categoriesOfCalls(db, [callId]);
		expect(await ids({ callId })).toEqual(['Observer views', 'Our proposals', 'Uploaded']);
		expect(await ids({ callId: closedCallId })).toEqual([]);
		expect(await ids({ categoryId: catB.id })).toEqual(['Observer views', 'Our proposals', 'Uploaded']);
		expect(await ids({ categoryId: catA.id })).toEqual(['Our proposals', 'Uploaded']);
		expect(await ids({ organisationId: org.cs })).toEqual(['Observer views']);
		// Brazil has not confirmed: it is not yet a submitter.
		expect(await ids({ organisationId: org.br })).toEqual([]);
		expect(await ids({ stakeholderGroup: 'government' })).toEqual(['Our proposals', 'Uploaded']);
		expect(await ids({ stakeholderGroup: 'civil_society' })).toEqual(['Observer views']);
		expect(await ids({ region: 'Europe' })).toEqual(['Our proposals', 'Uploaded']);
		expect(await ids({ region: 'Americas' })).toEqual([]);
		expect(await ids({ from: day(1) })).toEqual([]);
		expect(await ids({ from: day(-1), to: day(1) })).toHaveLength(3);
		expect(await ids({ status: 'withdrawn' })).toEqual([]);
		const page = await pageOfPublishedContributions(db, { callId }, { limit: 2, offset: 2 });
		expect([page.total, page.rows.length]).toEqual([3, 1]);
		// Held ones are never listed.
		await setContributionPublished(db, actors.secretariat, theirs.id, false);
		expect(await ids({ callId })).toEqual(['Our proposals', 'Uploaded']);
		await setContributionPublished(db, actors.secretariat, theirs.id, true);
	});

	it('shows the lineage of a merge both ways, and compares two revisions word by word', async () => {
		expect((await mergeContribution(db, actors.secretariat, theirs.id, ours.id)).ok).toBe(true);
		const [mine] = await db.select().from(contributions).where(eq(contributions.id, ours.id));
		const [merged] = await db.select().from(contributions).where(eq(contributions.id, theirs.id));
		expect((await lineageOf(db, merged)).into?.slug).toBe(ours.slug);
		expect((await lineageOf(db, mine)).from.map((l) => l.slug)).toEqual([theirs.slug]);

		const revised = await reviseContribution(db, actors.ru, ours.id, revisionInput.parse({ token: token(), title: 'Our proposals', text: TEXT.replace('on an equal footing', 'on an equal footing, in their respective roles'), itemCategory: ['A', 'B'] }));
		expect(revised.ok).toBe(true);
		const rows = compareRevisionTexts(TEXT, TEXT.replace('on an equal footing', 'on an equal footing, in their respective roles'));
		const changed = rows.filter((r) => r.state !== 'same');
		expect(changed.map((r) => [r.state, r.numberAfter])).toEqual([['changed', '1']]);
		expect(changed[0].segments.filter((s) => s.kind === 'ins').map((s) => s.text)).toEqual([', in their respective roles']);
		expect(changed[0].segments.filter((s) => s.kind === 'del')).toEqual([]);

		expect((await withdrawContribution(db, actors.ru, ours.id)).ok).toBe(true);
		const { c, access } = await accessOf(actors.ru, ours.id);
		expect(contributionAbilities(actors.ru, c, access, 'open')).toMatchObject({ revise: false, withdraw: false });
		expect(await pageOfPublishedContributions(db, { status: 'withdrawn' }, { limit: 50, offset: 0 })).toMatchObject({ total: 1 });
	});

	it('sends an original as an attachment under its stored type, never sniffed, with its name safe in both forms', () => {
		const h = attachmentHeaders({ name: 'Propuesta «final» (v2).docx', mediaType: 'application/pdf', bytes: new Uint8Array(3) });
		expect(h['Content-Type']).toBe('application/pdf');
		expect(h['X-Content-Type-Options']).toBe('nosniff');
		expect(h['Content-Disposition']).toBe(`attachment; filename="Propuesta _final_ (v2).docx"; filename*=UTF-8''Propuesta%20%C2%ABfinal%C2%BB%20%28v2%29.docx`);
		expect(attachmentHeaders({ name: 'a"b\\c.txt', mediaType: 'text/plain', bytes: new Uint8Array(0) })['Content-Disposition']).toContain('filename="a_b_c.txt"');
	});
});
