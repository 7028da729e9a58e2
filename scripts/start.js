#!/usr/bin/env node
// `npm start`: build when needed, then run the built server and say where it is.
// The server itself opens the database in its init hook (migrations, demo data on first start,
// refusal of a data folder in use, newer or corrupt), so this script only prepares and watches.
import { ensureBuilt, ROOT } from './build-state.js';
import { assertPortFree, serverSettings, spawnServer, StartError, waitUntilAnswering } from './server-process.js';

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 };

async function main() {
	const settings = serverSettings(process.env);
	// Quiet: vite's output is shown only when the build fails.
	await ensureBuilt({ root: ROOT, quiet: true });
	await assertPortFree(settings.port, settings.host);

	const env = { ...process.env, PORT: String(settings.port), HOST: settings.host, ORIGIN: settings.origin };
	const child = spawnServer({ env, root: ROOT });

	/** @type {NodeJS.Signals | null} */
	let forwarded = null;
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => {
			forwarded = signal;
			// A Ctrl-C in a terminal reaches the child too; a second signal is harmless, adapter-node
			// shuts down once.
			if (child.exitCode === null) child.kill(signal);
		});
	}
	child.on('exit', (code, signal) => {
		if (code !== null) process.exit(code);
		const number = signal && signal in SIGNAL_NUMBERS ? SIGNAL_NUMBERS[/** @type {'SIGINT' | 'SIGTERM'} */ (signal)] : 1;
		// Stopped by the signal we forwarded: that is how a person stops Plenary, not a failure.
		process.exit(forwarded && signal === forwarded ? 0 : 128 + number);
	});
	child.on('error', (e) => {
		console.error(`Plenary cannot start: ${e.message}`);
		process.exit(1);
	});

	try {
		await waitUntilAnswering(settings.probeUrl, child, {
			onSlow: () => console.log('Plenary: still starting (the first start migrates the database and loads the demo data)…')
		});
	} catch {
		return; // the child exited; its own message says why, and the exit handler passes its code on
	}
	console.log(`Plenary is running at ${settings.origin}`);
	if (settings.host !== '127.0.0.1' && settings.host !== 'localhost' && settings.host !== '::1' && !process.env.ORIGIN) {
		console.log(`Plenary: it listens on ${settings.host}; set ORIGIN to the address people use to reach it, or their forms will be refused.`);
	}
}

main().catch((e) => {
	const message = e instanceof StartError ? e.message : (e?.message ?? String(e));
	console.error(`Plenary cannot start: ${message}`);
	process.exit(1);
});
