/**
 * Read-only queries of the open-data API: pages of each list with their total, and the single
 * records with what they carry. Only published documents and contributions come out of here
 * (`published = true`), and a contribution's link to a document is dropped when that document is
 * not published. The one exception: given a `HeldReader` (a signed-in reader), the contribution
 * queries also return the held contributions that reader may see (see contribution-visibility.ts).
 *
 * Every order ends with the id, so that paging with limit/offset never skips or repeats a row.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, max, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HeldReader } from '../../core/contributions/held-readers';
import type { DbOrTx } from '../db/client';
import {
	bodies,
	calls,
	categories,
	contributionItems,
	contributions,
	contributionSubmitters,
	documents,
	documentVersions,
	meetings,
	memberships,
	organisations,
	persons,
	units
} from '../db/schema';
import { readableBy } from './contribution-visibility';
import { submittersOf, type SubmitterView } from './contributions';

export interface Paging {
	limit: number;
	offset: number;
}

export interface Page<T> {
	rows: T[];
	total: number;
}

type BodyRow = typeof bodies.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;
type PersonRow = typeof persons.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;
type DocumentRow = typeof documents.$inferSelect;
type VersionRow = typeof documentVersions.$inferSelect;
type UnitRow = typeof units.$inferSelect;
type ContributionRow = typeof contributions.$inferSelect;
type ItemRow = typeof contributionItems.$inferSelect;
type CallRow = typeof calls.$inferSelect;

export interface Ref {
	slug: string;
	name: string;
}

export interface BodyData {
	body: BodyRow;
	categories: CategoryRow[];
}
export interface PersonData {
	person: PersonRow;
	organisation: Ref | null;
}
export interface MembershipData {
	membership: MembershipRow;
	bodySlug: string;
	organisation: Ref | null;
	person: Ref | null;
}
export interface MeetingData {
	meeting: MeetingRow;
	bodySlug: string;
}
export interface DocumentData {
	document: DocumentRow;
	bodySlug: string;
	meetingNumber: number | null;
	latestVersion: number | null;
}
export interface DocumentDetailData extends DocumentData {
	version: VersionRow | null;
	units: UnitRow[];
}
export interface ContributionData {
	contribution: ContributionRow;
	bodySlug: string;
	meetingNumber: number | null;
	targetDocument: string | null;
	textDocument: string | null;
	/** The slug of the call it answers. */
	callSlug: string | null;
	/** The slug of the contribution it was merged into, when the reader may see that one. */
	mergedInto: string | null;
	/** Every submitter row, pending co-submitters included (the presenter leaves those out). */
	submitters: SubmitterView[];
	items: { item: ItemRow; category: { code: string; title: string } | null }[];
}
export interface CallData {
	call: CallRow;
	bodySlug: string;
	framework: CategoryRow[];
	publishedContributions: number;
	/** The compilation document, when it is published, and its latest published version's number. */
	compilationDocument: string | null;
	compilationVersion: number | null;
}

const where = (conditions: (SQL | undefined)[]) => and(...conditions.filter((c): c is SQL => c !== undefined));

async function categoriesByBody(db: DbOrTx, bodyIds: string[]): Promise<Map<string, CategoryRow[]>> {
	const out = new Map<string, CategoryRow[]>();
	if (bodyIds.length === 0) return out;
	const rows = await db.select().from(categories).where(inArray(categories.bodyId, bodyIds)).orderBy(asc(categories.position), asc(categories.code));
	for (const c of rows) out.set(c.bodyId, [...(out.get(c.bodyId) ?? []), c]);
	return out;
}

/** A page of bodies in the order of their periods, with their framework categories. */
export async function pageOfBodies(db: DbOrTx, paging: Paging): Promise<Page<BodyData>> {
	const rows = await db.select().from(bodies).orderBy(asc(bodies.periodStart), asc(bodies.name), asc(bodies.id)).limit(paging.limit).offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(bodies);
	const cats = await categoriesByBody(
		db,
		rows.map((b) => b.id)
	);
	return { rows: rows.map((body) => ({ body, categories: cats.get(body.id) ?? [] })), total: n };
}

/** One body by slug, with its categories. */
export async function bodyBySlug(db: DbOrTx, slug: string): Promise<BodyData | undefined> {
	const [body] = await db.select().from(bodies).where(eq(bodies.slug, slug)).limit(1);
	if (!body) return undefined;
	const cats = await categoriesByBody(db, [body.id]);
	return { body, categories: cats.get(body.id) ?? [] };
}

/** A page of organisations by name. */
export async function pageOfOrganisations(db: DbOrTx, paging: Paging): Promise<Page<OrganisationRow>> {
	const rows = await db.select().from(organisations).orderBy(asc(organisations.name), asc(organisations.id)).limit(paging.limit).offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(organisations);
	return { rows, total: n };
}

/** A page of persons by name, each with their organisation. */
export async function pageOfPersons(db: DbOrTx, paging: Paging & { slug?: string }): Promise<Page<PersonData>> {
	const filter = paging.slug ? eq(persons.slug, paging.slug) : undefined;
	const rows = await db
		.select({ person: persons, orgSlug: organisations.slug, orgName: organisations.name })
		.from(persons)
		.leftJoin(organisations, eq(organisations.id, persons.organisationId))
		.where(filter)
		.orderBy(asc(persons.name), asc(persons.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(persons).where(filter);
	return {
		rows: rows.map((r) => ({ person: r.person, organisation: r.orgSlug !== null && r.orgName !== null ? { slug: r.orgSlug, name: r.orgName } : null })),
		total: n
	};
}

/** One person by slug, with their organisation. */
export async function personBySlug(db: DbOrTx, slug: string): Promise<PersonData | undefined> {
	const { rows } = await pageOfPersons(db, { slug, limit: 1, offset: 0 });
	return rows[0];
}

const roleOrder = sql`case ${memberships.role} when 'chair' then 0 when 'vice_chair' then 1 when 'secretariat' then 2 when 'coordinator' then 3 when 'member' then 4 else 5 end`;

/** A page of memberships (of one body, or of all), chairs first within each body. */
export async function pageOfMemberships(db: DbOrTx, paging: Paging & { bodyId?: string }): Promise<Page<MembershipData>> {
	const filter = paging.bodyId ? eq(memberships.bodyId, paging.bodyId) : undefined;
	const rows = await db
		.select({
			membership: memberships,
			bodySlug: bodies.slug,
			orgSlug: organisations.slug,
			orgName: organisations.name,
			personSlug: persons.slug,
			personName: persons.name
		})
		.from(memberships)
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.leftJoin(persons, eq(persons.id, memberships.personId))
		.where(filter)
		.orderBy(asc(bodies.periodStart), asc(bodies.slug), roleOrder, asc(memberships.createdAt), asc(memberships.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(memberships).where(filter);
	return {
		rows: rows.map((r) => ({
			membership: r.membership,
			bodySlug: r.bodySlug,
			organisation: r.orgSlug !== null && r.orgName !== null ? { slug: r.orgSlug, name: r.orgName } : null,
			person: r.personSlug !== null && r.personName !== null ? { slug: r.personSlug, name: r.personName } : null
		})),
		total: n
	};
}

/** A page of meetings (of one body, or of all) in date order. */
export async function pageOfMeetings(db: DbOrTx, paging: Paging & { bodyId?: string }): Promise<Page<MeetingData>> {
	const filter = paging.bodyId ? eq(meetings.bodyId, paging.bodyId) : undefined;
	const rows = await db
		.select({ meeting: meetings, bodySlug: bodies.slug })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(filter)
		.orderBy(asc(meetings.startsOn), asc(bodies.slug), asc(meetings.number), asc(meetings.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(meetings).where(filter);
	return { rows, total: n };
}

const latestVersionNumber = sql<number | null>`(select max(${documentVersions.number}) from ${documentVersions} where ${documentVersions.documentId} = ${documents.id})`.mapWith(
	(v) => (v === null ? null : Number(v))
);

function documentQuery(db: DbOrTx, filter: SQL | undefined) {
	return db
		.select({ document: documents, bodySlug: bodies.slug, meetingNumber: meetings.number, latestVersion: latestVersionNumber })
		.from(documents)
		.innerJoin(bodies, eq(bodies.id, documents.bodyId))
		.leftJoin(meetings, eq(meetings.id, documents.meetingId))
		.where(where([eq(documents.published, true), filter]));
}

/** A page of published documents (of one body, or of all), newest first. */
export async function pageOfDocuments(db: DbOrTx, paging: Paging & { bodyId?: string }): Promise<Page<DocumentData>> {
	const filter = paging.bodyId ? eq(documents.bodyId, paging.bodyId) : undefined;
	const rows = await documentQuery(db, filter)
		.orderBy(sql`${documents.issuedOn} desc nulls last`, asc(documents.title), asc(documents.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db
		.select({ n: count() })
		.from(documents)
		.where(where([eq(documents.published, true), filter]));
	return { rows, total: n };
}

/** One published document by slug, with its latest version and that version's units. */
export async function publishedDocumentBySlug(db: DbOrTx, slug: string): Promise<DocumentDetailData | undefined> {
	const [row] = await documentQuery(db, eq(documents.slug, slug)).limit(1);
	if (!row) return undefined;
	const [version] =
		row.latestVersion === null
			? []
			: await db
					.select()
					.from(documentVersions)
					.where(and(eq(documentVersions.documentId, row.document.id), eq(documentVersions.number, row.latestVersion)))
					.limit(1);
	const unitRows = version ? await db.select().from(units).where(eq(units.versionId, version.id)).orderBy(asc(units.position)) : [];
	return { ...row, version: version ?? null, units: unitRows };
}

const targetDocuments = alias(documents, 'target_documents');
const textDocuments = alias(documents, 'text_documents');
const mergedTargets = alias(contributions, 'merged_targets');

/**
 * The contributions a submitter (organisation and/or person) submitted, alone or jointly. A
 * co-submitter that has not confirmed does not count: its name is not public yet.
 */
function submittedBy(submitter: { organisationId?: string; personId?: string }): SQL {
	const ids = [
		submitter.organisationId ? eq(contributionSubmitters.organisationId, submitter.organisationId) : undefined,
		submitter.personId ? eq(contributionSubmitters.personId, submitter.personId) : undefined
	].filter((c): c is SQL => c !== undefined);
	return sql`exists (select 1 from ${contributionSubmitters} where ${contributionSubmitters.contributionId} = ${contributions.id} and ${contributionSubmitters.confirmed} = true and (${or(...ids)}))`;
}

export interface ContributionFilter {
	bodyId?: string;
	callId?: string;
	submitter?: { organisationId?: string; personId?: string };
	slug?: string;
	/** Who reads: null (or absent) for an anonymous request, which sees published contributions only. */
	reader?: HeldReader | null;
}

function contributionConditions(filter: ContributionFilter): SQL | undefined {
	return where([
		readableBy(filter.reader ?? null, contributions),
		filter.bodyId ? eq(contributions.bodyId, filter.bodyId) : undefined,
		filter.callId ? eq(contributions.callId, filter.callId) : undefined,
		filter.submitter ? submittedBy(filter.submitter) : undefined,
		filter.slug ? eq(contributions.slug, filter.slug) : undefined
	]);
}

/**
 * A page of the contributions the reader may see (published ones for an anonymous request),
 * newest first, with submitters and items in categories. Withdrawn ones stay: their record is kept.
 */
export async function pageOfContributions(db: DbOrTx, paging: Paging & ContributionFilter): Promise<Page<ContributionData>> {
	const conditions = contributionConditions(paging);
	const reader = paging.reader ?? null;
	const rows = await db
		.select({
			contribution: contributions,
			bodySlug: bodies.slug,
			meetingNumber: meetings.number,
			targetDocument: targetDocuments.slug,
			textDocument: textDocuments.slug,
			callSlug: calls.slug,
			mergedInto: mergedTargets.slug
		})
		.from(contributions)
		.innerJoin(bodies, eq(bodies.id, contributions.bodyId))
		.leftJoin(meetings, eq(meetings.id, contributions.meetingId))
		.leftJoin(calls, eq(calls.id, contributions.callId))
		// A link to an unpublished document would reveal that it exists: it is left out.
		.leftJoin(targetDocuments, and(eq(targetDocuments.id, contributions.targetDocumentId), eq(targetDocuments.published, true)))
		.leftJoin(textDocuments, and(eq(textDocuments.id, contributions.textDocumentId), eq(textDocuments.published, true)))
		// Likewise a merge into a contribution the reader may not see.
		.leftJoin(mergedTargets, and(eq(mergedTargets.id, contributions.mergedIntoId), readableBy(reader, mergedTargets)))
		.where(conditions)
		.orderBy(sql`${contributions.submittedOn} desc nulls last`, asc(contributions.position), asc(contributions.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(contributions).where(conditions);
	const ids = rows.map((r) => r.contribution.id);
	const submitters = await submittersOf(db, ids);
	const items = await itemsOf(db, ids);
	return {
		rows: rows.map((r) => ({ ...r, submitters: submitters.get(r.contribution.id) ?? [], items: items.get(r.contribution.id) ?? [] })),
		total: n
	};
}

/** One contribution by slug, if the reader may see it (published, for an anonymous request). */
export async function contributionBySlugFor(db: DbOrTx, slug: string, reader: HeldReader | null): Promise<ContributionData | undefined> {
	const { rows } = await pageOfContributions(db, { slug, reader, limit: 1, offset: 0 });
	return rows[0];
}

/** One published contribution by slug. */
export async function publishedContributionBySlug(db: DbOrTx, slug: string): Promise<ContributionData | undefined> {
	return contributionBySlugFor(db, slug, null);
}

async function itemsOf(db: DbOrTx, contributionIds: string[]): Promise<Map<string, ContributionData['items']>> {
	const out = new Map<string, ContributionData['items']>();
	if (contributionIds.length === 0) return out;
	const rows = await db
		.select({ item: contributionItems, code: categories.code, title: categories.title })
		.from(contributionItems)
		.leftJoin(categories, eq(categories.id, contributionItems.categoryId))
		.where(inArray(contributionItems.contributionId, contributionIds))
		.orderBy(asc(contributionItems.contributionId), asc(contributionItems.position));
	for (const r of rows) {
		const list = out.get(r.item.contributionId) ?? [];
		list.push({ item: r.item, category: r.code !== null && r.title !== null ? { code: r.code, title: r.title } : null });
		out.set(r.item.contributionId, list);
	}
	return out;
}

/** The organisation and the person that have this slug (either, both or neither may exist). */
export async function submitterBySlug(db: DbOrTx, slug: string): Promise<{ organisationId?: string; personId?: string } | undefined> {
	const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
	const [person] = await db.select({ id: persons.id }).from(persons).where(eq(persons.slug, slug)).limit(1);
	if (!org && !person) return undefined;
	return { organisationId: org?.id, personId: person?.id };
}

/** The id of the body with this slug. */
export async function bodyIdBySlug(db: DbOrTx, slug: string): Promise<string | undefined> {
	const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, slug)).limit(1);
	return row?.id;
}

/** One organisation by slug. */
export async function organisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
	const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
	return row;
}

/** The id of the call with this slug. */
export async function callIdBySlug(db: DbOrTx, slug: string): Promise<string | undefined> {
	const [row] = await db.select({ id: calls.id }).from(calls).where(eq(calls.slug, slug)).limit(1);
	return row?.id;
}

const publishedContributionCount = sql<number>`(select count(*) from ${contributions} where ${contributions.callId} = ${calls.id} and ${contributions.published} = true)`.mapWith(Number);

/** A page of calls (of one body, or of all), the latest opened first, each with its framework, count and compilation. */
export async function pageOfCalls(db: DbOrTx, paging: Paging & { bodyId?: string; slug?: string }): Promise<Page<CallData>> {
	const filter = where([paging.bodyId ? eq(calls.bodyId, paging.bodyId) : undefined, paging.slug ? eq(calls.slug, paging.slug) : undefined]);
	const rows = await db
		.select({ call: calls, bodySlug: bodies.slug, publishedContributions: publishedContributionCount, compilationDocument: documents.slug })
		.from(calls)
		.innerJoin(bodies, eq(bodies.id, calls.bodyId))
		// An unpublished compilation document is not named.
		.leftJoin(documents, and(eq(documents.id, calls.compilationDocumentId), eq(documents.published, true)))
		.where(filter)
		.orderBy(desc(calls.opensAt), asc(calls.slug), asc(calls.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(calls).where(filter);
	const frameworks = await frameworksOf(
		db,
		rows.map((r) => r.call.id)
	);
	const versions = await latestPublishedVersions(
		db,
		rows.flatMap((r) => (r.compilationDocument && r.call.compilationDocumentId ? [r.call.compilationDocumentId] : []))
	);
	return {
		rows: rows.map((r) => ({
			...r,
			framework: frameworks.get(r.call.id) ?? [],
			compilationVersion: r.compilationDocument && r.call.compilationDocumentId ? (versions.get(r.call.compilationDocumentId) ?? null) : null
		})),
		total: n
	};
}

/** One call by slug. */
export async function callBySlug(db: DbOrTx, slug: string): Promise<CallData | undefined> {
	const { rows } = await pageOfCalls(db, { slug, limit: 1, offset: 0 });
	return rows[0];
}

async function frameworksOf(db: DbOrTx, callIds: string[]): Promise<Map<string, CategoryRow[]>> {
	const out = new Map<string, CategoryRow[]>();
	if (callIds.length === 0) return out;
	const rows = await db.select().from(categories).where(inArray(categories.callId, callIds)).orderBy(asc(categories.position), asc(categories.code));
	for (const c of rows) if (c.callId) out.set(c.callId, [...(out.get(c.callId) ?? []), c]);
	return out;
}

/** The number of each document's latest published version (documents without one are absent). */
async function latestPublishedVersions(db: DbOrTx, documentIds: string[]): Promise<Map<string, number>> {
	if (documentIds.length === 0) return new Map();
	const rows = await db
		.select({ documentId: documentVersions.documentId, number: max(documentVersions.number) })
		.from(documentVersions)
		.where(and(inArray(documentVersions.documentId, documentIds), isNotNull(documentVersions.publishedAt)))
		.groupBy(documentVersions.documentId);
	return new Map(rows.flatMap((r) => (r.number === null ? [] : [[r.documentId, Number(r.number)] as const])));
}
