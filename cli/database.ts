import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import type { Io } from './command';

/** The Plenary folder (where package.json is), whatever folder the command runs from. */
export const PLENARY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DatabaseTarget {
	kind: 'pglite' | 'postgres';
	/** DATABASE_URL, when PostgreSQL is used. */
	url?: string;
	/** The embedded database's folder, when PGlite is used. */
	dataDir?: string;
}

/**
 * Which database the command works on. DATABASE_URL selects PostgreSQL. Otherwise the embedded
 * folder: PLENARY_DATA_DIR (relative to where the command runs), or data/pglite in the Plenary
 * folder — the same folder `npm start` uses, wherever the command is run from.
 */
export function databaseTarget(io: Io): DatabaseTarget {
	const url = io.env.DATABASE_URL?.trim();
	if (url) return { kind: 'postgres', url };
	const dir = io.env.PLENARY_DATA_DIR?.trim();
	return { kind: 'pglite', dataDir: dir ? resolve(io.cwd, dir) : resolve(PLENARY_ROOT, 'data/pglite') };
}

/** True when the embedded database's folder does not exist yet or is empty. */
export function embeddedFolderIsEmpty(dataDir: string): boolean {
	return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/**
 * Opens the target database for one command and closes it afterwards. The embedded folder is
 * taken with the folder lock, so a running Plenary makes this refuse ("Stop Plenary first")
 * instead of letting two processes write one folder.
 */
export async function withDatabase<T>(io: Io, work: (database: Database) => Promise<T>): Promise<T> {
	const target = databaseTarget(io);
	const database = await openDatabase({ url: target.url, dataDir: target.dataDir });
	try {
		return await work(database);
	} finally {
		await database.close();
	}
}

/** "the embedded database in /path" or "PostgreSQL at host:port/name" (never a password). */
export function describe(database: Pick<Database, 'kind' | 'location'>): string {
	return database.kind === 'pglite' ? `the embedded database in ${database.location}` : `PostgreSQL at ${database.location}`;
}
