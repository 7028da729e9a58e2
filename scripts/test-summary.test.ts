import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarise } from './test.js';

const dir = mkdtempSync(join(tmpdir(), 'plenary-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(name: string, content: object): string {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(content));
	return path;
}

describe("npm test's summary line", () => {
	it('counts passed, failed and skipped tests', () => {
		const path = report('plain.json', { success: false, numPassedTests: 7, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1, testResults: [] });
		expect(summarise(path)).toEqual({ passed: 7, failed: 2, skipped: 2 });
	});

	it('counts a file that failed before any test ran as a failure', () => {
		const path = report('broken.json', {
			success: false,
			numPassedTests: 3,
			numFailedTests: 0,
			testResults: [
				{ status: 'failed', assertionResults: [] },
				{ status: 'passed', assertionResults: [{ status: 'passed' }] }
			]
		});
		expect(summarise(path).failed).toBe(1);
	});

	it('counts an error outside the tests (a failing setup) as a failure', () => {
		const path = report('setup.json', { success: false, numPassedTests: 0, numFailedTests: 0, testResults: [] });
		expect(summarise(path)).toEqual({ passed: 0, failed: 1, skipped: 0 });
	});

	it('reports a clean run as clean', () => {
		const path = report('clean.json', { success: true, numPassedTests: 5, numFailedTests: 0, testResults: [{ status: 'passed', assertionResults: [] }] });
		expect(summarise(path)).toEqual({ passed: 5, failed: 0, skipped: 0 });
	});
});
