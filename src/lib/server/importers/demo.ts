import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rows } from '../db/migrate';
import { importCorpus } from './corpus';

/**
 * On the first start of an empty database, loads the WGEC proceedings from the corpus folder as
 * demo data; without the folder, starts empty and says how to import later.
 */
export async function loadDemoDataIfEmpty(db: Db, corpusDir: string, log: (line: string) => void): Promise<void> {
	const [{ n }] = rows(await db.execute(sql`select count(*)::int as n from bodies`)) as { n: number }[];
	if (Number(n) > 0) return;
	if (!existsSync(corpusDir)) {
		log(`Plenary: the database is empty and no corpus folder was found at ${corpusDir}.`);
		log('Plenary: to load the WGEC demo data, stop Plenary and run: npx plenary import corpus <folder>');
		return;
	}
	log(`Plenary: first start on an empty database — importing the demo data from ${corpusDir}…`);
	const report = await importCorpus(db, corpusDir, log);
	log(`Plenary: demo data loaded (${report.created} created, ${report.updated} updated).`);
}
