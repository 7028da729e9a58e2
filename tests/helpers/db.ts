import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { PGLITE_TEMPLATE } from './database-setup';

export type DatabaseKind = 'pglite' | 'postgres';

/** The databases integration tests run on: PGlite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export function databaseKinds(): DatabaseKind[] {
	return process.env.TEST_POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated, empty database of that kind, for one test file. */
export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
	if (kind === 'pglite') {
		const dump = new Blob([readFileSync(PGLITE_TEMPLATE)]);
		return openDatabase({ loadDataDir: dump });
	}
	const url = process.env.TEST_POSTGRES_URL!;
	const template = inject('postgresTemplate');
	const name = `${template}_${randomBytes(4).toString('hex')}`;
	const { default: postgres } = await import('postgres');
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name} template ${template}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	const d = await openDatabase({ url: target.toString() });
	const close = d.close;
	return {
		...d,
		close: async () => {
			await close();
			const again = postgres(url, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}
