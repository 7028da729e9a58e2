import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../../src/lib/server/db/migrate';
import { importCorpus } from '../../src/lib/server/importers/corpus';
import { CommandError, EXIT_OK, UsageError, type Command } from '../command';
import { describe, withDatabase } from '../database';

const HELP = [
	'Usage: plenary import corpus <folder>',
	'',
	'Imports the WGEC proceedings from <folder> (the corpus: bodies, meetings, the Chair\'s draft,',
	'the contributions and the rolling compilation) into the database, printing its progress and,',
	'at the end, how many records it created and updated. The files are read where they lie.',
	'',
	'Importing is idempotent: a second run of the same folder prints "0 created, 0 updated" and',
	'changes nothing. Pending migrations are applied first.',
	'',
	'Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded database in',
	'PLENARY_DATA_DIR (default data/pglite). Stop Plenary first when it uses the embedded database.',
	'',
	'Options:',
	'  -h, --help  show this help'
].join('\n');

export const importCommand: Command = {
	name: 'import',
	summary: 'import documents (the WGEC corpus) into the database',
	help: HELP,
	async run(args, io) {
		const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
		const [what, folderArg, extra] = positionals;
		if (what === undefined) throw new UsageError('say what to import: plenary import corpus <folder>.');
		if (what !== 'corpus') throw new UsageError(`unknown import "${what}" (only "corpus" is known).`);
		if (!folderArg) throw new UsageError('name the corpus folder: plenary import corpus <folder>.');
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}".`);
		const folder = resolve(io.cwd, folderArg);
		if (!existsSync(folder)) throw new CommandError(`the folder ${folder} does not exist.`);
		if (!statSync(folder).isDirectory()) throw new CommandError(`${folder} is a file, not a folder.`);

		return withDatabase(io, async (database) => {
			const { applied } = await migrate(database);
			if (applied > 0) io.out(`Applied ${applied} migration${applied === 1 ? '' : 's'} to ${describe(database)}.`);
			io.out(`Importing ${folder} into ${describe(database)}…`);
			const logged: string[] = [];
			const report = await importCorpus(database.db, folder, (line) => {
				logged.push(line);
				io.out(line);
			});
			// The importer may already have said these; say each only once.
			for (const warning of report.warnings) if (!logged.some((line) => line.includes(warning))) io.err(`warning: ${warning}`);
			const summary = `${report.created} created, ${report.updated} updated (${report.unchanged} unchanged).`;
			if (logged.at(-1)?.trim() !== summary) io.out(summary);
			return EXIT_OK;
		});
	}
};
