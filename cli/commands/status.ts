import { parseArgs } from 'node:util';
import { folderHolder } from '../../src/lib/server/db/folder-lock';
import { mainRowCounts, schemaState } from '../../src/lib/server/repositories/database-status';
import { CommandError, EXIT_OK, UsageError, type Command } from '../command';
import { databaseTarget, embeddedFolderIsEmpty, withDatabase } from '../database';

const HELP = [
	'Usage: plenary status',
	'',
	'Shows which database Plenary uses (the embedded one and its folder, or PostgreSQL and its',
	'address), whether its schema is up to date with this version\'s migrations, and how many rows',
	'the main tables hold. Changes nothing; an embedded database that does not exist yet is not',
	'created.',
	'',
	'Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded database in',
	'PLENARY_DATA_DIR (default data/pglite). Stop Plenary first when it uses the embedded database.',
	'',
	'Options:',
	'  -h, --help  show this help'
].join('\n');

const STATE_TEXT = {
	empty: 'empty — no migrations applied yet (run `plenary migrate`, or start Plenary)',
	behind: 'behind — migrations are pending (run `plenary migrate`, or start Plenary)',
	current: 'up to date',
	ahead: 'written by a newer version of Plenary — upgrade Plenary to use it'
} as const;

export const status: Command = {
	name: 'status',
	summary: 'show the database, its schema state and row counts',
	help: HELP,
	async run(args, io) {
		const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
		if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);

		const target = databaseTarget(io);
		if (target.kind === 'pglite') {
			if (embeddedFolderIsEmpty(target.dataDir!)) {
				io.out(`Database: embedded (PGlite) in ${target.dataDir}`);
				io.out('Schema:   none yet — Plenary creates the database on its first start (or run `plenary migrate`).');
				return EXIT_OK;
			}
			const holder = folderHolder(target.dataDir!);
			if (holder) {
				throw new CommandError(
					`the embedded database in ${target.dataDir} is in use by a running Plenary (pid ${holder.pid}, since ${holder.startedAt}). Stop Plenary first, then run this command again.`
				);
			}
		}
		return withDatabase(io, async (database) => {
			io.out(`Database: ${database.kind === 'pglite' ? `embedded (PGlite) in ${database.location}` : `PostgreSQL at ${database.location}`}`);
			const schema = await schemaState(database);
			io.out(`Schema:   ${STATE_TEXT[schema.state]} (${schema.applied} of ${schema.known} migrations applied)`);
			if (schema.state === 'current' || schema.state === 'behind') {
				const counts = await mainRowCounts(database.db);
				const width = Math.max(...counts.map((c) => c.table.length));
				io.out('Rows:');
				for (const c of counts) io.out(`  ${c.table.padEnd(width)}  ${c.rows}`);
			}
			return EXIT_OK;
		});
	}
};
