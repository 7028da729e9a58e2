import { building } from '$app/environment';
import { openDatabase, type Database, type Db } from './db/client';
import { migrate } from './db/migrate';
import { readConfig } from './config';
import { loadDemoDataIfEmpty } from './importers/demo';

let opening: Promise<Database> | null = null;

/**
 * The server's one database, opened on first use (never while `vite build` analyses modules),
 * migrated, and filled with the demo data on the first start of an empty database.
 */
export function database(): Promise<Database> {
	if (building) throw new Error('The database is not available while building.');
	if (!opening) {
		opening = (async () => {
			const config = readConfig();
			const d = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
			process.once('sveltekit:shutdown', () => void d.close());
			const { applied } = await migrate(d);
			if (applied > 0) console.log(`Plenary: applied ${applied} migration(s) to ${d.kind} at ${d.location}.`);
			await loadDemoDataIfEmpty(d.db, config.corpusDir, (line) => console.log(line));
			return d;
		})();
		opening.catch(() => {
			opening = null;
		});
	}
	return opening;
}

export async function db(): Promise<Db> {
	return (await database()).db;
}
