import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { signInFailures } from '../db/schema';
import { WINDOW_MINUTES, type FailureRecord, failureLimit } from '../../core/accounts/throttle-rule';

/** The failure records of these keys (absent keys have none). */
export async function failureRecords(db: DbOrTx, keys: string[]): Promise<FailureRecord[]> {
	if (keys.length === 0) return [];
	const rows = await db
		.select({ key: signInFailures.key, count: signInFailures.count, lastAt: signInFailures.lastAt })
		.from(signInFailures)
		.where(inArray(signInFailures.key, keys));
	return rows.map((r) => ({ count: r.count, lastAt: r.lastAt, limit: failureLimit(r.key) }));
}

/**
 * Counts one failure for each key, atomically (a plain read-then-write would lose counts under
 * concurrent guesses on PostgreSQL): a failure after a quiet window starts again at 1, as
 * `countAfterFailure` in the core describes.
 */
export async function recordFailures(db: DbOrTx, keys: string[], now: Date): Promise<void> {
	const at = now.toISOString();
	for (const key of keys) {
		await db
			.insert(signInFailures)
			.values({ key, count: 1, lastAt: now })
			.onConflictDoUpdate({
				target: signInFailures.key,
				set: {
					count: sql`case when "sign_in_failures"."last_at" < ${at}::timestamptz - ${sql.raw(`interval '${WINDOW_MINUTES} minutes'`)} then 1 else "sign_in_failures"."count" + 1 end`,
					lastAt: now
				}
			});
	}
}

export async function clearFailures(db: DbOrTx, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await db.delete(signInFailures).where(inArray(signInFailures.key, keys));
}
