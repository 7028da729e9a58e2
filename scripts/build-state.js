// Whether `build/` is missing or older than its sources, and building it when it is.
// Plain Node ESM so that `npm start` runs without a build step; the e2e setup and the benchmark
// import the same functions, so all three agree on what "stale" means.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders and files whose change makes the build stale. */
export const BUILD_INPUTS = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** Written into build/ after a successful build; records when that build started. */
export const STAMP_NAME = '.plenary-build-stamp.json';

// Under node_modules/.cache: git-ignored, and never inside build/ or .svelte-kit/, which the build rewrites.
const LOCK_PATH = ['node_modules', '.cache', 'plenary', 'build.lock'];

/**
 * The newest modification time (ms) among the build inputs under `root`, and the file it belongs
 * to. Dot-files and folders (editor swap files, .DS_Store) are ignored, and so are unit tests
 * beside the code (`*.test.ts`, `*.check.ts`): they are never part of the build.
 * @param {string} root
 * @returns {{ mtimeMs: number, file: string | null }}
 */
export function newestInput(root = ROOT) {
	let newest = { mtimeMs: 0, file: /** @type {string | null} */ (null) };
	/** @param {string} path */
	const visit = (path) => {
		let st;
		try {
			st = statSync(path);
		} catch {
			return; // an input that does not exist (e.g. no static/ folder) cannot be newer
		}
		if (st.isDirectory()) {
			for (const name of readdirSync(path)) if (!name.startsWith('.')) visit(join(path, name));
		} else if (/\.(test|check)\.[jt]s$/.test(path)) {
			return;
		} else if (st.mtimeMs > newest.mtimeMs) {
			newest = { mtimeMs: st.mtimeMs, file: path };
		}
	};
	for (const input of BUILD_INPUTS) visit(join(root, input));
	return newest;
}

/**
 * Why `build/` must be (re)built, or null when it is up to date. The stamp records when the
 * last successful build *started*, so a file saved while a build was running still counts as newer.
 * @param {string} root
 * @returns {string | null}
 */
export function staleReason(root = ROOT) {
	const stampPath = join(root, 'build', STAMP_NAME);
	if (!existsSync(join(root, 'build', 'index.js'))) return 'there is no build yet';
	let startedAt;
	try {
		startedAt = Number(JSON.parse(readFileSync(stampPath, 'utf8')).startedAt);
	} catch {
		return 'the build has no stamp (it was not made by npm start)';
	}
	if (!Number.isFinite(startedAt)) return 'the build stamp is unreadable';
	const newest = newestInput(root);
	if (newest.mtimeMs > startedAt) return `${newest.file ? newest.file.slice(root.length + 1) : 'a source file'} changed since the last build`;
	return null;
}

/**
 * Builds with `vite build` when the build is missing or stale, then writes the stamp.
 * Two processes in one checkout (say `npm start` and `npm test`) take turns through a lock file:
 * the second waits, then finds the build fresh and does nothing.
 * @param {{ root?: string, log?: (line: string) => void, quiet?: boolean }} [options]
 * @returns {Promise<{ built: boolean }>}
 */
export async function ensureBuilt(options = {}) {
	const root = options.root ?? ROOT;
	const log = options.log ?? ((line) => console.log(line));
	const release = await takeBuildLock(root, log);
	try {
		const reason = staleReason(root);
		if (!reason) return { built: false };
		log(`Plenary: building (${reason})…`);
		const startedAt = Date.now();
		await runBuild(root, options.quiet ?? false);
		writeFileSync(join(root, 'build', STAMP_NAME), JSON.stringify({ startedAt, finishedAt: Date.now() }) + '\n');
		log(`Plenary: built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
		return { built: true };
	} finally {
		release();
	}
}

/**
 * @param {string} root
 * @param {boolean} quiet
 * @returns {Promise<void>}
 */
function runBuild(root, quiet) {
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	if (!existsSync(vite)) {
		return Promise.reject(new Error('vite is not installed: run `npm install` first.'));
	}
	return new Promise((resolvePromise, reject) => {
		/** @type {string[]} */
		const output = [];
		const child = spawn(process.execPath, [vite, 'build'], {
			cwd: root,
			stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
			// The build must never open a database; it also must not inherit a test's settings.
			env: { ...process.env, NODE_ENV: 'production' }
		});
		child.stdout?.on('data', (d) => output.push(String(d)));
		child.stderr?.on('data', (d) => output.push(String(d)));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) return resolvePromise();
			if (quiet) process.stderr.write(output.join(''));
			reject(new Error(`the build failed (vite build exited with ${code}).`));
		});
	});
}

/**
 * @param {string} root
 * @param {(line: string) => void} log
 * @returns {Promise<() => void>}
 */
async function takeBuildLock(root, log) {
	const path = join(root, ...LOCK_PATH);
	mkdirSync(dirname(path), { recursive: true });
	let waiting = false;
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			const release = () => rmSync(path, { force: true });
			process.once('exit', release);
			return () => {
				process.removeListener('exit', release);
				release();
			};
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			let content;
			try {
				content = readFileSync(path, 'utf8').trim();
			} catch {
				continue; // released between our attempt and this read
			}
			const holder = Number(content);
			const abandoned = content ? !holder || !isAlive(holder) : Date.now() - statMtime(path) > 5000;
			if (abandoned) {
				rmSync(path, { force: true }); // left by a build that was killed
				continue;
			}
			if (holder && !waiting) log(`Plenary: waiting for another build (pid ${holder}) to finish…`);
			waiting = true;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}

/** @param {string} path */
function statMtime(path) {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return Date.now();
	}
}

/** @param {number} pid */
function isAlive(pid) {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}
