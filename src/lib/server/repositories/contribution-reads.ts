/**
 * What the pages of calls and contributions read: a call's contributions in the call's order, a
 * contribution's submitter rows, lineage and revisions, kept originals, and the filtered list.
 * Visibility (published or not) is decided by the caller, which knows who is reading.
 */
import { and, asc, count, desc, eq, exists, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ContributionStatus, StakeholderGroup } from '../../core/shared/vocabulary';
import type { DbOrTx } from '../db/client';
import { bodies, calls, categories, contributionFiles, contributionItems, contributionRevisions, contributions, contributionSubmitters, memberships, organisations } from '../db/schema';
import { submittersOf, type ContributionRow, type ContributionSummary } from './contributions';

export type RevisionRow = typeof contributionRevisions.$inferSelect;

/**
 * The contributions of a call in the call's order (the compilation's): position, then date
 * received. Held ones only when `includeUnpublished`.
 */
export async function callContributions(db: DbOrTx, callId: string, options: { includeUnpublished: boolean }): Promise<ContributionSummary[]> {
	const where = [eq(contributions.callId, callId)];
	if (!options.includeUnpublished) where.push(eq(contributions.published, true));
	const rows = await db
		.select()
		.from(contributions)
		.where(and(...where))
		.orderBy(asc(contributions.position), asc(contributions.receivedAt), asc(contributions.id));
	const submitters = await submittersOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, submitters: submitters.get(r.id) ?? [] }));
}

/** A contribution by id, or undefined. */
export async function contributionById(db: DbOrTx, id: string): Promise<ContributionRow | undefined> {
	const [row] = await db.select().from(contributions).where(eq(contributions.id, id)).limit(1);
	return row;
}

/** A contribution's submitter rows as stored (ids and confirmation), for deciding who speaks for it. */
export async function submitterRowsOf(db: DbOrTx, contributionId: string) {
	return db
		.select({ organisationId: contributionSubmitters.organisationId, personId: contributionSubmitters.personId, confirmed: contributionSubmitters.confirmed })
		.from(contributionSubmitters)
		.where(eq(contributionSubmitters.contributionId, contributionId))
		.orderBy(asc(contributionSubmitters.position));
}

/** A contribution in a lineage link: enough to name it and tell whether the reader may follow it. */
export interface LineageLink {
	id: string;
	slug: string;
	title: string;
	lang: string;
	published: boolean;
}

const linkColumns = { id: contributions.id, slug: contributions.slug, title: contributions.title, lang: contributions.lang, published: contributions.published };

/** The contribution this one was merged into (if any) and those merged into this one. */
export async function lineageOf(db: DbOrTx, contribution: Pick<ContributionRow, 'id' | 'mergedIntoId'>): Promise<{ into: LineageLink | null; from: LineageLink[] }> {
	const [into] = contribution.mergedIntoId ? await db.select(linkColumns).from(contributions).where(eq(contributions.id, contribution.mergedIntoId)) : [];
	const from = await db.select(linkColumns).from(contributions).where(eq(contributions.mergedIntoId, contribution.id)).orderBy(asc(contributions.position), asc(contributions.receivedAt));
	return { into: into ?? null, from };
}

/** A revision as listed: its number, title and date, and the original file it came from, if any. */
export interface RevisionSummary {
	number: number;
	title: string;
	createdAt: Date;
	file: { name: string; mediaType: string; size: number } | null;
}

/** Every revision of a contribution, first to latest. */
export async function revisionsOf(db: DbOrTx, contributionId: string): Promise<RevisionSummary[]> {
	const rows = await db
		.select({ r: { number: contributionRevisions.number, title: contributionRevisions.title, createdAt: contributionRevisions.createdAt }, f: { name: contributionFiles.name, mediaType: contributionFiles.mediaType, size: contributionFiles.size } })
		.from(contributionRevisions)
		.leftJoin(contributionFiles, eq(contributionFiles.id, contributionRevisions.fileId))
		.where(eq(contributionRevisions.contributionId, contributionId))
		.orderBy(asc(contributionRevisions.number));
	return rows.map(({ r, f }) => ({ ...r, file: f && f.name !== null ? { name: f.name, mediaType: f.mediaType, size: f.size } : null }));
}

/** One revision's stored text and items. */
export async function findRevision(db: DbOrTx, contributionId: string, number: number): Promise<RevisionRow | undefined> {
	const [row] = await db
		.select()
		.from(contributionRevisions)
		.where(and(eq(contributionRevisions.contributionId, contributionId), eq(contributionRevisions.number, number)))
		.limit(1);
	return row;
}

/** The original file a revision was converted from, bytes included. */
export async function originalOfRevision(db: DbOrTx, contributionId: string, number: number) {
	const [row] = await db
		.select({ name: contributionFiles.name, mediaType: contributionFiles.mediaType, size: contributionFiles.size, bytes: contributionFiles.bytes })
		.from(contributionRevisions)
		.innerJoin(contributionFiles, eq(contributionFiles.id, contributionRevisions.fileId))
		.where(and(eq(contributionRevisions.contributionId, contributionId), eq(contributionRevisions.number, number)))
		.limit(1);
	return row;
}

/**
 * The organisations holding a seat in a body (any role): the delegations that can confirm a
 * co-submission through a person with that seat, and so the co-submitters a writer may name.
 */
export async function seatedOrganisations(db: DbOrTx, bodyId: string) {
	return db
		.selectDistinct({ organisationId: organisations.id, slug: organisations.slug, name: organisations.name, names: organisations.names })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.bodyId, bodyId));
}

/** Every call, with its body, for the list's call filter (latest opened first). */
export async function allCalls(db: DbOrTx) {
	return db
		.select({ id: calls.id, slug: calls.slug, title: calls.title, bodyId: calls.bodyId, bodyShortName: bodies.shortName, bodyLang: bodies.lang })
		.from(calls)
		.innerJoin(bodies, eq(bodies.id, calls.bodyId))
		.orderBy(desc(calls.opensAt), asc(calls.slug));
}

/** The filters of the list of contributions, resolved to ids (unknown names are the caller's problem). */
export interface ContributionFilter {
	callId?: string;
	categoryId?: string;
	organisationId?: string;
	stakeholderGroup?: StakeholderGroup;
	/** An M49 region as stored on organisations ("Europe", "Americas"…). */
	region?: string;
	/** Received on or after / on or before these days (YYYY-MM-DD). */
	from?: string;
	to?: string;
	status?: ContributionStatus;
}

/**
 * A page of published contributions that match the filter, latest received first, and how many
 * match in all. Submitter-based filters (organisation, stakeholder group, region) count confirmed
 * submitters only: a delegation that has not confirmed is not yet a submitter. A person submitter
 * belongs to the stakeholder group of their seat in the contribution's body.
 */
export async function pageOfPublishedContributions(db: DbOrTx, filter: ContributionFilter, paging: { limit: number; offset: number }): Promise<{ rows: ContributionSummary[]; total: number }> {
	const conditions: SQL[] = [eq(contributions.published, true)];
	if (filter.callId) conditions.push(eq(contributions.callId, filter.callId));
	if (filter.status) conditions.push(eq(contributions.status, filter.status));
	if (filter.from) conditions.push(gte(contributions.submittedOn, filter.from));
	if (filter.to) conditions.push(lte(contributions.submittedOn, filter.to));
	if (filter.categoryId)
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(contributionItems)
					.where(and(eq(contributionItems.contributionId, contributions.id), eq(contributionItems.categoryId, filter.categoryId)))
			)
		);
	const submitterMatch: SQL[] = [];
	if (filter.organisationId) submitterMatch.push(eq(contributionSubmitters.organisationId, filter.organisationId));
	if (filter.region) submitterMatch.push(eq(organisations.region, filter.region));
	for (const condition of submitterMatch)
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(contributionSubmitters)
					.leftJoin(organisations, eq(organisations.id, contributionSubmitters.organisationId))
					.where(and(eq(contributionSubmitters.contributionId, contributions.id), eq(contributionSubmitters.confirmed, true), condition))
			)
		);
	if (filter.stakeholderGroup)
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(contributionSubmitters)
					.leftJoin(organisations, eq(organisations.id, contributionSubmitters.organisationId))
					.leftJoin(memberships, and(isNotNull(contributionSubmitters.personId), eq(memberships.personId, contributionSubmitters.personId), eq(memberships.bodyId, contributions.bodyId)))
					.where(
						and(
							eq(contributionSubmitters.contributionId, contributions.id),
							eq(contributionSubmitters.confirmed, true),
							or(eq(organisations.stakeholderGroup, filter.stakeholderGroup), eq(memberships.stakeholderGroup, filter.stakeholderGroup))
						)
					)
			)
		);
	const where = and(...conditions);
	const rows = await db
		.select()
		.from(contributions)
		.where(where)
		.orderBy(sql`${contributions.submittedOn} desc nulls last`, desc(contributions.receivedAt), asc(contributions.id))
		.limit(paging.limit)
		.offset(paging.offset);
	const [{ n }] = await db.select({ n: count() }).from(contributions).where(where);
	const submitters = await submittersOf(
		db,
		rows.map((r) => r.id)
	);
	return { rows: rows.map((r) => ({ ...r, submitters: submitters.get(r.id) ?? [] })), total: Number(n) };
}

/** The organisations that are confirmed submitters of a published contribution, for the submitter filter. */
export async function submittingOrganisations(db: DbOrTx) {
	return db
		.selectDistinct({ id: organisations.id, slug: organisations.slug, name: organisations.name, names: organisations.names, region: organisations.region })
		.from(contributionSubmitters)
		.innerJoin(organisations, eq(organisations.id, contributionSubmitters.organisationId))
		.innerJoin(contributions, eq(contributions.id, contributionSubmitters.contributionId))
		.where(and(eq(contributions.published, true), eq(contributionSubmitters.confirmed, true)));
}

/** The categories of calls, by call id, for the category filter. */
export async function categoriesOfCalls(db: DbOrTx, callIds: string[]) {
	if (callIds.length === 0) return [];
	return db
		.select({ id: categories.id, callId: categories.callId, code: categories.code, title: categories.title })
		.from(categories)
		.where(inArray(categories.callId, callIds))
		.orderBy(asc(categories.position));
}
