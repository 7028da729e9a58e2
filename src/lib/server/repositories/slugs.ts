import { inArray } from 'drizzle-orm';
import { slugCandidate } from '../../core/shared/slug';
import type { DbOrTx } from '../db/client';
import { bodies, calls, contributions, organisations, persons, questionnaires } from '../db/schema';

const TABLES = { bodies, calls, contributions, organisations, persons, questionnaires } as const;

/**
 * The first free slug among base, base-2, base-3… in a table, for slugs derived from a name
 * (a slug the person typed is used as is and a clash is reported as a conflict instead).
 */
export async function availableSlug(db: DbOrTx, table: keyof typeof TABLES, base: string): Promise<string> {
	const t = TABLES[table];
	for (let start = 1; ; start += 20) {
		const candidates = Array.from({ length: 20 }, (_, i) => slugCandidate(base, start + i));
		const taken = new Set((await db.select({ slug: t.slug }).from(t).where(inArray(t.slug, candidates))).map((r) => r.slug));
		const free = candidates.find((c) => !taken.has(c));
		if (free) return free;
	}
}
