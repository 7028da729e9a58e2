import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestInput, STAMP_NAME, staleReason } from './build-state.js';

describe('build staleness', () => {
	let root: string;
	const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'plenary-build-state-'));
		mkdirSync(join(root, 'src/routes'), { recursive: true });
		mkdirSync(join(root, 'build'));
		writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>x</h1>');
		writeFileSync(join(root, 'package.json'), '{}');
		at('src/routes/+page.svelte', 1_000);
		at('package.json', 1_000);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	const stamp = (startedAtSeconds: number) => writeFileSync(join(root, 'build', STAMP_NAME), JSON.stringify({ startedAt: startedAtSeconds * 1000 }));

	it('is stale without a build', () => {
		expect(staleReason(root)).toBe('there is no build yet');
	});

	it('is stale with a build that has no stamp', () => {
		writeFileSync(join(root, 'build/index.js'), '');
		expect(staleReason(root)).toMatch(/no stamp/);
	});

	it('is fresh when every input is older than the start of the last build', () => {
		writeFileSync(join(root, 'build/index.js'), '');
		stamp(2_000);
		expect(staleReason(root)).toBeNull();
	});

	it('is stale when a source changed after the build started, and names the file', () => {
		writeFileSync(join(root, 'build/index.js'), '');
		stamp(2_000);
		at('src/routes/+page.svelte', 3_000);
		expect(staleReason(root)).toBe(`${join('src', 'routes', '+page.svelte')} changed since the last build`);
	});

	it('watches migrations, static files and the configuration too', () => {
		writeFileSync(join(root, 'build/index.js'), '');
		stamp(2_000);
		mkdirSync(join(root, 'drizzle'));
		writeFileSync(join(root, 'drizzle/0002_next.sql'), 'select 1;');
		at('drizzle/0002_next.sql', 2_500);
		expect(staleReason(root)).toMatch(/^drizzle/);
		at('drizzle/0002_next.sql', 1_000);
		writeFileSync(join(root, 'svelte.config.js'), '');
		at('svelte.config.js', 2_500);
		expect(staleReason(root)).toMatch(/^svelte\.config\.js/);
	});

	it('ignores editor dot-files', () => {
		writeFileSync(join(root, 'src/routes/.page.swp'), '');
		at('src/routes/.page.swp', 9_000);
		expect(newestInput(root).mtimeMs).toBe(1_000_000);
	});

	it('ignores unit tests and compile-time checks beside the code, which the build never includes', () => {
		writeFileSync(join(root, 'src/routes/page.test.ts'), '');
		at('src/routes/page.test.ts', 9_000);
		writeFileSync(join(root, 'src/routes/model.check.ts'), '');
		at('src/routes/model.check.ts', 9_000);
		expect(newestInput(root).mtimeMs).toBe(1_000_000);
	});
});
