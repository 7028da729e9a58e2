import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { migrationsFolder, type Database, type DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import * as schema from '../db/schema';

export interface SchemaState {
	/** Migrations this version of Plenary knows. */
	known: number;
	/** Migrations the database has had. */
	applied: number;
	/** 'empty': never migrated; 'behind': migrations pending; 'ahead': written by a newer Plenary. */
	state: 'empty' | 'behind' | 'current' | 'ahead';
}

/** How the database's schema compares with this version's migrations, without changing anything. */
export async function schemaState(database: Database): Promise<SchemaState> {
	const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
	const known = journal.entries.length;
	const newestKnown = Math.max(...journal.entries.map((e) => e.when));
	const table = rows(
		await database.db.execute(sql`select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`)
	);
	if (table.length === 0) return { known, applied: 0, state: 'empty' };
	const [r] = rows(await database.db.execute(sql`select count(*)::int as n, max(created_at)::bigint as latest from drizzle.__drizzle_migrations`));
	const applied = Number(r.n);
	const latest = r.latest === null ? null : Number(r.latest);
	if (latest !== null && latest > newestKnown) return { known, applied, state: 'ahead' };
	if (applied === 0) return { known, applied, state: 'empty' };
	return { known, applied, state: applied < known ? 'behind' : 'current' };
}

/** The tables `plenary status` counts, in the order it shows them. */
const MAIN_TABLES: [string, PgTable][] = [
	['bodies', schema.bodies],
	['categories', schema.categories],
	['organisations', schema.organisations],
	['persons', schema.persons],
	['users', schema.users],
	['memberships', schema.memberships],
	['meetings', schema.meetings],
	['documents', schema.documents],
	['document versions', schema.documentVersions],
	['units', schema.units],
	['contributions', schema.contributions],
	['contribution items', schema.contributionItems],
	['audit events', schema.auditEvents]
];

/** Row counts of the main tables (call only on a migrated database). */
export async function mainRowCounts(db: DbOrTx): Promise<{ table: string; rows: number }[]> {
	const out: { table: string; rows: number }[] = [];
	for (const [name, table] of MAIN_TABLES) {
		const [{ n }] = await db.select({ n: count() }).from(table);
		out.push({ table: name, rows: Number(n) });
	}
	return out;
}
