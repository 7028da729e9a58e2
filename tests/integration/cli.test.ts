import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataFolder } from '../../src/lib/server/db/folder-lock';
import { databaseKinds, type DatabaseKind } from '../helpers/db';

const ROOT = resolve(import.meta.dirname, '../..');
const PLENARY = join(ROOT, 'cli/plenary.js');
const CORPUS = resolve(ROOT, '../shared/corpus');

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `plenary …` as a person would, in its own process, with exactly the given environment. */
function plenary(args: string[], env: Record<string, string>, cwd = ROOT): Promise<Run> {
	const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
	return new Promise((resolvePromise, reject) => {
		const child = spawn(process.execPath, [PLENARY, ...args], { cwd, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
	});
}

describe('plenary without a database', () => {
	it('explains itself: --help on the command and on every command', async () => {
		const overview = await plenary(['--help'], {});
		expect(overview.code).toBe(0);
		for (const name of ['migrate', 'import', 'admin', 'status']) expect(overview.stdout).toContain(name);
		for (const args of [['migrate', '--help'], ['import', '--help'], ['admin', '--help'], ['status', '--help'], ['help', 'admin']]) {
			const run = await plenary(args, {});
			expect(run.code, args.join(' ')).toBe(0);
			expect(run.stdout, args.join(' ')).toMatch(/^Usage: plenary /);
		}
	});

	it('answers an unknown command with the help and exit code 2', async () => {
		const run = await plenary(['frobnicate'], {});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('unknown command "frobnicate"');
		expect(run.stderr).toContain('Usage: plenary <command>');
	});

	it('answers a wrong option or a missing argument with the command help and exit code 2', async () => {
		const unknownOption = await plenary(['migrate', '--force'], {});
		expect(unknownOption.code).toBe(2);
		expect(unknownOption.stderr).toContain('Usage: plenary migrate');
		const noFolder = await plenary(['import', 'corpus'], {});
		expect(noFolder.code).toBe(2);
		expect(noFolder.stderr).toContain('name the corpus folder');
		const noEmail = await plenary(['admin', 'create', '--name', 'Ana'], {});
		expect(noEmail.code).toBe(2);
		expect(noEmail.stderr).toContain('--email is required');
	});

	it('refuses a malformed DATABASE_URL with a clear message and exit code 1', async () => {
		const run = await plenary(['migrate'], { DATABASE_URL: 'not a url' });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('DATABASE_URL is not a valid postgres:// address');
	});

	it('refuses an unreachable PostgreSQL server with a clear message and exit code 1', async () => {
		const run = await plenary(['status'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('Cannot reach the PostgreSQL server at 127.0.0.1:1/nowhere');
		expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
	});

	it('refuses an embedded data folder another process holds, and leaves it alone', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'plenary-cli-held-'));
		const lock = acquireDataFolder(dir, 'test holder');
		try {
			const run = await plenary(['migrate'], { PLENARY_DATA_DIR: dir });
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('Stop Plenary first');
		} finally {
			lock.release();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reports a data folder that does not exist yet without creating it', async () => {
		const dir = join(tmpdir(), `plenary-cli-none-${randomBytes(4).toString('hex')}`);
		const run = await plenary(['status'], { PLENARY_DATA_DIR: dir });
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`embedded (PGlite) in ${dir}`);
		expect(run.stdout).toContain('none yet');
		const { existsSync } = await import('node:fs');
		expect(existsSync(dir)).toBe(false);
	});
});

/**
 * The environment that points the CLI at an empty database of the given kind: a fresh PGlite
 * folder, or a fresh (unmigrated) database on the test PostgreSQL server.
 */
async function emptyDatabase(kind: DatabaseKind): Promise<{ env: Record<string, string>; where: string; drop(): Promise<void> }> {
	if (kind === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'plenary-cli-'));
		return { env: { PLENARY_DATA_DIR: dir }, where: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
	}
	const url = process.env.TEST_POSTGRES_URL!;
	const name = `plenary_cli_${randomBytes(4).toString('hex')}`;
	const { default: postgres } = await import('postgres');
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: target.toString() },
		where: `${target.host}/${name}`,
		drop: async () => {
			const again = postgres(url, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}

describe.each(databaseKinds())('plenary on %s', (kind) => {
	let db: Awaited<ReturnType<typeof emptyDatabase>>;
	beforeAll(async () => {
		db = await emptyDatabase(kind);
	});
	afterAll(async () => {
		await db?.drop();
	});

	it('migrates, then finds nothing left to apply', async () => {
		const before = await plenary(['status'], db.env);
		expect(before.code, before.stderr).toBe(0);
		expect(before.stdout).toMatch(/Schema: +(none yet|empty)/);

		const first = await plenary(['migrate'], db.env);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stdout).toMatch(/^Applied \d+ migrations? to /);
		expect(first.stdout).toContain(db.where);

		const second = await plenary(['migrate'], db.env);
		expect(second.code, second.stderr).toBe(0);
		expect(second.stdout).toContain('is up to date: 0 migrations applied');
	});

	it('imports the corpus with progress, and a second import changes nothing', async () => {
		const first = await plenary(['import', 'corpus', CORPUS], db.env);
		expect(first.code, first.stderr).toBe(0);
		const created = Number(/(\d+) created, (\d+) updated/.exec(first.stdout)?.[1]);
		expect(created).toBeGreaterThan(0);
		expect(first.stdout.trim().split('\n').length).toBeGreaterThan(2); // progress, not just the total

		const statusAfterFirst = await plenary(['status'], db.env);
		const second = await plenary(['import', 'corpus', CORPUS], db.env);
		expect(second.code, second.stderr).toBe(0);
		expect(second.stdout.trim().split('\n').at(-1)).toMatch(/^0 created, 0 updated\b/);
		const statusAfterSecond = await plenary(['status'], db.env);
		expect(statusAfterSecond.stdout).toBe(statusAfterFirst.stdout);
		expect(statusAfterSecond.stdout).toMatch(/bodies +2\b/);
	});

	it('refuses a corpus folder that does not exist', async () => {
		const run = await plenary(['import', 'corpus', 'no/such/folder'], db.env, tmpdir());
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`the folder ${join(tmpdir(), 'no/such/folder')} does not exist`);
	});

	it('creates the first administrator, refuses the same e-mail twice, and promotes on request', async () => {
		const created = await plenary(['admin', 'create', '--email', 'Admin@Example.org', '--name', 'Ada Admin'], {
			...db.env,
			PLENARY_ADMIN_PASSWORD: 'a long enough password'
		});
		expect(created.code, created.stderr).toBe(0);
		expect(created.stdout).toContain('admin@example.org: created');

		const again = await plenary(['admin', 'create', '--email', 'admin@example.org', '--name', 'Ada', '--password', 'another long password'], db.env);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already exists');

		const promoted = await plenary(['admin', 'create', '--email', 'admin@example.org', '--promote', '--password', 'ignored password'], db.env);
		expect(promoted.code, promoted.stderr).toBe(0);
		expect(promoted.stdout).toContain('already an administrator');

		const status = await plenary(['status'], db.env);
		expect(status.stdout).toMatch(/users +1\b/);
	});

	it('refuses a short password and an administrator without any password, changing nothing', async () => {
		const short = await plenary(['admin', 'create', '--email', 'b@example.org', '--name', 'B', '--password', 'short'], db.env);
		expect(short.code).toBe(1);
		expect(short.stderr).toContain('password: Use at least 10 characters.');

		const none = await plenary(['admin', 'create', '--email', 'c@example.org', '--name', 'C'], db.env);
		expect(none.code).toBe(1);
		expect(none.stderr).toContain('no password given');

		const status = await plenary(['status'], db.env);
		expect(status.stdout).toMatch(/users +1\b/);
	});
});
