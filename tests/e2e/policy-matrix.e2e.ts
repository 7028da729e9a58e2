import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, POLICIES, type Action } from '../../src/lib/core/policies/policies';
import type { Actor } from '../../src/lib/core/shared/actor';
import type { MembershipRole } from '../../src/lib/core/shared/vocabulary';
import { slugify } from '../../src/lib/core/shared/slug';
import { baseUrl, checkAccessibility, launchBrowser } from '../helpers/browser';
import { administrator, api, bodyId, getPage, meetingsOf, newPerson, organisationIdOf, personOf, postForm, registerByPost, signInByPost } from '../helpers/people';

/**
 * The policy matrix, walked in the browser's terms: for every role and every action declared in
 * POLICIES, the page that offers the action answers 200 or 403, the button that leads there is
 * shown or not, and the form post that performs it works or answers 403 and changes nothing —
 * exactly as `can()` says from the same declarations. Adding a policy without a row here fails.
 */

const BODY = 'wgec-2016-2018';
const DRAFT_SLUG = 'wgec-2016-2018-chair-draft-2017-11-11';
const DRAFT = `/en/documents/${DRAFT_SLUG}`;
/** The delegation the member acts for, so that they may propose amendments. */
const DELEGATION = 'Russian Federation';
const OTHER_BODY = 'wgec-2013-2014';
const TAG = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

interface Role {
	key: string;
	label: string;
	signedIn: boolean;
	isAdmin?: boolean;
	seat?: { body: string; role: MembershipRole; delegation?: boolean };
}

/** From nobody to the administrator; seats are in WGEC 2016–2018 unless said otherwise. */
const ROLES: Role[] = [
	{ key: 'anonymous', label: 'an anonymous visitor', signedIn: false },
	{ key: 'registered', label: 'a registered person without a seat', signedIn: true },
	{ key: 'member', label: 'a member of WGEC 2016–2018 (for a delegation)', signedIn: true, seat: { body: BODY, role: 'member', delegation: true } },
	{ key: 'observer', label: 'an observer of WGEC 2016–2018', signedIn: true, seat: { body: BODY, role: 'observer' } },
	{ key: 'chair', label: 'the chair of WGEC 2016–2018', signedIn: true, seat: { body: BODY, role: 'chair' } },
	{ key: 'otherSecretariat', label: 'the secretariat of WGEC 2013–2014', signedIn: true, seat: { body: OTHER_BODY, role: 'secretariat' } },
	{ key: 'secretariat', label: 'the secretariat of WGEC 2016–2018', signedIn: true, seat: { body: BODY, role: 'secretariat' } },
	{ key: 'admin', label: 'an administrator', signedIn: true, isAdmin: true }
];

/** What the matrix acts on: records made for it in `beforeAll`, so no other journey's data is touched. */
interface Fixture {
	bodyIds: Record<string, string>;
	/** WGEC 2016–2018 as the API shows it, to post its own values back. */
	body: { name: string; shortName: string; mandate: string; lang: string; periodStart: string | null; periodEnd: string | null };
	/** A body in which nobody holds a seat: only who may read every log may read its log. */
	seatless: string;
	organisation: string;
	person: { slug: string; id: string };
	membership: string;
	meeting: { number: number; id: string };
	/** A registered user the administrator may make administrator (and back). */
	user: { id: string; request: APIRequestContext };
	/** An amendment the member's delegation proposed to the Chair's draft, and a comment on a paragraph. */
	amendment: number;
	comment: string;
	/** A call for contributions on WGEC 2016–2018 that anyone with an account may answer. */
	call: string;
	/** An open questionnaire of WGEC 2016–2018 that anyone may answer. */
	questionnaire: string;
}

/** Where a role finds an action offered: a link to the action's page, or a form's button. */
type Offer = { from: string } & ({ href: string } | { form: string; id: string });

interface Post {
	path: string;
	fields: Record<string, string>;
}

interface Row {
	/** The page (GET) on which the action is done. */
	page: (f: Fixture) => string;
	/** The page is public (everyone reads it); only its button and its post follow the policy. */
	publicPage?: boolean;
	/** Where a role is offered the action, if anywhere. */
	offer?: (f: Fixture) => Offer;
	/** A visitor who is not signed in is sent to sign in rather than refused (default: 403). */
	visitorSignsIn?: boolean;
	/** The form post that does it; a view has none. */
	post?: {
		/** For allowed pairs: a record of their own to act on (deletes), made by the administrator. */
		prepare?: (f: Fixture, n: number) => Promise<string>;
		/** The post; `target` is the prepared record, or the fixture's when refused. */
		build: (f: Fixture, n: number, target?: string) => Post;
		/** Whether the post's change is visible (through the open-data API or the target's own session). */
		happened: (f: Fixture, n: number, target?: string) => Promise<boolean>;
		/** Puts back what an allowed post changed in a record others read. */
		undo?: (f: Fixture, n: number) => Promise<void>;
	};
}

let admin: APIRequestContext;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const callFields = (title: string) => ({
	title,
	questions: 'What should the group recommend?',
	framework: 'A. Recommendations (Question 1)',
	eligibility: 'anyone',
	opensOn: day(-1),
	closesOn: day(30),
	languages: 'en'
});
/** A one-question questionnaire as the builder posts it, open from yesterday for a month. */
const questionnaireFields = (title: string) => ({
	'title.en': title,
	originalLang: 'en',
	languages: 'en',
	opensOn: day(-1),
	closesOn: day(30),
	k: '5',
	's0.id': '',
	's0.q0.kind': 'long_text',
	's0.q0.text.en': 'What should the group recommend?'
});
const bodyFields = (f: Fixture, mandate: string) => ({
	name: f.body.name,
	shortName: f.body.shortName,
	slug: BODY,
	mandate,
	lang: f.body.lang,
	periodStart: f.body.periodStart ?? '',
	periodEnd: f.body.periodEnd ?? ''
});
const mark = (n: number) => `matrix ${TAG} ${n}`;
const slugOf = (kind: string, n: number) => `matrix-${kind}-${TAG}-${n}`;
let meetingNumber = 9000;

async function membershipsOfBody(): Promise<{ id: string; note: string | null }[]> {
	return (await api<{ data: { id: string; note: string | null }[] }>(`/memberships?body=${BODY}&limit=1000`)).body.data;
}

/** Makes a seat for the fixture's person with a unique note (administrator), and returns its id. */
async function makeSeat(f: Fixture, note: string): Promise<string> {
	const response = await postForm(admin, `/en/admin/bodies/${BODY}/memberships/new`, { role: 'observer', personId: f.person.id, note });
	expect(response.status(), 'the administrator gives a seat').toBe(303);
	const seat = (await membershipsOfBody()).find((m) => m.note === note);
	expect(seat, note).toBeDefined();
	return seat!.id;
}

/** Adds a meeting to WGEC 2016–2018 (administrator) and returns its number. */
async function makeMeeting(): Promise<number> {
	const number = ++meetingNumber;
	const response = await postForm(admin, `/en/admin/bodies/${BODY}/meetings/new`, { number: String(number), startsOn: '2031-03-02', venue: `Matrix ${TAG}` });
	expect(response.status(), 'the administrator adds a meeting').toBe(303);
	return number;
}

/** One row per action: the page, the offer, the post. */
const ROWS: Record<Action, Row> = {
	'body.create': {
		page: () => '/en/admin/bodies/new',
		offer: () => ({ from: '/en/admin', href: '/en/admin/bodies/new' }),
		post: {
			build: (_f, n) => ({ path: '/en/admin/bodies/new', fields: { name: `Matrix body ${mark(n)}`, shortName: `Matrix ${n}`, slug: slugOf('body', n), lang: 'en' } }),
			happened: async (_f, n) => (await api(`/bodies/${slugOf('body', n)}`)).status === 200
		}
	},
	'body.update': {
		page: () => `/en/admin/bodies/${BODY}`,
		offer: () => ({ from: `/en/bodies/${BODY}`, href: `/en/admin/bodies/${BODY}` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/bodies/${BODY}?/update`, fields: bodyFields(f, `${f.body.mandate} (${mark(n)})`) }),
			happened: async (_f, n) => (await api<{ mandate: string }>(`/bodies/${BODY}`)).body.mandate.endsWith(`(${mark(n)})`),
			undo: async (f) => {
				expect((await postForm(admin, `/en/admin/bodies/${BODY}?/update`, bodyFields(f, f.body.mandate))).status()).toBe(303);
			}
		}
	},
	'organisation.create': {
		page: () => '/en/admin/organisations/new',
		offer: () => ({ from: '/en/admin/organisations', href: '/en/admin/organisations/new' }),
		post: {
			build: (_f, n) => ({ path: '/en/admin/organisations/new', fields: { kind: 'civil_society', name: `Matrix organisation ${mark(n)}`, slug: slugOf('org', n) } }),
			happened: async (_f, n) => (await api(`/organisations/${slugOf('org', n)}`)).status === 200
		}
	},
	'organisation.update': {
		page: (f) => `/en/admin/organisations/${f.organisation}`,
		offer: (f) => ({ from: '/en/admin/organisations', href: `/en/admin/organisations/${f.organisation}` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/organisations/${f.organisation}`, fields: { kind: 'civil_society', name: `Matrix organisation ${mark(n)}`, slug: f.organisation } }),
			happened: async (f, n) => (await api<{ name: string }>(`/organisations/${f.organisation}`)).body.name === `Matrix organisation ${mark(n)}`
		}
	},
	'person.create': {
		page: () => '/en/admin/people/new',
		offer: () => ({ from: '/en/admin/people', href: '/en/admin/people/new' }),
		post: {
			build: (_f, n) => ({ path: '/en/admin/people/new', fields: { name: `Matrix person ${mark(n)}`, slug: slugOf('person', n) } }),
			happened: async (_f, n) => (await api(`/persons/${slugOf('person', n)}`)).status === 200
		}
	},
	'person.update': {
		page: (f) => `/en/admin/people/${f.person.slug}`,
		offer: (f) => ({ from: '/en/admin/people', href: `/en/admin/people/${f.person.slug}` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/people/${f.person.slug}`, fields: { name: `Matrix person ${mark(n)}`, slug: f.person.slug } }),
			happened: async (f, n) => (await api<{ name: string }>(`/persons/${f.person.slug}`)).body.name === `Matrix person ${mark(n)}`
		}
	},
	'membership.create': {
		page: () => `/en/admin/bodies/${BODY}/memberships/new`,
		offer: () => ({ from: `/en/admin/bodies/${BODY}`, href: `/en/admin/bodies/${BODY}/memberships/new` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/bodies/${BODY}/memberships/new`, fields: { role: 'observer', personId: f.person.id, note: mark(n) } }),
			happened: async (_f, n) => (await membershipsOfBody()).some((m) => m.note === mark(n))
		}
	},
	'membership.update': {
		page: (f) => `/en/admin/bodies/${BODY}/memberships/${f.membership}`,
		offer: (f) => ({ from: `/en/admin/bodies/${BODY}`, href: `/en/admin/bodies/${BODY}/memberships/${f.membership}` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/bodies/${BODY}/memberships/${f.membership}?/update`, fields: { role: 'observer', personId: f.person.id, note: mark(n) } }),
			happened: async (f, n) => (await membershipsOfBody()).some((m) => m.id === f.membership && m.note === mark(n))
		}
	},
	'membership.delete': {
		page: (f) => `/en/admin/bodies/${BODY}/memberships/${f.membership}`,
		offer: (f) => ({ from: `/en/admin/bodies/${BODY}`, form: '?/deleteMembership', id: f.membership }),
		post: {
			prepare: (f, n) => makeSeat(f, `${mark(n)} (to delete)`),
			build: (f, _n, target) => ({ path: `/en/admin/bodies/${BODY}/memberships/${target ?? f.membership}?/delete`, fields: { confirm: 'yes' } }),
			happened: async (f, _n, target) => !(await membershipsOfBody()).some((m) => m.id === (target ?? f.membership))
		}
	},
	'meeting.create': {
		page: () => `/en/admin/bodies/${BODY}/meetings/new`,
		offer: () => ({ from: `/en/bodies/${BODY}`, href: `/en/admin/bodies/${BODY}/meetings/new` }),
		post: {
			// The number is reserved up front so that a refused post and an allowed one never share it.
			build: (_f, n) => ({ path: `/en/admin/bodies/${BODY}/meetings/new`, fields: { number: String(9500 + n), startsOn: '2031-03-01', venue: mark(n) } }),
			happened: async (_f, n) => (await meetingsOf(BODY)).some((m) => m.number === 9500 + n)
		}
	},
	'meeting.update': {
		page: (f) => `/en/admin/bodies/${BODY}/meetings/${f.meeting.number}`,
		offer: (f) => ({ from: `/en/bodies/${BODY}/meetings/${f.meeting.number}`, href: `/en/admin/bodies/${BODY}/meetings/${f.meeting.number}` }),
		post: {
			build: (f, n) => ({ path: `/en/admin/bodies/${BODY}/meetings/${f.meeting.number}?/update`, fields: { number: String(f.meeting.number), startsOn: '2031-03-02', venue: mark(n) } }),
			happened: async (f, n) => (await meetingsOf(BODY)).some((m) => m.number === f.meeting.number && m.venue === mark(n))
		}
	},
	'meeting.delete': {
		page: (f) => `/en/admin/bodies/${BODY}/meetings/${f.meeting.number}`,
		offer: (f) => ({ from: `/en/admin/bodies/${BODY}`, form: '?/deleteMeeting', id: f.meeting.id }),
		post: {
			prepare: async () => String(await makeMeeting()),
			build: (f, _n, target) => ({ path: `/en/admin/bodies/${BODY}/meetings/${target ?? f.meeting.number}?/delete`, fields: { confirm: 'yes' } }),
			happened: async (f, _n, target) => !(await meetingsOf(BODY)).some((m) => m.number === Number(target ?? f.meeting.number))
		}
	},
	'audit.view': {
		page: () => `/en/audit?body=${BODY}`,
		offer: () => ({ from: `/en/bodies/${BODY}`, href: `/en/audit?body=${BODY}` })
	},
	'audit.viewAll': {
		// Reading every log includes the log of a body in which one holds no seat.
		page: (f) => `/en/audit?body=${f.seatless}`,
		offer: (f) => ({ from: `/en/bodies/${f.seatless}`, href: `/en/audit?body=${f.seatless}` })
	},
	'outbox.view': {
		page: () => '/en/admin/outbox',
		offer: () => ({ from: '/en/admin', href: '/en/admin/outbox' })
	},
	'user.list': {
		page: () => '/en/admin/users',
		offer: () => ({ from: '/en/admin', href: '/en/admin/users' })
	},
	'user.update': {
		page: () => '/en/admin/users',
		offer: (f) => ({ from: '/en/admin/users', form: '?/setAdministrator', id: f.user.id }),
		post: {
			build: (f) => ({ path: '/en/admin/users?/setAdministrator', fields: { userId: f.user.id, isAdmin: 'true' } }),
			// Made administrator, the user may open the users list.
			happened: async (f) => (await getPage(f.user.request, '/en/admin/users')).status() === 200,
			undo: async (f) => {
				expect((await postForm(admin, '/en/admin/users?/setAdministrator', { userId: f.user.id, isAdmin: 'false' })).status()).toBe(303);
			}
		}
	},
	'account.view': {
		page: () => '/en/account',
		offer: () => ({ from: '/en', href: '/en/account' }),
		visitorSignsIn: true
	},
	'call.create': {
		page: () => `/en/bodies/${BODY}/calls/new`,
		offer: () => ({ from: `/en/bodies/${BODY}`, href: `/en/bodies/${BODY}/calls/new` }),
		post: {
			build: (_f, n) => ({ path: `/en/bodies/${BODY}/calls/new`, fields: callFields(`Matrix call ${mark(n)}`) }),
			happened: async (_f, n) => (await getPage(admin, `/en/calls/${slugify(`Matrix call ${mark(n)}`)}`)).status() === 200
		}
	},
	'call.update': {
		page: (f) => `/en/calls/${f.call}/edit`,
		offer: (f) => ({ from: `/en/calls/${f.call}`, href: `/en/calls/${f.call}/edit` })
	},
	// Who may answer is the call's own rule; the matrix's call lets anyone with an account answer.
	'contribution.submit': {
		page: (f) => `/en/calls/${f.call}/contribute`,
		offer: (f) => ({ from: `/en/calls/${f.call}`, href: `/en/calls/${f.call}/contribute` }),
		visitorSignsIn: true
	},
	// Revising, withdrawing and confirming also need the actor to be a submitter or a named
	// co-submitter: the integration tests (tests/integration/contributions.test.ts) walk those rules.
	'contribution.revise': { page: () => '/en/contributions', publicPage: true },
	'contribution.withdraw': { page: () => '/en/contributions', publicPage: true },
	'contribution.confirm': { page: () => '/en/contributions', publicPage: true },
	'contribution.manage': { page: (f) => `/en/calls/${f.call}`, publicPage: true },
	'compilation.generate': {
		page: (f) => `/en/calls/${f.call}`,
		publicPage: true,
		offer: (f) => ({ from: `/en/calls/${f.call}`, form: '?/generate', id: f.call })
	},
	'version.create': {
		// Publishing changes the demo draft for every journey: the drafting journey and the integration tests publish.
		page: () => `${DRAFT}/versions/new`,
		offer: () => ({ from: DRAFT, href: `${DRAFT}/versions/new` })
	},
	'amendment.propose': {
		page: () => `${DRAFT}/amendments/new`,
		offer: () => ({ from: DRAFT, href: `${DRAFT}/amendments/new` }),
		post: {
			prepare: async () => String((await api<{ latestVersion: number }>(`/documents/${DRAFT_SLUG}`)).body.latestVersion),
			build: (_f, n, version) => ({ path: `${DRAFT}/amendments/new`, fields: { version: version ?? '1', kind: 'replace', targetKey: 'rec-p19', resultText: `The WGEC further recommends ${mark(n)}.` } }),
			happened: async (_f, n) => (await (await getPage(admin, `${DRAFT}/amendments`)).text()).includes(mark(n))
		}
	},
	'amendment.withdraw': {
		page: (f) => `${DRAFT}/amendments/${f.amendment}`,
		publicPage: true,
		offer: (f) => ({ from: `${DRAFT}/amendments/${f.amendment}`, form: '?/withdraw', id: String(f.amendment) })
	},
	'amendment.decide': {
		page: (f) => `${DRAFT}/amendments/${f.amendment}`,
		publicPage: true,
		offer: (f) => ({ from: `${DRAFT}/amendments/${f.amendment}`, form: '?/decide', id: String(f.amendment) })
	},
	'comment.create': {
		page: () => `${DRAFT}/units/rec-p19`,
		publicPage: true,
		offer: () => ({ from: `${DRAFT}/units/rec-p19`, form: '?/comment', id: 'rec-p19' }),
		post: {
			build: (_f, n) => ({ path: `${DRAFT}/units/rec-p19?/comment`, fields: { text: `Comment ${mark(n)}` } }),
			happened: async (_f, n) => (await (await getPage(admin, `${DRAFT}/units/rec-p19`)).text()).includes(`Comment ${mark(n)}`)
		}
	},
	'comment.resolve': {
		page: () => `${DRAFT}/units/rec-p19`,
		publicPage: true,
		offer: (f) => ({ from: `${DRAFT}/units/rec-p19`, form: '?/resolve', id: f.comment })
	},
	'questionnaire.create': {
		page: () => `/en/bodies/${BODY}/questionnaires/new`,
		offer: () => ({ from: `/en/bodies/${BODY}`, href: `/en/bodies/${BODY}/questionnaires/new` }),
		post: {
			build: (_f, n) => ({ path: `/en/bodies/${BODY}/questionnaires/new`, fields: questionnaireFields(`Matrix questionnaire ${mark(n)}`) }),
			happened: async (_f, n) => (await getPage(admin, `/en/questionnaires/${slugify(`Matrix questionnaire ${mark(n)}`)}`)).status() === 200
		}
	},
	'questionnaire.update': {
		page: (f) => `/en/questionnaires/${f.questionnaire}/edit`,
		offer: (f) => ({ from: `/en/questionnaires/${f.questionnaire}`, href: `/en/questionnaires/${f.questionnaire}/edit` })
	},
	// Before the questionnaire closes, its analysis is the secretariat's working view.
	'questionnaire.analyse': {
		page: (f) => `/en/questionnaires/${f.questionnaire}/analysis`,
		offer: (f) => ({ from: `/en/questionnaires/${f.questionnaire}`, href: `/en/questionnaires/${f.questionnaire}/analysis` })
	},
	// Who may answer is the questionnaire's own rule: the matrix's needs no account.
	'questionnaire.respond': {
		page: (f) => `/en/questionnaires/${f.questionnaire}/answer`,
		offer: (f) => ({ from: `/en/questionnaires/${f.questionnaire}`, href: `/en/questionnaires/${f.questionnaire}/answer` })
	}
};

/** Whether the HTML offers the action: a link to its page, or the form's button for the record. */
function offers(html: string, offer: Offer): boolean {
	const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	if ('href' in offer) return new RegExp(`<a\\b[^>]*\\shref="${attr(offer.href)}"`).test(html);
	const forms = html.match(new RegExp(`<form\\b[^>]*\\saction="${attr(offer.form)}"[^>]*>[\\s\\S]*?</form>`, 'g')) ?? [];
	return forms.some((f) => f.includes(`value="${offer.id}"`) && /<button\b/.test(f));
}

let browser: Browser;
let fixture: Fixture;
const sessions = new Map<string, { context: BrowserContext; request: APIRequestContext; actor: Actor }>();
const scanned = new Set<string>();
let serial = 0;

/** A browser context of its own, signed in or registered as asked. */
async function newSession(): Promise<{ context: BrowserContext; request: APIRequestContext }> {
	const context = await browser.newContext({ baseURL: baseUrl() });
	return { context, request: context.request };
}

/** The user id of a registered e-mail address, as the administrator's users list shows it. */
async function userIdOf(email: string): Promise<string> {
	const html = await (await getPage(admin, '/en/admin/users')).text();
	const row = html.split('<tr').find((r) => r.includes(`>${email}<`));
	const id = row?.match(/name="userId" value="([0-9a-f-]{36})"/)?.[1];
	expect(id, `the users list shows ${email}`).toBeDefined();
	return id!;
}

beforeAll(async () => {
	browser = await launchBrowser();
	const adminSession = await newSession();
	admin = adminSession.request;
	await signInByPost(admin, administrator().email, administrator().password);

	const bodyIds: Record<string, string> = { [BODY]: await bodyId(BODY), [OTHER_BODY]: await bodyId(OTHER_BODY) };

	// Everyone registers through the form post; the administrator gives the seats through the memberships form.
	for (const role of ROLES) {
		if (role.key === 'admin') {
			sessions.set(role.key, { ...adminSession, actor: { userId: 'admin', personId: null, email: null, displayName: null, isAdmin: true, memberships: [] } });
			continue;
		}
		const session = await newSession();
		const memberships = role.seat ? [{ bodyId: bodyIds[role.seat.body], role: role.seat.role }] : [];
		if (role.signedIn) {
			const person = newPerson(`Matrix ${role.key}`);
			await registerByPost(session.request, person);
			if (role.seat) {
				const { id } = await personOf(person);
				const delegation: Record<string, string> = role.seat.delegation ? { organisationId: await organisationIdOf(DELEGATION) } : {};
				const response = await postForm(admin, `/en/admin/bodies/${role.seat.body}/memberships/new`, { role: role.seat.role, personId: id, ...delegation });
				expect(response.status(), `${role.label}: the seat is given`).toBe(303);
			}
		}
		sessions.set(role.key, { ...session, actor: { userId: role.signedIn ? role.key : null, personId: null, email: null, displayName: null, isAdmin: false, memberships } });
	}

	// The records the matrix acts on.
	const seatless = `matrix-seatless-${TAG}`;
	expect((await postForm(admin, '/en/admin/bodies/new', { name: `Matrix seatless body ${TAG}`, shortName: `Seatless ${TAG}`, slug: seatless, lang: 'en' })).status()).toBe(303);
	const organisation = `matrix-target-org-${TAG}`;
	expect((await postForm(admin, '/en/admin/organisations/new', { kind: 'civil_society', name: `Matrix target organisation ${TAG}`, slug: organisation })).status()).toBe(303);
	const personSlug = `matrix-target-person-${TAG}`;
	expect((await postForm(admin, '/en/admin/people/new', { name: `Matrix target person ${TAG}`, slug: personSlug })).status()).toBe(303);
	const person = { slug: personSlug, id: (await api<{ id: string }>(`/persons/${personSlug}`)).body.id };
	const target = newPerson('Matrix target user');
	const targetSession = await newSession();
	await registerByPost(targetSession.request, target);
	const { body } = await api<Fixture['body']>(`/bodies/${BODY}`);

	fixture = {
		bodyIds,
		body,
		seatless,
		organisation,
		person,
		membership: '',
		meeting: { number: 0, id: '' },
		user: { id: await userIdOf(target.email), request: targetSession.request },
		amendment: 0,
		comment: '',
		call: slugify(`Matrix call ${TAG}`),
		questionnaire: slugify(`Matrix questionnaire ${TAG}`)
	};
	expect((await postForm(admin, `/en/bodies/${BODY}/questionnaires/new`, questionnaireFields(`Matrix questionnaire ${TAG}`))).status(), 'the administrator builds a questionnaire').toBe(303);
	expect((await postForm(admin, `/en/bodies/${BODY}/calls/new`, callFields(`Matrix call ${TAG}`))).status(), 'the administrator opens a call').toBe(303);
	// The member's delegation proposes an amendment and comments on recommendation 19.
	const member = sessions.get('member')!.request;
	const version = (await api<{ latestVersion: number }>(`/documents/${DRAFT_SLUG}`)).body.latestVersion;
	const proposed = await postForm(member, `${DRAFT}/amendments/new`, { version: String(version), kind: 'replace', targetKey: 'rec-p19', resultText: `The WGEC further recommends ${mark(0)}.` });
	expect(proposed.status(), 'the member proposes an amendment').toBe(303);
	fixture.amendment = Number(/amendments\/(\d+)/.exec(proposed.headers()['location'] ?? '')?.[1]);
	const commented = await postForm(member, `${DRAFT}/units/rec-p19?/comment`, { text: `Comment ${mark(0)}` });
	expect(commented.status(), 'the member comments').toBe(303);
	fixture.comment = /#comment-([0-9a-f-]{36})/.exec(commented.headers()['location'] ?? '')?.[1] ?? '';
	fixture.membership = await makeSeat(fixture, `${mark(0)} (target)`);
	const number = await makeMeeting();
	fixture.meeting = { number, id: (await meetingsOf(BODY)).find((m) => m.number === number)!.id };
});

afterAll(async () => {
	await browser?.close();
});

describe('the policy matrix', () => {
	it('has a row for every action the policies declare, and none for actions they do not', () => {
		expect(Object.keys(ROWS).sort()).toEqual(Object.keys(POLICIES).sort());
	});

	describe.each(ROLES.map((r) => [r.label, r] as const))('%s', (_label, role) => {
		it.each(ACTIONS)('%s: the page, the button and the form post follow the policy', async (action) => {
			const row = ROWS[action];
			expect(row, `the matrix has no row for ${action}; add one`).toBeDefined();
			const session = sessions.get(role.key)!;
			const allowed = can(session.actor, action, fixture.bodyIds[BODY]);

			// The page on which the action is done.
			const path = row.page(fixture);
			const response = await getPage(session.request, path);
			if (allowed || row.publicPage) {
				expect(response.status(), `${path} for ${role.label}`).toBe(200);
				if (!scanned.has(path)) {
					scanned.add(path);
					const page = await session.context.newPage();
					try {
						await page.goto(new URL(path, baseUrl()).toString(), { waitUntil: 'load' });
						await checkAccessibility(page);
					} finally {
						await page.close();
					}
				}
			} else if (!role.signedIn && row.visitorSignsIn) {
				expect(response.status(), `${path} for ${role.label}`).toBe(303);
				expect(response.headers()['location']).toMatch(/^\/en\/sign-in\?next=/);
			} else {
				expect(response.status(), `${path} for ${role.label}`).toBe(403);
			}

			// The button or link that leads there.
			if (row.offer) {
				const offer = row.offer(fixture);
				const from = await getPage(session.request, offer.from);
				if (allowed) {
					expect(from.status(), `${offer.from} for ${role.label}`).toBe(200);
					expect(offers(await from.text(), offer), `${offer.from} offers ${action} to ${role.label}`).toBe(true);
				} else if (from.status() === 200) {
					expect(offers(await from.text(), offer), `${offer.from} offers ${action} to ${role.label}`).toBe(false);
				}
			}

			// The form post that does it.
			if (row.post) {
				const n = ++serial;
				const target = allowed && row.post.prepare ? await row.post.prepare(fixture, n) : undefined;
				const post = row.post.build(fixture, n, target);
				const answer = await postForm(session.request, post.path, post.fields);
				if (allowed) {
					expect(answer.status(), `${post.path} for ${role.label}`).toBe(303);
					expect(await row.post.happened(fixture, n, target), `${action} by ${role.label} happened`).toBe(true);
					await row.post.undo?.(fixture, n);
				} else {
					expect(answer.status(), `${post.path} for ${role.label}`).toBe(403);
					expect(await row.post.happened(fixture, n, target), `${action} by ${role.label} changed nothing`).toBe(false);
				}
			}
		});
	});
});
