import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { unitComments } from '../db/schema';

export type CommentRow = typeof unitComments.$inferSelect;

/** Comments on a document (optionally one unit), oldest first. */
export async function listComments(db: DbOrTx, documentId: string, unitKey?: string): Promise<CommentRow[]> {
	const where = [eq(unitComments.documentId, documentId)];
	if (unitKey) where.push(eq(unitComments.unitKey, unitKey));
	return db
		.select()
		.from(unitComments)
		.where(and(...where))
		.orderBy(asc(unitComments.createdAt));
}

/** Threads not yet resolved: their first comments. */
export async function listUnresolvedThreads(db: DbOrTx, documentId: string): Promise<CommentRow[]> {
	return db
		.select()
		.from(unitComments)
		.where(and(eq(unitComments.documentId, documentId), isNull(unitComments.parentId), isNull(unitComments.resolvedAt)))
		.orderBy(asc(unitComments.createdAt));
}

export async function findComment(db: DbOrTx, id: string): Promise<CommentRow | undefined> {
	const [row] = await db.select().from(unitComments).where(eq(unitComments.id, id)).limit(1);
	return row;
}

export async function insertComment(tx: DbOrTx, values: typeof unitComments.$inferInsert): Promise<CommentRow> {
	const [row] = await tx.insert(unitComments).values(values).returning();
	return row;
}

export async function markResolved(tx: DbOrTx, id: string, userId: string | null): Promise<CommentRow> {
	const [row] = await tx.update(unitComments).set({ resolvedAt: new Date(), resolvedByUserId: userId }).where(eq(unitComments.id, id)).returning();
	return row;
}
