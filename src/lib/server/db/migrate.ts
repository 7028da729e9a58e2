import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { migrationsFolder } from './client';
import { DatabaseStartError } from './errors';

interface Journal {
	entries: { idx: number; when: number; tag: string }[];
}

/** Applies pending migrations; refuses a database written by a newer Plenary. */
export async function migrate(database: Database): Promise<{ applied: number }> {
	const folder = migrationsFolder();
	const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
	const known = Math.max(...journal.entries.map((e) => e.when));
	const before = await appliedMigrations(database);
	if (before.latest !== null && before.latest > known) {
		throw new DatabaseStartError(
			'newer_schema',
			`The database at ${database.location} was written by a newer version of Plenary (its schema is ahead of this one). Nothing was changed: upgrade Plenary, or use another data folder.`
		);
	}
	if (database.kind === 'pglite') {
		const { migrate: run } = await import('drizzle-orm/pglite/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await run(database.db as any, { migrationsFolder: folder });
	} else {
		const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await run(database.db as any, { migrationsFolder: folder });
	}
	const after = await appliedMigrations(database);
	return { applied: after.count - before.count };
}

async function appliedMigrations(database: Database): Promise<{ count: number; latest: number | null }> {
	const exists = await database.db.execute(
		sql`select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`
	);
	if (rows(exists).length === 0) return { count: 0, latest: null };
	const r = rows(await database.db.execute(sql`select count(*)::int as n, max(created_at)::bigint as latest from drizzle.__drizzle_migrations`))[0] as {
		n: number;
		latest: string | number | null;
	};
	return { count: Number(r.n), latest: r.latest === null ? null : Number(r.latest) };
}

/** Result rows of `db.execute`, whichever driver ran it. */
export function rows(result: unknown): Record<string, unknown>[] {
	if (Array.isArray(result)) return result as Record<string, unknown>[];
	return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
