/**
 * `npm run bench`: the built server under load, on the embedded database and — when
 * BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a PostgreSQL server — on PostgreSQL too.
 *
 * For each database: a fresh one (a temporary PGlite folder, or a new PostgreSQL database that is
 * dropped afterwards), the WGEC demo data loaded by the server's first start, then autocannon on
 * the body page and on the Chair's draft for BENCH_SECONDS each (default 10) with
 * BENCH_CONNECTIONS connections (default 10). Prints requests per second, p50/p99 latency and the
 * server's peak resident memory (VmHWM). Loopback only. The figures are reported, never asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { ensureBuilt, ROOT } from '../scripts/build-state.js';
import { freePort, spawnServer, stopServer, waitUntilAnswering } from '../scripts/server-process.js';
import { findDraftSlug } from './discover';

const SECONDS = positiveInt(process.env.BENCH_SECONDS, 10);
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 10);
const BODY_PATH = '/en/bodies/wgec-2016-2018';
const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR || resolve(ROOT, '../shared/corpus'));
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;

interface Measurement {
	backend: string;
	page: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	requests: number;
	non2xx: number;
	errors: number;
}

function positiveInt(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The highest resident memory the process has had, in MB (Linux: VmHWM; elsewhere the sampled peak). */
function peakRssFromProc(pid: number): number | null {
	try {
		const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : null;
	} catch {
		return null;
	}
}

async function load(url: string): Promise<autocannon.Result> {
	return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-language': 'en' } });
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
	while (cleanups.length > 0) await cleanups.pop()!().catch((e) => console.error(`bench: cleanup failed: ${(e as Error).message}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\nbench: ${signal} — stopping the servers…`);
		void cleanUp().then(() => process.exit(130));
	});
}

/** A fresh PostgreSQL database on the server at `url`, dropped at the end. */
async function freshPostgresDatabase(url: string): Promise<string> {
	const { default: postgres } = await import('postgres');
	const name = `plenary_bench_${randomBytes(4).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	cleanups.push(async () => {
		const again = postgres(url, { max: 1, onnotice: () => {} });
		await again.unsafe(`drop database if exists ${name} with (force)`);
		await again.end();
	});
	const target = new URL(url);
	target.pathname = `/${name}`;
	return target.toString();
}

async function benchBackend(backend: 'embedded' | 'postgres'): Promise<{ results: Measurement[]; peakRssMb: number | null; startSeconds: number }> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const scratch = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
	cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		PLENARY_DATA_DIR: join(scratch, 'pglite'),
		PLENARY_CORPUS_DIR: CORPUS
	};
	delete env.DATABASE_URL;
	if (backend === 'postgres') env.DATABASE_URL = await freshPostgresDatabase(POSTGRES_URL!);

	const started = Date.now();
	const server: ChildProcess = spawnServer({ env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output: string[] = [];
	server.stdout!.on('data', (d) => output.push(String(d)));
	server.stderr!.on('data', (d) => output.push(String(d)));
	cleanups.push(async () => void (await stopServer(server)));
	try {
		await waitUntilAnswering(`${origin}/`, server, { timeoutMs: 300_000 });
	} catch (e) {
		throw new Error(`the ${backend} server did not start: ${(e as Error).message}\n${output.join('')}`);
	}
	const startSeconds = (Date.now() - started) / 1000;

	// Peak memory by sampling too, where /proc is not available.
	let sampledPeakMb = 0;
	const sampler = setInterval(() => {
		const now = peakRssFromProc(server.pid!) ?? process.memoryUsage().rss / 1024 / 1024;
		sampledPeakMb = Math.max(sampledPeakMb, now);
	}, 250);

	const bodyCheck = await fetch(origin + BODY_PATH);
	if (bodyCheck.status !== 200) throw new Error(`${BODY_PATH} answered ${bodyCheck.status} on ${backend}: is the demo data loaded? Server output:\n${output.join('')}`);
	const draftSlug = await findDraftSlug(origin, BODY_PATH);
	if (!draftSlug) throw new Error(`no document found on ${backend} (neither /api/v1/documents nor ${BODY_PATH} lists one).`);
	const pages = [BODY_PATH, `/en/documents/${draftSlug}`];

	const results: Measurement[] = [];
	for (const page of pages) {
		await fetch(origin + page).then((r) => r.arrayBuffer()); // warm the route once
		process.stdout.write(`bench: ${backend} ${page} for ${SECONDS} s… `);
		const r = await load(origin + page);
		const m: Measurement = {
			backend,
			page,
			requestsPerSecond: r.requests.average,
			p50: r.latency.p50,
			p99: r.latency.p99,
			requests: r.requests.total,
			non2xx: r.non2xx,
			errors: r.errors + r.timeouts
		};
		console.log(`${Math.round(m.requestsPerSecond)} req/s`);
		results.push(m);
	}
	clearInterval(sampler);
	const peakRssMb = peakRssFromProc(server.pid!) ?? (sampledPeakMb || null);
	await cleanUp();
	return { results, peakRssMb, startSeconds };
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

async function main() {
	await ensureBuilt({ root: ROOT, quiet: true, log: (line) => console.log(`bench: ${line}`) });
	const backends: ('embedded' | 'postgres')[] = POSTGRES_URL ? ['embedded', 'postgres'] : ['embedded'];
	if (!POSTGRES_URL) console.log('bench: BENCH_POSTGRES_URL / TEST_POSTGRES_URL not set — embedded database only.');

	const all: Measurement[] = [];
	const memory: { backend: string; peakRssMb: number | null; startSeconds: number }[] = [];
	for (const backend of backends) {
		const { results, peakRssMb, startSeconds } = await benchBackend(backend);
		all.push(...results);
		memory.push({ backend, peakRssMb, startSeconds });
	}

	const cpu = cpus();
	console.log('');
	console.log(`Plenary benchmark — ${SECONDS} s per page, ${CONNECTIONS} connections, loopback; autocannon and the server share the machine.`);
	console.log(`Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}; data: WGEC corpus from ${CORPUS}.`);
	console.log('');
	console.log(
		table([
			['database', 'page', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
			...all.map((m) => [m.backend, m.page, m.requestsPerSecond.toFixed(0), String(m.p50), String(m.p99), String(m.requests), String(m.non2xx), String(m.errors)])
		])
	);
	console.log('');
	for (const m of memory) {
		console.log(`${m.backend}: server peak RSS ${m.peakRssMb === null ? 'unknown' : `${Math.round(m.peakRssMb)} MB`}; first start (migrate + demo data) ${m.startSeconds.toFixed(1)} s`);
	}

	const folder = join(ROOT, 'bench', 'results');
	mkdirSync(folder, { recursive: true });
	const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, node: process.version, cpus: cpu.length, results: all, memory }, null, 2) + '\n');
	console.log(`\nbench: figures saved to ${file.slice(ROOT.length + 1)}`);
	if (all.some((m) => m.non2xx > 0 || m.errors > 0)) console.log('bench: some requests failed (see non-2xx / errors): the figures above include them.');
}

main().catch(async (e) => {
	console.error(`bench failed: ${(e as Error).message}`);
	await cleanUp();
	process.exit(1);
});
