import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureBuilt, ROOT } from '../../scripts/build-state.js';
import { freePort, stopServer, waitUntilAnswering } from '../../scripts/server-process.js';

/** Where the server's output goes during the journeys (printed when it fails to start). */
export const SERVER_LOG = resolve(ROOT, '.test-tmp', 'e2e-server.log');

/**
 * Once per run of the e2e project: build if stale, then start Plenary exactly as `npm start` does
 * (scripts/start.js → `node build`) on the embedded database in a fresh temporary folder, on a free
 * loopback port, with the WGEC corpus as demo data. Before the server starts, the first
 * administrator is created with the real CLI (`plenary admin create`), as an operator of a fresh
 * install does; creating an account creates no body, so the first start still loads the demo data.
 * The journeys get its address (`baseUrl`), its data folder (`dataDir`, for the CLI's "stop Plenary
 * first" journey) and the administrator's credentials (`admin`).
 */
export default async function setup(project: TestProject) {
	await ensureBuilt({ root: ROOT, quiet: true, log: (line) => console.log(`[e2e] ${line}`) });
	const port = await freePort();
	const scratch = mkdtempSync(join(tmpdir(), 'plenary-e2e-'));
	const dataDir = join(scratch, 'pglite');
	const baseUrl = `http://127.0.0.1:${port}`;
	const corpusDir = resolve(process.env.PLENARY_CORPUS_DIR || resolve(ROOT, '../shared/corpus'));

	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: baseUrl,
		PLENARY_DATA_DIR: dataDir,
		PLENARY_CORPUS_DIR: corpusDir
	};
	// The journeys run on the embedded database, as a fresh clone does.
	delete env.DATABASE_URL;
	delete env.SMTP_URL;

	let admin: AdminCredentials;
	try {
		admin = createAdministrator(env);
	} catch (e) {
		rmSync(scratch, { recursive: true, force: true });
		throw e;
	}

	mkdirSync(resolve(ROOT, '.test-tmp'), { recursive: true });
	const log = createWriteStream(SERVER_LOG);
	const server: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'scripts/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	server.stdout!.pipe(log);
	server.stderr!.pipe(log);

	try {
		// The first start migrates and imports the corpus before it listens.
		await waitUntilAnswering(`${baseUrl}/`, server, { timeoutMs: 240_000 });
	} catch (e) {
		await stopServer(server, 5_000);
		const output = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-40).join('\n') : '';
		rmSync(scratch, { recursive: true, force: true });
		throw new Error(`The e2e server did not start: ${(e as Error).message}\n--- ${SERVER_LOG} ---\n${output}`);
	}

	project.provide('baseUrl', baseUrl);
	project.provide('dataDir', dataDir);
	project.provide('admin', admin);

	return async () => {
		const code = await stopServer(server, 15_000);
		log.end();
		rmSync(scratch, { recursive: true, force: true });
		if (code !== 0 && code !== null) console.warn(`[e2e] the server exited with code ${code}; see ${SERVER_LOG}`);
	};
}

/** The administrator the journeys sign in as. */
export interface AdminCredentials {
	email: string;
	name: string;
	password: string;
}

/**
 * Runs `plenary admin create` on the (still unused) data folder, the password passed through
 * PLENARY_ADMIN_PASSWORD so it never appears in a process list. Fails the run with the CLI's output.
 */
function createAdministrator(env: NodeJS.ProcessEnv): AdminCredentials {
	const admin: AdminCredentials = {
		email: 'ada.administrator@example.org',
		name: 'Ada Administrator',
		password: `admin-${randomBytes(12).toString('hex')}`
	};
	const result = spawnSync(process.execPath, [resolve(ROOT, 'cli/plenary.js'), 'admin', 'create', '--email', admin.email, '--name', admin.name], {
		cwd: ROOT,
		env: { ...env, PLENARY_ADMIN_PASSWORD: admin.password },
		encoding: 'utf8',
		timeout: 120_000,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (result.status !== 0) {
		throw new Error(`plenary admin create failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
	}
	return admin;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		admin: AdminCredentials;
	}
}
