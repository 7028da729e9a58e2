// Starting the built server the way `npm start` does: settings from the environment, a check that
// the port is free, `node build` as a child process, and a wait until it answers. The e2e setup and
// the benchmark use the same functions, so tests measure the server users run.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build-state.js';

export const DEFAULT_PORT = 3000;
/** Loopback by default: a fresh Plenary has no administrator yet, so it is not offered to the network until asked. */
export const DEFAULT_HOST = '127.0.0.1';

/** A setting a person got wrong, with the message to show them. */
export class StartError extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = 'StartError';
	}
}

/**
 * PORT, HOST and ORIGIN with their defaults. adapter-node needs ORIGIN to accept form posts
 * (SvelteKit compares it with each post's Origin header), so it is always set.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ port: number, host: string, origin: string, probeUrl: string }}
 */
export function serverSettings(env = process.env) {
	const rawPort = env.PORT?.trim() || String(DEFAULT_PORT);
	const port = Number(rawPort);
	if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
		throw new StartError(`PORT must be a number from 1 to 65535 (it is "${env.PORT}").`);
	}
	const host = env.HOST?.trim() || DEFAULT_HOST;
	const origin = (env.ORIGIN?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
	try {
		const u = new URL(origin);
		if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
	} catch {
		throw new StartError(`ORIGIN must be an http:// or https:// address such as http://localhost:${port} (it is "${env.ORIGIN}").`);
	}
	// Probe the server where it listens; a wildcard address is reachable on loopback.
	const probeHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
	const probeUrl = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/`;
	return { port, host, origin, probeUrl };
}

/**
 * Rejects with a clear message when something already listens on host:port.
 * @param {number} port
 * @param {string} host
 * @returns {Promise<void>}
 */
export function assertPortFree(port, host) {
	return new Promise((resolvePromise, reject) => {
		const probe = createServer();
		probe.once('error', (/** @type {NodeJS.ErrnoException} */ e) => {
			if (e.code === 'EADDRINUSE') reject(new StartError(`port ${port} is in use — set PORT=… to another port (for example PORT=${port + 1} npm start).`));
			else if (e.code === 'EACCES') reject(new StartError(`port ${port} needs privileges this user lacks — set PORT=… to a port above 1023.`));
			else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new StartError(`HOST=${host} is not an address of this machine — set HOST=127.0.0.1 or HOST=0.0.0.0.`));
			else reject(e);
		});
		probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolvePromise()));
	});
}

/**
 * A port the system says is free on loopback (for tests and benchmarks, never for users).
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolvePromise, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen({ port: 0, host: '127.0.0.1' }, () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolvePromise(port));
		});
	});
}

/**
 * Runs `node build` from the repository root with the given environment.
 * @param {{ env: NodeJS.ProcessEnv, root?: string, stdio?: import('node:child_process').StdioOptions }} options
 */
export function spawnServer({ env, root = ROOT, stdio = 'inherit' }) {
	return spawn(process.execPath, [join(root, 'build')], { cwd: root, env: { BODY_SIZE_LIMIT: bodySizeLimit(env), ...env }, stdio });
}

/**
 * The largest request body the server accepts: an upload at the upload limit
 * (PLENARY_MAX_UPLOAD_MB, 20 by default) and the form around it. adapter-node's own default,
 * 512 KB, would refuse most documents before Plenary could say why.
 * @param {NodeJS.ProcessEnv} env
 */
export function bodySizeLimit(env) {
	const mb = Number(env.PLENARY_MAX_UPLOAD_MB);
	const uploadMb = Number.isFinite(mb) && mb > 0 ? mb : 20;
	return String(Math.ceil((uploadMb + 2) * 1024 * 1024));
}

/**
 * Resolves once the server answers HTTP at `url` (any status), rejects if the child exits first
 * or `timeoutMs` passes. The first start migrates and imports the demo data before listening, so
 * the wait has no short limit by default.
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ timeoutMs?: number, onSlow?: () => void }} [options]
 * @returns {Promise<void>}
 */
export function waitUntilAnswering(url, child, options = {}) {
	const { timeoutMs = Infinity, onSlow } = options;
	const started = Date.now();
	let slowTold = false;
	return new Promise((resolvePromise, reject) => {
		let done = false;
		const onExit = (/** @type {number | null} */ code, /** @type {string | null} */ signal) => {
			if (done) return;
			done = true;
			reject(new StartError(`the server stopped before it answered (${signal ? `signal ${signal}` : `exit code ${code}`}).`));
		};
		child.once('exit', onExit);
		const attempt = () => {
			if (done) return;
			if (Date.now() - started > timeoutMs) {
				done = true;
				child.removeListener('exit', onExit);
				reject(new StartError(`the server did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s.`));
				return;
			}
			if (!slowTold && onSlow && Date.now() - started > 10_000) {
				slowTold = true;
				onSlow();
			}
			const req = request(url, { method: 'GET', timeout: 2000, headers: { 'accept-language': 'en' } }, (res) => {
				res.resume();
				if (done) return;
				done = true;
				child.removeListener('exit', onExit);
				resolvePromise();
			});
			req.on('timeout', () => req.destroy());
			req.on('error', () => setTimeout(attempt, 200));
			req.end();
		};
		attempt();
	});
}

/**
 * Stops a server child: SIGTERM (adapter-node shuts down gracefully and closes the database),
 * then SIGKILL after `graceMs`. Resolves with the exit code (null when killed by a signal).
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<number | null>}
 */
export function stopServer(child, graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolvePromise) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolvePromise(code);
		});
		child.kill('SIGTERM');
	});
}
