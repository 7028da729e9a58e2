import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { DatabaseStartError } from '../../src/lib/server/db/errors';
import { migrate, rows } from '../../src/lib/server/db/migrate';

const made: string[] = [];
const tempDir = () => {
	const d = mkdtempSync(join(tmpdir(), 'plenary-start-'));
	made.push(d);
	return d;
};
afterAll(() => {
	for (const d of made) rmSync(d, { recursive: true, force: true });
});

async function expectStartError(p: Promise<unknown>, code: DatabaseStartError['code']) {
	const e = await p.then(
		() => null,
		(err) => err
	);
	expect(e).toBeInstanceOf(DatabaseStartError);
	expect((e as DatabaseStartError).code).toBe(code);
	expect((e as Error).message.length).toBeGreaterThan(20);
	return e as DatabaseStartError;
}

/** A listing of a folder with sizes and modification times: "nothing overwritten" means it is equal. */
function fingerprint(dir: string): string {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			const s = statSync(p);
			if (s.isDirectory()) walk(p);
			else out.push(`${p}:${s.size}:${s.mtimeMs}`);
		}
	};
	walk(dir);
	return out.join('\n');
}

describe('opening the database refuses what it must not touch', () => {
	it('refuses a malformed DATABASE_URL', async () => {
		await expectStartError(openDatabase({ url: 'not a url' }), 'bad_url');
		await expectStartError(openDatabase({ url: 'mysql://x@localhost/db' }), 'bad_url');
	});

	it('refuses an unreachable PostgreSQL server with its address in the message', async () => {
		const e = await expectStartError(openDatabase({ url: 'postgres://nobody@127.0.0.1:1/plenary' }), 'unreachable');
		expect(e.message).toContain('127.0.0.1:1');
	});

	it('refuses a data folder held by another live process, and changes nothing in it', async () => {
		const dir = tempDir();
		const first = await openDatabase({ dataDir: dir });
		await migrate(first);
		await first.close();
		// Another process (a sleeping child) holds the folder.
		const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
		try {
			writeFileSync(join(dir, 'plenary.lock'), JSON.stringify({ pid: child.pid, startedAt: new Date().toISOString(), purpose: 'server' }));
			const before = fingerprint(dir);
			const e = await expectStartError(openDatabase({ dataDir: dir }), 'in_use');
			expect(e.message).toMatch(/stop Plenary first/i);
			expect(e.message).toContain(String(child.pid));
			expect(fingerprint(dir)).toBe(before);
		} finally {
			child.kill();
		}
	});

	it('takes over a lock left by a process that is gone', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'plenary.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2020-01-01T00:00:00Z', purpose: 'server' }));
		const d = await openDatabase({ dataDir: dir });
		expect(JSON.parse(readFileSync(join(dir, 'plenary.lock'), 'utf8')).pid).toBe(process.pid);
		await d.close();
		expect(readdirSync(dir)).not.toContain('plenary.lock');
	});

	it('refuses a corrupt data folder and leaves it as it was', async () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'base'), { recursive: true });
		writeFileSync(join(dir, 'PG_VERSION'), 'garbage\n');
		writeFileSync(join(dir, 'base', 'junk'), 'not a database');
		const before = fingerprint(dir);
		await expectStartError(openDatabase({ dataDir: dir }), 'corrupt');
		expect(fingerprint(dir)).toBe(before);
	});

	it('refuses a database written by a newer Plenary, without applying anything', async () => {
		const d = await openDatabase({ memory: true });
		await migrate(d);
		// A migration from the future, as a newer release would have recorded it.
		await d.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', ${String(Date.now() + 10 ** 11)})`);
		const [{ n: before }] = rows(await d.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
		await expectStartError(migrate(d), 'newer_schema');
		const [{ n: after }] = rows(await d.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
		expect(after).toBe(before);
		await d.close();
	});
});
