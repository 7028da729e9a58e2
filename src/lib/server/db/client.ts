import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataFolder, type FolderLock } from './folder-lock';
import { DatabaseStartError } from './errors';

export type Schema = typeof schema;
// Both drivers (PGlite and postgres.js) produce a PgDatabase over the same schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, Schema, any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Where the data lives: a folder for PGlite, the server address (without password) for PostgreSQL. */
	location: string;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres://… — when set, a PostgreSQL server is used. */
	url?: string;
	/** PGlite data folder; ignored when `url` is set. */
	dataDir?: string;
	/** A PGlite data dump (from `dumpDataDir`) to start an in-memory database from, for tests. */
	loadDataDir?: Blob;
	/** Open PGlite in memory (tests). */
	memory?: boolean;
	/** Refuse unless this process can take the data folder for itself (default true). */
	lock?: boolean;
}

export function migrationsFolder(): string {
	const candidates = [resolve(process.cwd(), 'drizzle'), resolve(import.meta.dirname ?? '.', '../../../../drizzle')];
	const found = candidates.find((c) => existsSync(resolve(c, 'meta/_journal.json')));
	if (!found) throw new DatabaseStartError('migrations_missing', `Cannot find the migrations folder (looked in ${candidates.join(', ')}).`);
	return found;
}

/** Opens the database named by the options: PostgreSQL when a URL is given, otherwise PGlite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
	if (options.url) return openPostgres(options.url);
	return openPglite(options);
}

async function openPostgres(url: string): Promise<Database> {
	let parsed: URL;
	try {
		parsed = new URL(url);
		if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('protocol');
	} catch {
		throw new DatabaseStartError('bad_url', 'DATABASE_URL is not a valid postgres:// address.');
	}
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
	try {
		await client`select 1`;
	} catch (e) {
		await client.end({ timeout: 1 }).catch(() => {});
		throw new DatabaseStartError(
			'unreachable',
			`Cannot reach the PostgreSQL server at ${parsed.host}${parsed.pathname}: ${(e as Error).message}`
		);
	}
	const db = drizzle(client, { schema }) as unknown as Db;
	parsed.password = '';
	return {
		db,
		kind: 'postgres',
		location: `${parsed.host}${parsed.pathname}`,
		close: () => client.end({ timeout: 5 })
	};
}

async function openPglite(options: OpenOptions): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const { drizzle } = await import('drizzle-orm/pglite');
	const extensions = { pg_trgm, unaccent };
	let lock: FolderLock | null = null;
	let dataDir: string | undefined;
	if (!options.memory && !options.loadDataDir) {
		dataDir = resolve(options.dataDir ?? 'data/pglite');
		mkdirSync(dataDir, { recursive: true });
		if (options.lock !== false) lock = acquireDataFolder(dataDir);
	}
	let client: InstanceType<typeof PGlite>;
	try {
		client = await PGlite.create(dataDir ?? undefined, { extensions, loadDataDir: options.loadDataDir });
		await client.query('select 1');
	} catch (e) {
		lock?.release();
		const hasFiles = dataDir ? readdirSync(dataDir).length > 0 : false;
		throw new DatabaseStartError(
			'corrupt',
			`The embedded database in ${dataDir ?? 'memory'} cannot be opened${hasFiles ? ' (the folder looks damaged; nothing was changed — restore it from a backup or move it aside)' : ''}: ${(e as Error).message}`
		);
	}
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		location: dataDir ?? 'memory',
		close: async () => {
			await client.close();
			lock?.release();
		}
	};
}
