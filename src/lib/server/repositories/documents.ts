import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { documents, documentVersions, units } from '../db/schema';

export type DocumentRow = typeof documents.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** Published documents of a body (or of a meeting), newest first. */
export async function listDocuments(db: DbOrTx, filter: { bodyId?: string; meetingId?: string; includeUnpublished?: boolean }): Promise<DocumentRow[]> {
	const where = [];
	if (filter.bodyId) where.push(eq(documents.bodyId, filter.bodyId));
	if (filter.meetingId) where.push(eq(documents.meetingId, filter.meetingId));
	if (!filter.includeUnpublished) where.push(eq(documents.published, true));
	return db
		.select()
		.from(documents)
		.where(and(...where))
		.orderBy(desc(documents.issuedOn), asc(documents.title));
}

export async function findDocumentBySlug(db: DbOrTx, slug: string): Promise<DocumentRow | undefined> {
	const [row] = await db.select().from(documents).where(eq(documents.slug, slug)).limit(1);
	return row;
}

export async function latestVersion(db: DbOrTx, documentId: string) {
	const [row] = await db.select().from(documentVersions).where(eq(documentVersions.documentId, documentId)).orderBy(desc(documentVersions.number)).limit(1);
	return row;
}

export async function listVersions(db: DbOrTx, documentId: string) {
	return db.select().from(documentVersions).where(eq(documentVersions.documentId, documentId)).orderBy(asc(documentVersions.number));
}

export async function findVersion(db: DbOrTx, documentId: string, number: number) {
	const [row] = await db
		.select()
		.from(documentVersions)
		.where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.number, number)))
		.limit(1);
	return row;
}

export async function versionUnits(db: DbOrTx, versionId: string): Promise<UnitRow[]> {
	return db.select().from(units).where(eq(units.versionId, versionId)).orderBy(asc(units.position));
}

export async function findDocumentById(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
	const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
	return row;
}
