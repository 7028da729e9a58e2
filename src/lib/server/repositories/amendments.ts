import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { AmendmentStatus } from '../../core/shared/vocabulary';
import type { DbOrTx } from '../db/client';
import { amendmentProposers, amendments, organisations } from '../db/schema';

export type AmendmentRow = typeof amendments.$inferSelect;
export type ProposerRow = { amendmentId: string; organisationId: string; slug: string; name: string; names: Record<string, string>; position: number };
export type AmendmentWithProposers = AmendmentRow & { proposers: ProposerRow[] };

/** The amendments to a document, by number, with their proposing delegations. */
export async function listAmendments(db: DbOrTx, documentId: string, filter: { statuses?: AmendmentStatus[]; versionId?: string } = {}): Promise<AmendmentWithProposers[]> {
	const where = [eq(amendments.documentId, documentId)];
	if (filter.statuses?.length) where.push(inArray(amendments.status, filter.statuses));
	if (filter.versionId) where.push(eq(amendments.versionId, filter.versionId));
	const rows = await db
		.select()
		.from(amendments)
		.where(and(...where))
		.orderBy(asc(amendments.number));
	return withProposers(db, rows);
}

export async function findAmendment(db: DbOrTx, documentId: string, number: number): Promise<AmendmentWithProposers | undefined> {
	const rows = await db
		.select()
		.from(amendments)
		.where(and(eq(amendments.documentId, documentId), eq(amendments.number, number)))
		.limit(1);
	return (await withProposers(db, rows))[0];
}

export async function findAmendmentById(db: DbOrTx, id: string): Promise<AmendmentWithProposers | undefined> {
	const rows = await db.select().from(amendments).where(eq(amendments.id, id)).limit(1);
	return (await withProposers(db, rows))[0];
}

async function withProposers(db: DbOrTx, rows: AmendmentRow[]): Promise<AmendmentWithProposers[]> {
	if (rows.length === 0) return [];
	const proposers = await db
		.select({
			amendmentId: amendmentProposers.amendmentId,
			organisationId: amendmentProposers.organisationId,
			slug: organisations.slug,
			name: organisations.name,
			names: organisations.names,
			position: amendmentProposers.position
		})
		.from(amendmentProposers)
		.innerJoin(organisations, eq(organisations.id, amendmentProposers.organisationId))
		.where(
			inArray(
				amendmentProposers.amendmentId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(amendmentProposers.position));
	return rows.map((r) => ({ ...r, proposers: proposers.filter((p) => p.amendmentId === r.id) }));
}

/** The next amendment number of a document (1 for the first). */
export async function nextAmendmentNumber(db: DbOrTx, documentId: string): Promise<number> {
	const [row] = await db
		.select({ n: max(amendments.number) })
		.from(amendments)
		.where(eq(amendments.documentId, documentId));
	return (row?.n ?? 0) + 1;
}

export async function insertAmendment(tx: DbOrTx, values: typeof amendments.$inferInsert, proposerIds: readonly string[]): Promise<AmendmentRow> {
	const [row] = await tx.insert(amendments).values(values).returning();
	if (proposerIds.length > 0) await tx.insert(amendmentProposers).values(proposerIds.map((organisationId, position) => ({ amendmentId: row.id, organisationId, position })));
	return row;
}

export async function updateAmendment(tx: DbOrTx, id: string, values: Partial<typeof amendments.$inferInsert>): Promise<AmendmentRow> {
	const [row] = await tx
		.update(amendments)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(amendments.id, id))
		.returning();
	return row;
}
