import type { Db } from '../db/client';

export interface ImportReport {
	created: number;
	updated: number;
	unchanged: number;
	warnings: string[];
}

export async function importCorpus(_db: Db, _dir: string, _log: (line: string) => void): Promise<ImportReport> {
	return { created: 0, updated: 0, unchanged: 0, warnings: ['corpus importer pending'] };
}
