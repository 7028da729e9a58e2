import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

export type Outcome = 'created' | 'updated' | 'unchanged';
/** What an audit event records: each field that changed, from what to what. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Tallies what an import did, so a second run can prove it changed nothing. */
export class Tally {
	created = 0;
	updated = 0;
	unchanged = 0;
	add(outcome: Outcome): void {
		this[outcome]++;
	}
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so compare canonically. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value ?? null, (_k, v) =>
		v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
	);
}

/** Compares stored and wanted values the way they round-trip through the database. */
function same(a: unknown, b: unknown): boolean {
	if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
	return canonicalJson(a) === canonicalJson(b);
}

/**
 * Finds the row whose natural key matches, inserts it when missing, updates only the fields that
 * differ, and says which of the three happened. Natural keys (slugs, ISO codes, a body and a
 * meeting number…) are what make a second import a no-op.
 */
export async function upsertBy<T extends PgTable>(
	tx: DbOrTx,
	table: T,
	key: Record<string, unknown>,
	values: Record<string, unknown>
): Promise<{ id: string; outcome: Outcome; row: Record<string, unknown>; changes: Changes }> {
	const cols = table as unknown as Record<string, PgColumn>;
	const conditions: SQL[] = Object.entries(key).map(([k, v]) => (v === null || v === undefined ? isNull(cols[k]) : eq(cols[k], v)));
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const [existing] = (await (tx as any).select().from(table).where(and(...conditions)).limit(1)) as Record<string, unknown>[];
	if (!existing) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const [row] = (await (tx as any).insert(table).values({ ...key, ...values }).returning()) as Record<string, unknown>[];
		const changes: Changes = {};
		for (const [k, v] of Object.entries({ ...key, ...values })) if (v !== null && v !== undefined && v !== '') changes[k] = { from: null, to: v };
		return { id: row.id as string, outcome: 'created', row, changes };
	}
	const changed: Record<string, unknown> = {};
	const changes: Changes = {};
	for (const [k, v] of Object.entries(values)) {
		// undefined: "whatever it is" — set by the column's default on creation, never updated.
		if (v === undefined || same(existing[k], v)) continue;
		changed[k] = v;
		changes[k] = { from: existing[k] ?? null, to: v };
	}
	if (Object.keys(changed).length === 0) return { id: existing.id as string, outcome: 'unchanged', row: existing, changes };
	if ('updatedAt' in cols) changed.updatedAt = new Date();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const [row] = (await (tx as any).update(table).set(changed).where(eq(cols.id, existing.id)).returning()) as Record<string, unknown>[];
	return { id: row.id as string, outcome: 'updated', row, changes };
}
