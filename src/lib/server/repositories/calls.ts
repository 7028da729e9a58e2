import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FrameworkCategory } from '../../core/contributions/framework';
import type { DbOrTx } from '../db/client';
import { calls, categories, contributionItems, contributions } from '../db/schema';

export type CallRow = typeof calls.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;

export async function findCallBySlug(db: DbOrTx, slug: string): Promise<CallRow | undefined> {
	const [row] = await db.select().from(calls).where(eq(calls.slug, slug)).limit(1);
	return row;
}

export async function findCallById(db: DbOrTx, id: string): Promise<CallRow | undefined> {
	const [row] = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
	return row;
}

/** A body's calls, the latest opened first. */
export async function listCalls(db: DbOrTx, bodyId: string): Promise<CallRow[]> {
	return db.select().from(calls).where(eq(calls.bodyId, bodyId)).orderBy(desc(calls.opensAt), asc(calls.position));
}

/** The framework of a call in order. */
export async function frameworkOf(db: DbOrTx, callId: string): Promise<CategoryRow[]> {
	return db.select().from(categories).where(eq(categories.callId, callId)).orderBy(asc(categories.position));
}

/** A body's categories that belong to no call (its questionnaire's framework). */
export async function bodyFramework(db: DbOrTx, bodyId: string): Promise<CategoryRow[]> {
	return db
		.select()
		.from(categories)
		.where(and(eq(categories.bodyId, bodyId), isNull(categories.callId)))
		.orderBy(asc(categories.position));
}

/**
 * Replaces a call's framework: categories kept by code are updated in place (so the items that
 * cite them keep their category), new codes are added, and codes no longer listed are removed
 * when no item cites them. Returns the codes that could not be removed.
 */
export async function writeFramework(tx: DbOrTx, call: Pick<CallRow, 'id' | 'bodyId'>, wanted: readonly FrameworkCategory[]): Promise<{ blocked: string[] }> {
	const current = await frameworkOf(tx, call.id);
	const byCode = new Map(current.map((c) => [c.code, c]));
	for (const w of wanted) {
		const had = byCode.get(w.code);
		if (had) await tx.update(categories).set({ title: w.title, questions: w.questions, position: w.position }).where(eq(categories.id, had.id));
		else await tx.insert(categories).values({ bodyId: call.bodyId, callId: call.id, code: w.code, title: w.title, questions: w.questions, position: w.position });
	}
	const gone = current.filter((c) => !wanted.some((w) => w.code === c.code));
	const blocked = await categoriesInUse(
		tx,
		gone.map((c) => c.id)
	);
	const removable = gone.filter((c) => !blocked.has(c.id)).map((c) => c.id);
	if (removable.length) await tx.delete(categories).where(inArray(categories.id, removable));
	return { blocked: gone.filter((c) => blocked.has(c.id)).map((c) => c.code) };
}

async function categoriesInUse(tx: DbOrTx, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await tx.selectDistinct({ id: contributionItems.categoryId }).from(contributionItems).where(inArray(contributionItems.categoryId, ids));
	return new Set(rows.map((r) => r.id!).filter(Boolean));
}

/** How many contributions a call received (withdrawn ones included: their record stays). */
export async function contributionCount(db: DbOrTx, callId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(contributions).where(eq(contributions.callId, callId));
	return row?.n ?? 0;
}
