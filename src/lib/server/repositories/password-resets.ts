import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { passwordResets } from '../db/schema';

export async function insertPasswordReset(db: DbOrTx, values: { tokenHash: string; userId: string; expiresAt: Date; createdAt: Date }): Promise<void> {
	await db.insert(passwordResets).values(values);
}

export async function findPasswordReset(db: DbOrTx, tokenHash: string) {
	const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
	return row;
}

/** How many links were asked for this account since `since`. */
export async function countResetsSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
	const [{ n }] = await db
		.select({ n: count() })
		.from(passwordResets)
		.where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)));
	return Number(n);
}

/**
 * Marks a token used if it is still usable, in one statement, so that two requests presenting
 * the same link at once cannot both succeed. Returns the account it belongs to, or undefined.
 */
export async function consumePasswordReset(db: DbOrTx, tokenHash: string, now: Date): Promise<{ userId: string } | undefined> {
	const [row] = await db
		.update(passwordResets)
		.set({ usedAt: now })
		.where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
		.returning({ userId: passwordResets.userId });
	return row;
}

/** After a reset, the account's other open links stop working too. */
export async function retireOpenResets(db: DbOrTx, userId: string, now: Date): Promise<void> {
	await db
		.update(passwordResets)
		.set({ usedAt: now })
		.where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
