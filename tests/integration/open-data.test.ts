import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database, Db } from '../../src/lib/server/db/client';
import { answers, calls, categories, contributions, contributionSubmitters, documents, documentVersions, questionnaires, questions, responses } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/core/shared/actor';
import { buildBody, buildCategory, buildContribution, buildDocumentWithUnits, buildMeeting, buildMembership, buildOrganisation, buildPerson } from '../factories/records';
import { buildOpenApi } from '../../src/lib/core/api/openapi';
import { csvPath, ENDPOINTS, LIST_ENDPOINTS, type ListName } from '../../src/lib/core/api/endpoints';
import { BOM } from '../../src/lib/core/api/csv';
import { CallRecord, ContributionRecord, DocumentDetail, Problem } from '../../src/lib/core/api/records';
import { handleBodies, handleBody } from '../../src/lib/server/api/bodies';
import { handleOrganisation, handleOrganisations } from '../../src/lib/server/api/organisations';
import { handlePerson, handlePersons } from '../../src/lib/server/api/persons';
import { handleMemberships } from '../../src/lib/server/api/memberships';
import { handleMeetings } from '../../src/lib/server/api/meetings';
import { handleDocument, handleDocuments } from '../../src/lib/server/api/documents';
import { handleContribution, handleContributions } from '../../src/lib/server/api/contributions';
import { handleCall, handleCalls } from '../../src/lib/server/api/calls';
import { handleQuestionnaireResponses, handleQuestionnaire, handleQuestionnaires } from '../../src/lib/server/api/questionnaires';
import { handleOpenApi, handleUnknownAddress } from '../../src/lib/server/api/openapi';
import type { ListForm } from '../../src/lib/server/api/list';
import { pageOfContributions, publishedContributionBySlug, pageOfDocuments } from '../../src/lib/server/repositories/open-data';
import { presentContribution } from '../../src/lib/server/presenters/contribution';

type Json = Record<string, unknown>;
const ROUTES_DIR = resolve('src/routes/api/v1');
const openapi = buildOpenApi() as Json & { paths: Record<string, Json>; components: { schemas: Record<string, Json>; responses: Json } };

// The handlers as the route files call them; those that read the session get the actor the
// session hook made of the cookie (undefined = an anonymous request).
const lists: Record<ListName, (db: Db, url: URL, form?: ListForm, actor?: Actor) => Promise<Response>> = {
	bodies: handleBodies,
	organisations: handleOrganisations,
	persons: handlePersons,
	memberships: handleMemberships,
	meetings: handleMeetings,
	documents: handleDocuments,
	calls: handleCalls,
	contributions: handleContributions,
	questionnaires: handleQuestionnaires,
	'questionnaire-responses': handleQuestionnaireResponses
};
const items: Partial<Record<ListName, (db: Db, url: URL, slug: string, actor?: Actor) => Promise<Response>>> = {
	bodies: handleBody,
	organisations: handleOrganisation,
	persons: handlePerson,
	documents: handleDocument,
	calls: handleCall,
	contributions: handleContribution,
	questionnaires: handleQuestionnaire
};
/** The lists and records whose answers depend on who signed in. */
const SESSION_AWARE = new Set<ListName>(['contributions']);

/** Calls the handler an address under /api/v1 is routed to, as the route files do. */
async function get(db: Db, address: string, actor?: Actor): Promise<Response> {
	const url = new URL(`http://plenary.test/api/v1${address}`);
	const path = url.pathname.slice('/api/v1'.length);
	if (path === '/openapi.json') return handleOpenApi();
	const csv = /^\/([a-z-]+)\.csv$/.exec(path);
	if (csv && csv[1] in lists) return lists[csv[1] as ListName](db, url, 'csv', actor);
	const list = /^\/([a-z-]+)$/.exec(path);
	if (list && list[1] in lists) return lists[list[1] as ListName](db, url, 'plain', actor);
	const item = /^\/([a-z]+)\/([^/]+)$/.exec(path);
	if (item && items[item[1] as ListName]) return items[item[1] as ListName]!(db, url, decodeURIComponent(item[2]), actor);
	return handleUnknownAddress(url);
}

/** A signed-in actor as the session hook builds one: an account, its person and its seats today. */
function signedIn(over: Partial<Actor> = {}): Actor {
	return { userId: randomUUID(), personId: null, email: 'reader@example.org', displayName: 'Reader', isAdmin: false, memberships: [], ...over };
}

/**
 * The OpenAPI document's component schemas turned back into zod with `z.fromJSONSchema`, so a
 * test can check real answers against what the document promises (not just against the zod
 * schemas it was generated from).
 */
function documentedSchema(component: string): z.ZodType {
	const defs = JSON.parse(JSON.stringify(openapi.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Record<string, Json>;
	return z.fromJSONSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: defs, $ref: `#/$defs/${component}` } as never);
}

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name === '+server.ts' ? [relative(ROUTES_DIR, dir).split('\\').join('/')] : []
	);
}

describe('the OpenAPI document and the route files', () => {
	it('has a route file for every path, and a path for every route file but the catch-all', () => {
		const documented = Object.keys(openapi.paths).map((p) => p.slice(1).replace(/\{(\w+)\}/g, '[$1]'));
		for (const p of documented) expect(existsSync(join(ROUTES_DIR, p, '+server.ts')), p).toBe(true);
		expect(routeFiles(ROUTES_DIR).filter((f) => f !== '[...rest]').sort()).toEqual(documented.sort());
	});

	it('has each route file call the handler of its endpoint, in its form, with the session\'s actor where the answer depends on it', () => {
		for (const e of LIST_ENDPOINTS) {
			const handler = `handle${e.name.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase())}`;
			const session = SESSION_AWARE.has(e.name);
			const plain = readFileSync(join(ROUTES_DIR, e.path, '+server.ts'), 'utf8');
			expect(plain).toMatch(new RegExp(session ? `${handler}\\(await db\\(\\), url, 'plain', locals\\.actor\\)` : `${handler}\\(await db\\(\\), url\\)`));
			const csv = readFileSync(join(ROUTES_DIR, csvPath(e), '+server.ts'), 'utf8');
			expect(csv).toMatch(new RegExp(`${handler}\\(await db\\(\\), url, 'csv'${session ? ', locals\\.actor' : ''}\\)`));
			const single = ENDPOINTS.find((x) => x.kind === 'item' && x.name === e.name);
			if (single) {
				const item = readFileSync(join(ROUTES_DIR, single.path.replace('{slug}', '[slug]'), '+server.ts'), 'utf8');
				expect(item).toMatch(new RegExp(`\\(await db\\(\\), url, params\\.slug${session ? ', locals\\.actor' : ''}\\)`));
			}
		}
	});

	it('describes the calls for contributions: list, CSV and single record', () => {
		expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/calls', '/calls.csv', '/calls/{slug}']));
		const list = openapi.paths['/calls'].get as { parameters: { name: string }[] };
		expect(list.parameters.map((p) => p.name)).toEqual(['limit', 'offset', 'format', 'body']);
		const contributions = openapi.paths['/contributions'].get as { parameters: { name: string }[] };
		expect(contributions.parameters.map((p) => p.name)).toContain('call');
	});

	it('has every referenced response schema among its components', () => {
		const refs: string[] = [];
		const walk = (v: unknown) => {
			if (Array.isArray(v)) v.forEach(walk);
			else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === '$ref' && typeof x === 'string' ? refs.push(x) : walk(x));
		};
		for (const item of Object.values(openapi.paths)) walk((item.get as Json).responses);
		walk(openapi.components.responses);
		const schemaRefs = refs.filter((r) => r.startsWith('#/components/schemas/'));
		expect(schemaRefs.length).toBeGreaterThanOrEqual(ENDPOINTS.length);
		for (const r of schemaRefs) expect(openapi.components.schemas[r.slice('#/components/schemas/'.length)], r).toBeDefined();
		for (const r of refs.filter((x) => x.startsWith('#/components/responses/'))) {
			expect(openapi.components.responses[r.slice('#/components/responses/'.length)], r).toBeDefined();
		}
	});
});

describe.each(databaseKinds())('open data on %s', (kind) => {
	let d: Database;
	let db: Db;
	const secret = { slug: 'unpublished-secret', title: 'SECRET-TITLE-never-public', text: 'SECRET-ITEM-TEXT' };
	let secretId = '';
	const ids = {} as Record<'wgec' | 'early' | 'egypt' | 'russia' | 'jane' | 'joint' | 'author', string>;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
		const early = await buildBody(db, { slug: 'wgec-2013-2014', name: 'WGEC 2013–2014', periodStart: '2013-01-01', periodEnd: '2014-05-31' });
		const wgec = await buildBody(db, {
			slug: 'wgec-2016-2018',
			name: 'Working Group on Enhanced Cooperation',
			periodStart: '2016-09-01',
			periodEnd: '2018-05-31',
			declaredComposition: [
				{ label: 'Member States', count: 22 },
				{ label: 'Other members', count: 20 }
			],
			rules: { consensus: 'no formal objection' }
		});
		const groupA = await buildCategory(db, wgec.id, { code: 'A', title: 'Group A', questions: [1, 2], position: 0 });
		const groupB = await buildCategory(db, wgec.id, { code: 'B', title: 'Group B', questions: [3], position: 1 });
		const egypt = await buildOrganisation(db, {
			slug: 'egypt',
			kind: 'member_state',
			name: 'Egypt',
			names: { en: 'Arab Republic of Egypt', ar: 'جمهورية مصر العربية', zh: '阿拉伯埃及共和国', pt: 'Egito' },
			iso2: 'EG',
			iso3: 'EGY',
			m49: '818',
			region: 'Africa',
			developmentStatus: ['developing'],
			stakeholderGroup: 'government'
		});
		const russia = await buildOrganisation(db, { slug: 'russian-federation', kind: 'member_state', name: 'Russian Federation', iso2: 'RU', stakeholderGroup: 'government' });
		await buildOrganisation(db, { slug: 'formula-org', name: '=HYPERLINK("http://evil.example","click")' });
		const jane = await buildPerson(db, { slug: 'jane-doe', name: 'Jane Doe', honorific: 'Ms.', organisationId: egypt.id, gender: 'female' });
		await buildMembership(db, { bodyId: wgec.id, role: 'chair', organisationId: egypt.id, personId: jane.id, stakeholderGroup: 'government' });
		await buildMembership(db, { bodyId: wgec.id, role: 'member', organisationId: russia.id, stakeholderGroup: 'government' });
		await buildMembership(db, { bodyId: early.id, role: 'member', organisationId: russia.id });
		await buildMeeting(db, { bodyId: wgec.id, number: 1, startsOn: '2016-09-29', endsOn: '2016-09-30' });
		const second = await buildMeeting(db, { bodyId: wgec.id, number: 2, startsOn: '2017-01-26', endsOn: '2017-01-27', remoteParticipation: true });
		await buildMeeting(db, { bodyId: early.id, number: 1, startsOn: '2013-05-30', endsOn: '2013-05-31' });
		await buildDocumentWithUnits(db, {
			bodyId: wgec.id,
			slug: 'chairs-draft',
			title: "Chair's draft recommendations",
			meetingId: second.id,
			versions: [
				[{ text: 'Old paragraph.' }],
				[
					{ kind: 'heading', text: 'Recommendations', key: 'h1' },
					{ kind: 'paragraph', number: '1', text: 'Transparency: everything in the open.', key: 'p1', notes: [{ marker: '9', offset: 12 }] },
					{ kind: 'paragraph', number: '2 bis', text: 'Inclusiveness.', key: 'p2' }
				]
			]
		});
		const hidden = await buildDocumentWithUnits(db, { bodyId: wgec.id, slug: 'hidden-draft', title: 'HIDDEN-DRAFT', published: false });
		// A call whose framework is the body's groups A and B (as the corpus import stores them), with
		// a compilation whose first version is published and whose second is not yet.
		const [call2017] = await db
			.insert(calls)
			.values({
				slug: 'call-2017',
				bodyId: wgec.id,
				title: 'Call for draft recommendations',
				description: 'Send your proposals.',
				questions: ['What is enhanced cooperation?', 'Who takes part?', 'What hinders it?'],
				eligibility: 'members_and_observers',
				opensAt: new Date('2016-12-01T00:00:00Z'),
				closesAt: new Date('2017-03-01T00:00:00Z'),
				languages: ['en', 'fr']
			})
			.returning();
		await db.update(categories).set({ callId: call2017.id }).where(inArray(categories.id, [groupA.id, groupB.id]));
		const compilation = await buildDocumentWithUnits(db, {
			bodyId: wgec.id,
			slug: 'compilation-2017',
			kind: 'compilation',
			title: 'Compilation of proposals',
			issuedOn: '2017-03-02',
			versions: [[{ text: 'Version one.' }], [{ text: 'Version two, not yet published.' }]]
		});
		await db.update(documentVersions).set({ publishedAt: new Date('2017-03-02T12:00:00Z') }).where(eq(documentVersions.id, compilation.versions[0].id));
		await db.update(calls).set({ compilationDocumentId: compilation.document.id }).where(eq(calls.id, call2017.id));
		const [call2013] = await db
			.insert(calls)
			.values({ slug: 'call-2013', bodyId: early.id, title: 'Questionnaire', eligibility: 'anyone', opensAt: new Date('2013-06-01T00:00:00Z'), closesAt: new Date('2013-11-01T00:00:00Z') })
			.returning();
		const joint = await buildContribution(db, {
			bodyId: wgec.id,
			callId: call2017.id,
			slug: 'joint-2017',
			title: 'Joint contribution',
			submittedOn: '2017-02-01',
			receivedAt: new Date('2017-02-01T09:00:00Z'),
			late: true,
			revision: 2,
			meetingId: second.id,
			submitters: [{ organisationId: egypt.id }, { personId: jane.id }],
			items: [
				{ text: 'First, in A.', number: '(1)', categoryId: groupA.id },
				{ text: '-starts like a formula', number: '(2)', categoryId: groupB.id },
				{ text: 'Not categorised.', number: '(3)' }
			]
		});
		await buildContribution(db, { bodyId: early.id, callId: call2013.id, slug: 'russia-2013', title: 'Russian Federation, 12 December 2013', submittedOn: '2013-12-12', submitters: [{ organisationId: russia.id }] });
		await buildContribution(db, {
			bodyId: wgec.id,
			slug: 'comments-on-hidden',
			title: 'Comments on a draft not yet published',
			submittedOn: '2017-03-01',
			status: 'withdrawn',
			withdrawnAt: new Date('2017-03-05T00:00:00Z'),
			targetDocumentId: hidden.document.id,
			submitters: [{ organisationId: russia.id }]
		});
		ids.author = randomUUID();
		const secretRow = await buildContribution(db, {
			bodyId: wgec.id,
			callId: call2017.id,
			slug: secret.slug,
			title: secret.title,
			published: false,
			submittedOn: '2017-04-01',
			createdByUserId: ids.author,
			submitters: [{ organisationId: egypt.id }, { personId: jane.id }],
			items: [{ text: secret.text, categoryId: groupA.id }]
		});
		secretId = secretRow.contribution.id;
		// The Russian Federation is named as co-submitter of both and has not confirmed: pending.
		await db.insert(contributionSubmitters).values([
			{ contributionId: joint.contribution.id, organisationId: russia.id, position: 2, confirmed: false },
			{ contributionId: secretId, organisationId: russia.id, position: 2, confirmed: false }
		]);
		// The joint contribution was merged into the held one: a lineage anonymous readers must not follow.
		await db.update(contributions).set({ mergedIntoId: secretId }).where(eq(contributions.id, joint.contribution.id));
		Object.assign(ids, { wgec: wgec.id, early: early.id, egypt: egypt.id, russia: russia.id, jane: jane.id, joint: joint.contribution.id });
		// A questionnaire with one response that may be cited and one that may not.
		const [questionnaire] = await db.insert(questionnaires).values({ slug: 'wgec-questionnaire', bodyId: early.id, title: { en: 'Questionnaire' }, consentStatement: { en: 'Aggregate only unless authorised.' }, opensAt: new Date('2013-06-01T00:00:00Z'), closesAt: new Date('2013-11-06T00:00:00Z') }).returning();
		const [question] = await db.insert(questions).values({ questionnaireId: questionnaire.id, position: 0, number: '2', kind: 'long_text', text: { en: 'What is enhanced cooperation?' } }).returning();
		for (const [consent, text] of [[true, 'Cooperation among all.'], [false, 'Not to be cited.']] as const) {
			const [response] = await db.insert(responses).values({ questionnaireId: questionnaire.id, status: 'submitted', consent, respondentName: consent ? 'Ana' : 'Bo', submittedAt: new Date('2013-07-01T00:00:00Z') }).returning();
			await db.insert(answers).values({ responseId: response.id, questionId: question.id, text });
		}
	});
	afterAll(async () => {
		await d?.close();
	});

	it('lists bodies with their categories, paging facts and open, cacheable headers', async () => {
		const res = await get(db, '/bodies');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(res.headers.get('x-total-count')).toBe('2');
		const body = await res.json();
		expect(body.data.map((b: Json) => b.slug)).toEqual(['wgec-2013-2014', 'wgec-2016-2018']);
		expect(body.data[1].categories.map((c: Json) => c.code)).toEqual(['A', 'B']);
		expect(body.data[1].declaredComposition).toEqual([
			{ label: 'Member States', count: 22 },
			{ label: 'Other members', count: 20 }
		]);
		expect(body.page).toEqual({ limit: 100, offset: 0, total: 2, next: null, previous: null });
	});

	it('pages with limit and offset, linking the next and previous pages', async () => {
		const first = await get(db, '/bodies?limit=1');
		const page1 = await first.json();
		expect(page1.data).toHaveLength(1);
		expect(page1.page.next).toBe('http://plenary.test/api/v1/bodies?limit=1&offset=1');
		expect(first.headers.get('link')).toBe('<http://plenary.test/api/v1/bodies?limit=1&offset=1>; rel="next"');
		const page2 = await (await get(db, '/bodies?limit=1&offset=1')).json();
		expect(page2.data[0].slug).not.toBe(page1.data[0].slug);
		expect(page2.page).toMatchObject({ next: null, previous: 'http://plenary.test/api/v1/bodies?limit=1' });
		const beyond = await (await get(db, '/bodies?offset=50')).json();
		expect(beyond.data).toEqual([]);
		expect(beyond.page.total).toBe(2);
	});

	it('answers bad parameters with 400 problem details', async () => {
		for (const address of ['/bodies?limit=0', '/bodies?limit=1001', '/meetings?offset=-1', '/bodies?body=x', '/contributions?format=xml', '/bodies.csv?format=csv', '/bodies/wgec-2016-2018?x=1']) {
			const res = await get(db, address);
			expect(res.status, address).toBe(400);
			expect(res.headers.get('content-type'), address).toMatch(/^application\/problem\+json/);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			const problem = Problem.parse(await res.json());
			expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
			expect(problem.detail.length).toBeGreaterThan(0);
		}
	});

	it('answers unknown slugs, filters and addresses with 404 problem details', async () => {
		for (const address of [
			'/bodies/nope',
			'/organisations/nope',
			'/persons/nope',
			'/documents/nope',
			'/calls/nope',
			'/contributions/nope',
			'/meetings?body=nope',
			'/calls?body=nope',
			'/contributions?submitter=nope',
			'/contributions?call=nope',
			'/contributions.csv?call=nope',
			'/nothing-here'
		]) {
			const res = await get(db, address);
			expect(res.status, address).toBe(404);
			expect(res.headers.get('content-type'), address).toMatch(/^application\/problem\+json/);
			expect(Problem.parse(await res.json())).toMatchObject({ status: 404, title: 'Not Found' });
		}
	});

	it('gives a body, an organisation with its official names, and a person without their gender', async () => {
		expect((await (await get(db, '/bodies/wgec-2016-2018')).json()).rules).toEqual({ consensus: 'no formal objection' });
		const egypt = await (await get(db, '/organisations/egypt')).json();
		expect(egypt).toMatchObject({ iso2: 'EG', m49: '818', developmentStatus: ['developing'], stakeholderGroup: 'government' });
		expect(egypt.names).toEqual({ ar: 'جمهورية مصر العربية', en: 'Arab Republic of Egypt', zh: '阿拉伯埃及共和国' });
		const jane = await (await get(db, '/persons/jane-doe')).json();
		expect(jane).toEqual({ id: expect.any(String), slug: 'jane-doe', name: 'Jane Doe', honorific: 'Ms.', organisation: { slug: 'egypt', name: 'Egypt' } });
		expect(JSON.stringify(await (await get(db, '/persons')).json())).not.toContain('female');
	});

	it('filters memberships and meetings by body', async () => {
		const all = await (await get(db, '/memberships')).json();
		expect(all.page.total).toBe(3);
		const wgec = await (await get(db, '/memberships?body=wgec-2016-2018')).json();
		expect(wgec.data.map((m: Json) => m.role)).toEqual(['chair', 'member']);
		expect(wgec.data[0]).toMatchObject({ body: 'wgec-2016-2018', organisation: { slug: 'egypt', name: 'Egypt' }, person: { slug: 'jane-doe', name: 'Jane Doe' } });
		const meetings = await (await get(db, '/meetings?body=wgec-2016-2018')).json();
		expect(meetings.data.map((m: Json) => m.number)).toEqual([1, 2]);
		expect(meetings.data[1]).toMatchObject({ startsOn: '2017-01-26', endsOn: '2017-01-27', remoteParticipation: true });
		expect((await (await get(db, '/meetings')).json()).page.total).toBe(3);
	});

	it('lists only published documents, and gives one with its latest version\'s units', async () => {
		const list = await (await get(db, '/documents')).json();
		expect(list.data.map((x: Json) => x.slug)).toEqual(['chairs-draft', 'compilation-2017']);
		expect(list.data[0]).toMatchObject({ body: 'wgec-2016-2018', meetingNumber: 2, latestVersion: 2 });
		expect((await pageOfDocuments(db, { limit: 10, offset: 0 })).rows.map((r) => r.document.slug)).toEqual(['chairs-draft', 'compilation-2017']);
		const res = await get(db, '/documents/chairs-draft');
		const doc = DocumentDetail.parse(await res.json());
		expect(doc.version?.number).toBe(2);
		expect(doc.units.map((u) => [u.key, u.number, u.text])).toEqual([
			['h1', null, 'Recommendations'],
			['p1', '1', 'Transparency: everything in the open.'],
			['p2', '2 bis', 'Inclusiveness.']
		]);
		expect(doc.units[1].notes).toEqual([{ marker: '9', offset: 12 }]);
		expect((await get(db, '/documents/hidden-draft')).status).toBe(404);
	});

	it('gives contributions with submitters in order and items in their categories', async () => {
		const joint = ContributionRecord.parse(await (await get(db, '/contributions/joint-2017')).json());
		expect(joint.submitters).toEqual([
			{ kind: 'organisation', slug: 'egypt', name: 'Egypt' },
			{ kind: 'person', slug: 'jane-doe', name: 'Jane Doe' }
		]);
		expect(joint.items.map((i) => [i.number, i.category?.code ?? null])).toEqual([
			['(1)', 'A'],
			['(2)', 'B'],
			['(3)', null]
		]);
		expect(joint.meetingNumber).toBe(2);
		expect(joint).toMatchObject({ call: 'call-2017', status: 'submitted', late: true, revision: 2, receivedAt: '2017-02-01T09:00:00.000Z', published: true });
		const bySubmitter = await (await get(db, '/contributions?submitter=jane-doe')).json();
		expect(bySubmitter.data.map((c: Json) => c.slug)).toEqual(['joint-2017']);
		const byRussia = await (await get(db, '/contributions?submitter=russian-federation&body=wgec-2016-2018')).json();
		expect(byRussia.data.map((c: Json) => c.slug)).toEqual(['comments-on-hidden']);
		// The document it comments on is unpublished, so the link is not given.
		expect(byRussia.data[0].targetDocument).toBeNull();
	});

	it('never shows an unpublished contribution: not in any list, CSV, filter or single answer', async () => {
		const addresses = [
			...LIST_ENDPOINTS.flatMap((e) => [`${e.path}?limit=1000`, `${csvPath(e)}`, `${e.path}?format=csv`]),
			'/contributions?submitter=egypt',
			'/contributions.csv?submitter=egypt&body=wgec-2016-2018',
			'/contributions?body=wgec-2016-2018'
		];
		for (const address of addresses) {
			const res = await get(db, address);
			expect(res.status, address).toBe(200);
			const text = await res.text();
			for (const leak of [secret.slug, secret.title, secret.text, secretId, 'HIDDEN-DRAFT', 'hidden-draft']) expect(text, `${address} shows ${leak}`).not.toContain(leak);
		}
		expect((await get(db, `/contributions/${secret.slug}`)).status).toBe(404);
		const egypt = await (await get(db, '/contributions?submitter=egypt')).json();
		expect(egypt.page.total).toBe(1);
		// The repositories and presenters themselves, not only the handlers.
		expect(await publishedContributionBySlug(db, secret.slug)).toBeUndefined();
		const page = await pageOfContributions(db, { limit: 1000, offset: 0 });
		expect(page.rows.map((r) => r.contribution.slug)).not.toContain(secret.slug);
		expect(page.total).toBe(3);
		expect(() =>
			presentContribution({ ...page.rows[0], contribution: { ...page.rows[0].contribution, published: false } })
		).toThrow(/not published/);
	});

	it('writes each list as CSV with a BOM, CRLF lines, protected formula cells, at .csv and with ?format=csv alike', async () => {
		const res = await get(db, '/organisations.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="plenary-organisations.csv"');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.startsWith(`${BOM}id,slug,kind,name,names.ar,names.en,names.es,names.fr,names.ru,names.zh,iso2,iso3,m49,region,subregion,developmentStatus,stakeholderGroup,website\r\n`)).toBe(true);
		expect(text).toContain('جمهورية مصر العربية');
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
		expect(text.split('\r\n').length).toBe(1 + 3 + 1);
		const viaFormat = await get(db, '/organisations?format=csv');
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await viaFormat.arrayBuffer()))).toBe(text);
		expect(viaFormat.headers.get('link')).toBe('<http://plenary.test/api/v1/organisations.csv>; rel="canonical"');

		const contributions = await (await get(db, '/contributions.csv?body=wgec-2016-2018')).text();
		const [header, ...rows] = contributions.replace(BOM, '').trimEnd().split('\r\n');
		expect(header).toContain('submitters.name,items.number,items.category.code');
		expect(header).not.toContain('items.text');
		expect(rows).toHaveLength(2);
		expect(contributions).toContain('organisation; person,egypt; jane-doe,Egypt; Jane Doe,(1); (2); (3),A; B; ,Group A; Group B; ');

		const paged = await get(db, '/meetings.csv?limit=1&offset=1');
		expect(paged.headers.get('x-total-count')).toBe('3');
		expect(paged.headers.get('link')).toContain('rel="next"');
		expect((await paged.text()).trimEnd().split('\r\n')).toHaveLength(2);
	});

	it('lists only the questionnaire responses that may be cited, in JSON and CSV', async () => {
		for (const address of ['/questionnaire-responses', '/questionnaire-responses.csv', '/questionnaire-responses?questionnaire=wgec-questionnaire', '/questionnaires/wgec-questionnaire']) {
			const text = await (await get(db, address)).text();
			expect(text, address).not.toMatch(/Not to be cited|"Bo"|,Bo,/);
		}
		const listed = await (await get(db, '/questionnaire-responses')).json();
		expect(listed.data.map((r: { respondentName: string; answers: { text: string }[] }) => [r.respondentName, r.answers[0].text])).toEqual([['Ana', 'Cooperation among all.']]);
		expect(await (await get(db, '/questionnaires/wgec-questionnaire')).json()).toMatchObject({ submittedResponses: 2, citableResponses: 1 });
	});

	it('sends records that the documented JSON Schemas accept, for every list and every single record', async () => {
		for (const e of LIST_ENDPOINTS) {
			const listed = await (await get(db, e.path)).json();
			const component = (openapi.paths[e.path].get as { responses: { '200': { content: { 'application/json': { schema: { $ref: string } } } } } }).responses['200'].content[
				'application/json'
			].schema.$ref.split('/')
				.pop()!;
			expect(listed.data.length, e.path).toBeGreaterThan(0);
			const result = documentedSchema(component).safeParse(listed);
			expect(result.success, `${e.path}: ${JSON.stringify(result.error?.issues?.slice(0, 2))}`).toBe(true);
			expect(e.list.safeParse(listed).success, e.path).toBe(true);
			const single = ENDPOINTS.find((x) => x.kind === 'item' && x.name === e.name);
			if (single) {
				const res = await get(db, single.path.replace('{slug}', encodeURIComponent(listed.data[0].slug)));
				expect(res.status, single.path).toBe(200);
				const schemaId = single.record === e.record ? component.replace(/List$/, 'Record') : 'DocumentDetail';
				expect(documentedSchema(schemaId).safeParse(await res.json()).success, single.path).toBe(true);
			}
		}
		// And a record the documented schema must refuse, so the check above can fail.
		expect(documentedSchema('MeetingRecord').safeParse({ id: 'x' }).success).toBe(false);
	});

	it('serves the OpenAPI document as OpenAPI JSON', async () => {
		const res = await get(db, '/openapi.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.1');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect((await res.json()).openapi).toBe('3.1.0');
	});

	it('names a co-submitter only once it confirms: not in the record, the CSV or the submitter filter before', async () => {
		const record = async () => ContributionRecord.parse(await (await get(db, '/contributions/joint-2017')).json());
		const csvRow = async () => (await (await get(db, '/contributions.csv?call=call-2017')).text()).replace(BOM, '').trimEnd().split('\r\n')[1];
		const byRussia = async () => ((await (await get(db, '/contributions?submitter=russian-federation')).json()).data as Json[]).map((c) => c.slug).sort();

		expect((await record()).submitters.map((x) => x.slug)).toEqual(['egypt', 'jane-doe']);
		expect(await csvRow()).toContain('organisation; person,egypt; jane-doe,Egypt; Jane Doe,');
		expect(await csvRow()).not.toContain('Russian Federation');
		expect(await byRussia()).toEqual(['comments-on-hidden', 'russia-2013']);
		// The repository gives the pending row (the pages show it as pending); the presenter leaves it out.
		const data = await publishedContributionBySlug(db, 'joint-2017');
		expect(data?.submitters.map((x) => [x.slug, x.confirmed])).toEqual([
			['egypt', true],
			['jane-doe', true],
			['russian-federation', false]
		]);

		const pending = and(eq(contributionSubmitters.contributionId, ids.joint), eq(contributionSubmitters.organisationId, ids.russia));
		await db.update(contributionSubmitters).set({ confirmed: true, confirmedAt: new Date() }).where(pending);
		try {
			expect((await record()).submitters.map((x) => x.slug)).toEqual(['egypt', 'jane-doe', 'russian-federation']);
			expect(await csvRow()).toContain('organisation; person; organisation,egypt; jane-doe; russian-federation,Egypt; Jane Doe; Russian Federation,');
			expect(await byRussia()).toEqual(['comments-on-hidden', 'joint-2017', 'russia-2013']);
		} finally {
			await db.update(contributionSubmitters).set({ confirmed: false, confirmedAt: null }).where(pending);
		}
	});

	it('keeps withdrawn contributions listed, marked, and filters contributions by call', async () => {
		const wgec = await (await get(db, '/contributions?body=wgec-2016-2018')).json();
		expect(wgec.data.map((c: Json) => [c.slug, c.status])).toEqual([
			['comments-on-hidden', 'withdrawn'],
			['joint-2017', 'submitted']
		]);
		expect(wgec.data[0]).toMatchObject({ call: null, late: false, revision: 1, mergedInto: null });
		const byCall = await (await get(db, '/contributions?call=call-2017')).json();
		expect(byCall.data.map((c: Json) => c.slug)).toEqual(['joint-2017']);
		expect(byCall.page.total).toBe(1);
		expect((await (await get(db, '/contributions?call=call-2013&body=wgec-2016-2018')).json()).data).toEqual([]);
		const csv = await (await get(db, '/contributions.csv?call=call-2013')).text();
		expect(csv.replace(BOM, '').trimEnd().split('\r\n')).toHaveLength(2);
		expect(csv).toContain(',call-2013,submitted,false,1,,');
	});

	it('gives calls for contributions with their framework, days, count and compilation, as JSON and CSV', async () => {
		const res = await get(db, '/calls');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const list = await res.json();
		expect(list.data.map((c: Json) => c.slug)).toEqual(['call-2017', 'call-2013']);
		const call = CallRecord.parse(await (await get(db, '/calls/call-2017')).json());
		expect(call).toEqual({
			id: expect.any(String),
			slug: 'call-2017',
			body: 'wgec-2016-2018',
			title: 'Call for draft recommendations',
			description: 'Send your proposals.',
			questions: ['What is enhanced cooperation?', 'Who takes part?', 'What hinders it?'],
			framework: [
				{ code: 'A', title: 'Group A', questions: [1, 2] },
				{ code: 'B', title: 'Group B', questions: [3] }
			],
			eligibility: 'members_and_observers',
			opensOn: '2016-12-01',
			closesOn: '2017-02-28',
			languages: ['en', 'fr'],
			// The held contribution to the call is not counted; its second, unpublished version is not named.
			publishedContributions: 1,
			compilationDocument: 'compilation-2017',
			compilationVersion: 1
		});
		expect(list.data[1]).toMatchObject({ slug: 'call-2013', body: 'wgec-2013-2014', closesOn: '2013-10-31', framework: [], publishedContributions: 1, compilationDocument: null, compilationVersion: null });
		expect((await (await get(db, '/calls?body=wgec-2013-2014')).json()).data.map((c: Json) => c.slug)).toEqual(['call-2013']);
		expect((await get(db, '/calls/call-2017?x=1')).status).toBe(400);

		const csv = await get(db, '/calls.csv');
		expect(csv.headers.get('content-disposition')).toBe('attachment; filename="plenary-calls.csv"');
		const [header, ...rows] = (await csv.text()).replace(BOM, '').trimEnd().split('\r\n');
		expect(header).toBe(
			'id,slug,body,title,description,questions,framework.code,framework.title,framework.questions,eligibility,opensOn,closesOn,languages,publishedContributions,compilationDocument,compilationVersion'
		);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toContain(
			',call-2017,wgec-2016-2018,Call for draft recommendations,Send your proposals.,What is enhanced cooperation?; Who takes part?; What hinders it?,A; B,Group A; Group B,"[1,2]; [3]",members_and_observers,2016-12-01,2017-02-28,en; fr,1,compilation-2017,1'
		);
		const viaFormat = await (await get(db, '/calls?format=csv')).text();
		expect(viaFormat).toBe((await (await get(db, '/calls.csv')).text()));

		// An unpublished compilation document is not named.
		const [row] = await db.select().from(calls).where(eq(calls.slug, 'call-2017'));
		const [unpublished] = await db.select().from(documents).where(eq(documents.slug, 'hidden-draft'));
		await db.update(calls).set({ compilationDocumentId: unpublished.id }).where(eq(calls.id, row.id));
		try {
			const answer = await (await get(db, '/calls/call-2017')).text();
			expect(JSON.parse(answer)).toMatchObject({ compilationDocument: null, compilationVersion: null });
			expect(answer).not.toContain('hidden-draft');
		} finally {
			await db.update(calls).set({ compilationDocumentId: row.compilationDocumentId }).where(eq(calls.id, row.id));
		}
	});

	describe('held contributions, for a request with a signed-in session', () => {
		const readers = (): Record<string, { actor: Actor; sees: boolean }> => ({
			'the secretariat of its body': { actor: signedIn({ memberships: [{ bodyId: ids.wgec, role: 'secretariat' }] }), sees: true },
			'an administrator': { actor: signedIn({ isAdmin: true }), sees: true },
			'the account that submitted it': { actor: signedIn({ userId: ids.author }), sees: true },
			'a delegate of its submitting delegation': { actor: signedIn({ memberships: [{ bodyId: ids.wgec, role: 'member', organisationId: ids.egypt }] }), sees: true },
			'its submitting person': { actor: signedIn({ personId: ids.jane }), sees: true },
			'a delegate of a co-submitter that has not confirmed': { actor: signedIn({ memberships: [{ bodyId: ids.wgec, role: 'member', organisationId: ids.russia }] }), sees: false },
			'the secretariat of another body': { actor: signedIn({ memberships: [{ bodyId: ids.early, role: 'secretariat' }] }), sees: false },
			'a delegate of its delegation in another body': { actor: signedIn({ memberships: [{ bodyId: ids.early, role: 'member', organisationId: ids.egypt }] }), sees: false },
			'another member of its body': { actor: signedIn({ memberships: [{ bodyId: ids.wgec, role: 'chair' }] }), sees: false }
		});

		it('is absent for an anonymous request, which stays public and cacheable (varying by cookie)', async () => {
			for (const address of ['/contributions', '/contributions.csv', `/contributions/${secret.slug}`, '/contributions/joint-2017']) {
				const res = await get(db, address);
				expect(res.headers.get('cache-control'), address).toBe('public, max-age=60');
				expect(res.headers.get('vary'), address).toBe('Cookie');
				const text = await res.text();
				for (const leak of [secret.title, secret.text, secretId]) expect(text, address).not.toContain(leak);
				// Only the 404 for its own address repeats the slug asked for.
				if (!address.endsWith(secret.slug)) expect(text, address).not.toContain(secret.slug);
			}
			expect((await get(db, `/contributions/${secret.slug}`)).status).toBe(404);
		});

		it('is present, marked unpublished, for its secretariat and its submitters, and for nobody else', async () => {
			for (const [who, { actor, sees }] of Object.entries(readers())) {
				const list = await get(db, '/contributions?limit=1000', actor);
				expect(list.headers.get('cache-control'), who).toBe('private, no-store');
				expect(list.headers.get('vary'), who).toBe('Cookie');
				const slugs = ((await list.json()).data as Json[]).map((c) => c.slug);
				expect(slugs.includes(secret.slug), who).toBe(sees);
				const csv = await get(db, '/contributions.csv?call=call-2017', actor);
				expect(csv.headers.get('cache-control'), who).toBe('private, no-store');
				expect((await csv.text()).includes(secret.title), who).toBe(sees);
				const single = await get(db, `/contributions/${secret.slug}`, actor);
				expect(single.headers.get('cache-control'), who).toBe('private, no-store');
				expect(single.status, who).toBe(sees ? 200 : 404);
				if (sees) {
					const record = ContributionRecord.parse(await single.json());
					expect(record).toMatchObject({ slug: secret.slug, published: false, call: 'call-2017' });
					expect(record.items.map((i) => i.text)).toEqual([secret.text]);
					// Its pending co-submitter stays unnamed even here.
					expect(record.submitters.map((x) => x.slug)).toEqual(['egypt', 'jane-doe']);
				}
				// The lineage leads to it only for those who may follow it.
				const joint = await (await get(db, '/contributions/joint-2017', actor)).json();
				expect(joint.mergedInto, who).toBe(sees ? secret.slug : null);
			}
		});

		it('matches the submitter filter by confirmed submitters only, and leaves the calls\' counts public', async () => {
			const secretariat = readers()['the secretariat of its body'].actor;
			const byEgypt = await (await get(db, '/contributions?submitter=egypt', secretariat)).json();
			expect(byEgypt.data.map((c: Json) => c.slug)).toEqual([secret.slug, 'joint-2017']);
			const byRussia = await (await get(db, '/contributions?submitter=russian-federation&body=wgec-2016-2018', secretariat)).json();
			expect(byRussia.data.map((c: Json) => c.slug)).toEqual(['comments-on-hidden']);
			const byCall = await (await get(db, '/contributions?call=call-2017', secretariat)).json();
			expect(byCall.page.total).toBe(2);
			const call = await get(db, '/calls/call-2017', secretariat);
			expect(call.headers.get('cache-control')).toBe('public, max-age=60');
			expect((await call.json()).publishedContributions).toBe(1);
		});
	});
});
