import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outbox } from '../db/schema';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = 'sent' | 'failed' | 'pending';

/** A message's state: failed when its transport refused it, sent once delivered, pending in between. */
export function outboxStatus(row: Pick<OutboxRow, 'sentAt' | 'error'>): OutboxStatus {
	if (row.error) return 'failed';
	return row.sentAt ? 'sent' : 'pending';
}

/** Records an outgoing message before (or as) it is handed to its transport. */
export async function insertOutboxMessage(
	db: DbOrTx,
	values: { to: string; subject: string; text: string; transport: string; sentAt?: Date | null }
): Promise<OutboxRow> {
	const [row] = await db.insert(outbox).values(values).returning();
	return row;
}

export async function markOutboxSent(db: DbOrTx, id: string, at: Date = new Date()): Promise<void> {
	await db.update(outbox).set({ sentAt: at, error: null }).where(eq(outbox.id, id));
}

export async function markOutboxFailed(db: DbOrTx, id: string, error: string): Promise<void> {
	await db.update(outbox).set({ error: error.slice(0, 2000) }).where(eq(outbox.id, id));
}

/** Newest first, one page at a time. */
export async function listOutbox(db: DbOrTx, page: { limit: number; offset: number }) {
	const [items, [{ n }]] = await Promise.all([
		db
			.select({ id: outbox.id, to: outbox.to, subject: outbox.subject, transport: outbox.transport, sentAt: outbox.sentAt, error: outbox.error, createdAt: outbox.createdAt })
			.from(outbox)
			.orderBy(desc(outbox.createdAt), desc(outbox.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ n: count() }).from(outbox)
	]);
	return { items: items.map((i) => ({ ...i, status: outboxStatus(i) })), total: Number(n) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message; undefined for an unknown or malformed id (never a database error). */
export async function findOutboxMessage(db: DbOrTx, id: string): Promise<(OutboxRow & { status: OutboxStatus }) | undefined> {
	if (!UUID.test(id)) return undefined;
	const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
	return row ? { ...row, status: outboxStatus(row) } : undefined;
}

/** The messages sent to one address, newest first (for tests and support). */
export async function outboxMessagesTo(db: DbOrTx, to: string): Promise<OutboxRow[]> {
	return db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt));
}
