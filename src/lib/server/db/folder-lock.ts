import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseStartError } from './errors';

export interface FolderLock {
	path: string;
	release(): void;
}

const LOCK_NAME = 'plenary.lock';

/** The process that holds a data folder, if any is alive. */
export function folderHolder(dataDir: string): { pid: number; startedAt: string; purpose: string } | null {
	try {
		const info = JSON.parse(readFileSync(join(dataDir, LOCK_NAME), 'utf8'));
		if (typeof info.pid === 'number' && isAlive(info.pid)) return info;
	} catch {
		/* no lock file, or an unreadable one: nobody holds it */
	}
	return null;
}

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the PGlite data folder for this process alone. PGlite does not lock its folder and a
 * second process opening it silently loses writes, so every opener goes through here.
 * A lock left by a dead process is taken over.
 */
export function acquireDataFolder(dataDir: string, purpose = process.argv.slice(1, 3).join(' ')): FolderLock {
	const path = join(dataDir, LOCK_NAME);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), purpose }));
			closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					const info = JSON.parse(readFileSync(path, 'utf8'));
					if (info.pid === process.pid) rmSync(path, { force: true });
				} catch {
					/* already gone */
				}
			};
			process.once('exit', release);
			return { path, release };
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const holder = folderHolder(dataDir);
			if (holder) {
				throw new DatabaseStartError(
					'in_use',
					`The data folder ${dataDir} is in use by another Plenary process (pid ${holder.pid}, ${holder.purpose || 'server'}, since ${holder.startedAt}). Stop Plenary first, then run this command again.`
				);
			}
			rmSync(path, { force: true });
		}
	}
	throw new DatabaseStartError('in_use', `Could not take the data folder ${dataDir}.`);
}
