import { CommandError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, wantsHelp, type Command, type Io } from './command';
import { DatabaseStartError } from '../src/lib/server/db/errors';

/**
 * The commands, each loaded only when run: `plenary --help` stays fast, and one command's
 * dependencies (say, password hashing) never stop another from running.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
	migrate: { summary: 'apply pending database migrations', load: async () => (await import('./commands/migrate')).migrate },
	import: { summary: 'import documents (the WGEC corpus) into the database', load: async () => (await import('./commands/import')).importCommand },
	admin: { summary: 'manage administrators (create the first one)', load: async () => (await import('./commands/admin')).admin },
	status: { summary: 'show the database, its schema state and row counts', load: async () => (await import('./commands/status')).status },
	amendments: { summary: 'derive amendments from an edited copy, or apply them (files only, no database)', load: async () => (await import('./commands/amendments')).amendments }
};

/** The overview printed by `plenary --help` and after an unknown command. */
export function overview(): string {
	const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
	return [
		'Usage: plenary <command> [options]',
		'',
		'Commands:',
		...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
		'',
		'Run `plenary <command> --help` for a command\'s options.',
		'',
		'The database is PostgreSQL when DATABASE_URL is set; otherwise the embedded database in',
		'PLENARY_DATA_DIR (default: data/pglite in the Plenary folder). Stop Plenary before running',
		'a command on the embedded database: only one process may open it.'
	].join('\n');
}

/** The process's own streams and environment. */
export function processIo(): Io {
	return {
		out: (line) => process.stdout.write(line + '\n'),
		write: (text) => process.stdout.write(text),
		err: (line) => process.stderr.write(line + '\n'),
		env: process.env,
		cwd: process.cwd(),
		stdin: process.stdin
	};
}

/** Runs `plenary <args>` and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		const topic = name === 'help' ? rest[0] : undefined;
		if (topic && COMMANDS[topic]) {
			io.out((await COMMANDS[topic].load()).help);
			return EXIT_OK;
		}
		if (name === undefined) {
			io.err(overview());
			return EXIT_USAGE;
		}
		io.out(overview());
		return topic ? EXIT_USAGE : EXIT_OK;
	}
	if (name === '--version' || name === '-v') {
		const { readFileSync } = await import('node:fs');
		const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
		io.out(`plenary ${pkg.version}`);
		return EXIT_OK;
	}
	const entry = COMMANDS[name];
	if (!entry) {
		io.err(`plenary: unknown command "${name}".`);
		io.err('');
		io.err(overview());
		return EXIT_USAGE;
	}
	const command = await entry.load();
	// Every command answers --help the same way, before its own arguments are read.
	if (wantsHelp(rest)) {
		io.out(command.help);
		return EXIT_OK;
	}
	try {
		return await command.run(rest, io);
	} catch (e) {
		if (e instanceof UsageError) {
			io.err(`plenary ${name}: ${e.message}`);
			io.err('');
			io.err(command.help);
			return EXIT_USAGE;
		}
		if (e instanceof CommandError || e instanceof DatabaseStartError) {
			io.err(`plenary ${name}: ${e.message}`);
			return EXIT_FAILED;
		}
		// parseArgs reports unknown or malformed options with these codes.
		const code = (e as NodeJS.ErrnoException).code;
		if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
			io.err(`plenary ${name}: ${(e as Error).message}`);
			io.err('');
			io.err(command.help);
			return EXIT_USAGE;
		}
		io.err(`plenary ${name} failed: ${(e as Error).stack ?? String(e)}`);
		return EXIT_FAILED;
	}
}
