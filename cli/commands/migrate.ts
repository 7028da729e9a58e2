import { parseArgs } from 'node:util';
import { migrate as applyMigrations } from '../../src/lib/server/db/migrate';
import { EXIT_OK, UsageError, type Command } from '../command';
import { describe, withDatabase } from '../database';

export const migrate: Command = {
	name: 'migrate',
	summary: 'apply pending database migrations',
	help: [
		'Usage: plenary migrate',
		'',
		'Opens the database and applies the migrations it has not had yet, then prints how many were',
		'applied. Running it again applies nothing. A database written by a newer Plenary is refused',
		'and left unchanged.',
		'',
		'Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded database in',
		'PLENARY_DATA_DIR (default data/pglite). Stop Plenary first when it uses the embedded database.',
		'',
		'Options:',
		'  -h, --help  show this help'
	].join('\n'),
	async run(args, io) {
		const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
		if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
		return withDatabase(io, async (database) => {
			const { applied } = await applyMigrations(database);
			io.out(
				applied > 0
					? `Applied ${applied} migration${applied === 1 ? '' : 's'} to ${describe(database)}.`
					: `${describe(database)[0].toUpperCase()}${describe(database).slice(1)} is up to date: 0 migrations applied.`
			);
			return EXIT_OK;
		});
	}
};
