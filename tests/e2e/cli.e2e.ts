import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl } from '../helpers/browser';

const PLENARY = resolve(import.meta.dirname, '../../cli/plenary.js');

/** Runs `plenary <args>` against the running server's embedded data folder. */
function plenary(...args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, PLENARY_DATA_DIR: inject('dataDir') };
	delete env.DATABASE_URL;
	return spawnSync(process.execPath, [PLENARY, ...args], { env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('an operator using the CLI while Plenary runs', () => {
	it.each([['migrate'], ['status'], ['import', 'corpus', resolve(import.meta.dirname, '../../../shared/corpus')]])(
		'is told to stop Plenary first by `plenary %s`, and the server keeps answering',
		async (...args) => {
			const result = plenary(...args);
			expect(result.status, result.stderr).toBe(1);
			expect(result.stderr).toMatch(/Stop Plenary first/);
			expect(result.stderr).toContain(inject('dataDir'));
			const response = await fetch(`${baseUrl()}/en`);
			expect(response.status).toBe(200);
		}
	);
});
