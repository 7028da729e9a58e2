#!/usr/bin/env node
// `npm test`: lint, then every test tier (unit, integration on PGlite and — with TEST_POSTGRES_URL —
// PostgreSQL, and the Chromium journeys), then one plain summary line: "N passed, N failed".
// Arguments after `--` go to vitest (`npm test -- --project unit`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './build-state.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RESULTS = join(ROOT, '.test-tmp', 'vitest-results.json');

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
function run(command, args, env) {
	return new Promise((resolvePromise) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
		// Ctrl-C reaches the child through the terminal; wait for it to finish its own cleanup.
		for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
		child.on('error', (e) => {
			console.error(`test: cannot run ${command}: ${e.message}`);
			resolvePromise(1);
		});
		child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
	});
}

/**
 * Counts from vitest's JSON report. A file that fails before any test runs (a syntax error, a
 * failing setup) has no failed test but is a failure, so it counts as one.
 * @param {string} path
 */
export function summarise(path) {
	const report = JSON.parse(readFileSync(path, 'utf8'));
	let brokenFiles = 0;
	for (const file of report.testResults ?? []) {
		const failedTests = (file.assertionResults ?? []).filter((/** @type {{status: string}} */ t) => t.status === 'failed').length;
		if (file.status === 'failed' && failedTests === 0) brokenFiles++;
	}
	let failed = (report.numFailedTests ?? 0) + brokenFiles;
	// An error outside any test (a failing global setup, an unhandled rejection) fails the run too.
	if (report.success === false && failed === 0) failed = 1;
	return {
		passed: report.numPassedTests ?? 0,
		failed,
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
	};
}

async function main() {
	const extra = process.argv.slice(2);
	const skipE2e = process.env.PLENARY_SKIP_E2E === '1';
	if (!skipE2e && !existsSync(CHROMIUM)) {
		console.error(`test: the browser journeys need Chromium at ${CHROMIUM}, and there is none. Install it with:`);
		console.error('');
		console.error('    sudo apt-get install -y chromium');
		console.error('');
		console.error('(or set CHROMIUM_PATH to a Chromium binary, or PLENARY_SKIP_E2E=1 to run without the journeys).');
		process.exit(1);
	}

	// Tests choose their own databases; an operator's DATABASE_URL must never reach them.
	const env = { ...process.env };
	delete env.DATABASE_URL;

	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const lint = await run(npm, ['run', '--silent', 'lint'], env);
	if (lint !== 0) {
		console.error('\ntest: lint failed (see above); the tests did not run.');
		process.exit(lint);
	}
	// Strict type checking, which also proves the compile-time model checks
	// (src/lib/server/db/model-types.check.ts: the Drizzle tables agree with the core's schemas).
	const types = await run(npm, ['run', '--silent', 'check'], env);
	if (types !== 0) {
		console.error('\ntest: type checking failed (see above); the tests did not run.');
		process.exit(types);
	}

	mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
	rmSync(RESULTS, { force: true });
	const projects = skipE2e && !extra.some((a) => a.startsWith('--project')) ? ['--project', 'unit', '--project', 'integration'] : [];
	if (skipE2e) console.log('test: PLENARY_SKIP_E2E=1 — the browser journeys are not run.');
	const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
	const code = await run(
		process.execPath,
		[vitest, 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`, ...extra],
		env
	);

	if (!existsSync(RESULTS)) {
		console.log('\n0 passed, 1 failed');
		console.error('test: vitest stopped before writing its report (see above).');
		process.exit(code || 1);
	}
	const { passed, failed, skipped } = summarise(RESULTS);
	console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
	process.exit(failed > 0 ? 1 : code);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
}
