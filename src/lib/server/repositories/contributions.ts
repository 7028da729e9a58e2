import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { categories, contributionItems, contributions, contributionSubmitters, organisations, persons } from '../db/schema';

export type ContributionRow = typeof contributions.$inferSelect;

export interface SubmitterView {
	kind: 'organisation' | 'person';
	id: string;
	slug: string;
	name: string;
	names?: Record<string, string>;
	/** False for a co-submitting delegation that has not confirmed yet: shown as pending. */
	confirmed: boolean;
}

export interface ContributionSummary extends ContributionRow {
	submitters: SubmitterView[];
}

/** Contributions, filtered by body or by one submitter (organisation or person); published only. */
export async function listContributions(
	db: DbOrTx,
	filter: { bodyId?: string; organisationId?: string; personId?: string; meetingId?: string }
): Promise<ContributionSummary[]> {
	const where = [eq(contributions.published, true)];
	if (filter.bodyId) where.push(eq(contributions.bodyId, filter.bodyId));
	if (filter.meetingId) where.push(eq(contributions.meetingId, filter.meetingId));
	if (filter.organisationId || filter.personId) {
		const sub = db
			.select({ id: contributionSubmitters.contributionId })
			.from(contributionSubmitters)
			.where(
				and(
					// A pending co-submitter is not named publicly: its pages do not list the contribution yet.
					eq(contributionSubmitters.confirmed, true),
					or(
						filter.organisationId ? eq(contributionSubmitters.organisationId, filter.organisationId) : undefined,
						filter.personId ? eq(contributionSubmitters.personId, filter.personId) : undefined
					)
				)
			);
		where.push(inArray(contributions.id, sub));
	}
	const rows = await db
		.select()
		.from(contributions)
		.where(and(...where))
		.orderBy(desc(contributions.submittedOn), asc(contributions.position));
	const submitters = await submittersOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, submitters: (submitters.get(r.id) ?? []).filter((x) => x.confirmed !== false) }));
}

export async function submittersOf(db: DbOrTx, ids: string[]): Promise<Map<string, SubmitterView[]>> {
	const out = new Map<string, SubmitterView[]>();
	if (ids.length === 0) return out;
	const rows = await db
		.select({ s: contributionSubmitters, o: organisations, p: persons })
		.from(contributionSubmitters)
		.leftJoin(organisations, eq(organisations.id, contributionSubmitters.organisationId))
		.leftJoin(persons, eq(persons.id, contributionSubmitters.personId))
		.where(inArray(contributionSubmitters.contributionId, ids))
		.orderBy(asc(contributionSubmitters.position));
	for (const { s, o, p } of rows) {
		const list = out.get(s.contributionId) ?? [];
		if (o) list.push({ kind: 'organisation', id: o.id, slug: o.slug, name: o.name, names: o.names, confirmed: s.confirmed });
		else if (p) list.push({ kind: 'person', id: p.id, slug: p.slug, name: p.name, confirmed: s.confirmed });
		out.set(s.contributionId, list);
	}
	return out;
}

export async function findContributionBySlug(db: DbOrTx, slug: string): Promise<ContributionSummary | undefined> {
	const [row] = await db.select().from(contributions).where(eq(contributions.slug, slug)).limit(1);
	if (!row) return undefined;
	const s = await submittersOf(db, [row.id]);
	return { ...row, submitters: s.get(row.id) ?? [] };
}

export async function contributionItemsWithCategories(db: DbOrTx, contributionId: string) {
	return db
		.select({ item: contributionItems, category: categories })
		.from(contributionItems)
		.leftJoin(categories, eq(categories.id, contributionItems.categoryId))
		.where(eq(contributionItems.contributionId, contributionId))
		.orderBy(asc(contributionItems.position));
}

/** Published contributions that comment on a document (e.g. a delegation's comments on a draft). */
export async function listContributionsTargeting(db: DbOrTx, documentId: string): Promise<ContributionRow[]> {
	return db
		.select()
		.from(contributions)
		.where(and(eq(contributions.targetDocumentId, documentId), eq(contributions.published, true)))
		.orderBy(asc(contributions.submittedOn));
}
