import { parseArgs } from 'node:util';
import { createAdministrator } from '../../src/lib/server/auth/administrators';
import { migrate } from '../../src/lib/server/db/migrate';
import { translator, type MessageKey } from '../../src/lib/i18n/translate';
import { CommandError, EXIT_FAILED, EXIT_OK, UsageError, type Command, type Io } from '../command';
import { describe, withDatabase } from '../database';
import { promptHidden } from '../prompt';

const HELP = [
	'Usage: plenary admin create --email <address> --name <name> [--password <password>] [--promote]',
	'',
	'Creates an administrator: an account that can sign in and set up bodies, organisations,',
	'memberships and meetings, and read the audit log. Use it once to create the first',
	'administrator; administrators then make others in the UI.',
	'',
	'The password is taken from --password, else from the environment variable',
	'PLENARY_ADMIN_PASSWORD, else asked for on the terminal (typed twice, not shown). With none of',
	'these and no terminal, the command fails. Passwords have at least 10 characters.',
	'',
	'An e-mail address that already has an account is refused, unless --promote is given: then that',
	'account becomes an administrator and keeps its password.',
	'',
	'Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded database in',
	'PLENARY_DATA_DIR (default data/pglite). Stop Plenary first when it uses the embedded database.',
	'',
	'Options:',
	'  --email <address>     the administrator\'s e-mail address (they sign in with it)',
	'  --name <name>         their name as shown in Plenary',
	'  --password <password> their password (visible to other users of this machine; prefer the prompt)',
	'  --promote             make an existing account with this e-mail an administrator',
	'  -h, --help            show this help'
].join('\n');

const FIELD_NAMES: Record<string, string> = { email: 'e-mail', name: 'name', password: 'password' };
const ZOD_CODES: Record<string, string> = {
	too_small: 'is missing or too short',
	too_big: 'is too long',
	invalid_format: 'is not valid',
	invalid_type: 'is missing'
};

/** "password: Use at least 10 characters." — catalog keys in English, zod's codes in words. */
export function describeProblems(problems: Record<string, string>): string[] {
	const en = translator('en');
	return Object.entries(problems).map(([field, problem]) => {
		const label = FIELD_NAMES[field] ?? field;
		const text = problem.includes('.') ? en(problem as MessageKey) : `the ${label} ${ZOD_CODES[problem] ?? `is not accepted (${problem})`}.`;
		return `${label}: ${text}`;
	});
}

async function choosePassword(given: string | undefined, io: Io): Promise<string> {
	if (given !== undefined) return given;
	const fromEnv = io.env.PLENARY_ADMIN_PASSWORD;
	if (fromEnv) return fromEnv;
	if (!io.stdin.isTTY) {
		throw new CommandError('no password given. Pass --password, set PLENARY_ADMIN_PASSWORD, or run the command on a terminal to be asked for one.');
	}
	try {
		const first = await promptHidden('Password for the new administrator (not shown): ', io.stdin);
		const second = await promptHidden('The same password again: ', io.stdin);
		if (first !== second) throw new CommandError('the two passwords differ; nothing was changed.');
		return first;
	} catch (e) {
		if (e instanceof CommandError) throw e;
		throw new CommandError('cancelled; nothing was changed.');
	}
}

export const admin: Command = {
	name: 'admin',
	summary: 'manage administrators (create the first one)',
	help: HELP,
	async run(args, io) {
		const { values, positionals } = parseArgs({
			args,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				password: { type: 'string' },
				promote: { type: 'boolean', default: false }
			},
			allowPositionals: true,
			strict: true
		});
		const [sub, extra] = positionals;
		if (sub === undefined) throw new UsageError('say what to do: plenary admin create --email … --name ….');
		if (sub !== 'create') throw new UsageError(`unknown admin command "${sub}" (only "create" is known).`);
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}".`);
		if (!values.email) throw new UsageError('--email is required.');
		if (!values.name && !values.promote) throw new UsageError('--name is required.');
		const password = await choosePassword(values.password, io);

		return withDatabase(io, async (database) => {
			const { applied } = await migrate(database);
			if (applied > 0) io.out(`Applied ${applied} migration${applied === 1 ? '' : 's'} to ${describe(database)}.`);
			const result = await createAdministrator(database.db, {
				email: values.email!,
				name: values.name ?? '',
				password,
				promote: values.promote
			});
			if (result.ok) {
				const verb = { created: 'created', promoted: 'made an administrator', unchanged: 'already an administrator; nothing changed' }[result.value.outcome];
				io.out(`Administrator ${values.email!.trim().toLowerCase()}: ${verb}.`);
				return EXIT_OK;
			}
			if (result.error === 'email_taken') {
				io.err('plenary admin: an account with this e-mail address already exists; nothing was changed. Add --promote to make it an administrator.');
				return EXIT_FAILED;
			}
			const problems = (result.detail?.problems ?? {}) as Record<string, string>;
			io.err('plenary admin: the administrator was not created:');
			for (const line of describeProblems(problems)) io.err(`  ${line}`);
			return EXIT_FAILED;
		});
	}
};
