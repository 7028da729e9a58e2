import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PLENARY = join(ROOT, 'cli/plenary.js');

export interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `plenary …` in its own process with no database settings at all. */
export function plenary(args: string[]): Promise<Run> {
	return new Promise((done, reject) => {
		const child = spawn(process.execPath, [PLENARY, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}
