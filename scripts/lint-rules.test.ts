import { describe, expect, it } from 'vitest';
import { blankComments, checkCoreImports, checkCss, checkServerImports, checkSvelteStyles, importsOf, logicalReplacement } from './lint-rules';

describe('imports', () => {
	it('finds static, re-exported, side-effect and dynamic imports with their lines', () => {
		const src = [
			"import { a } from './a';",
			"import type { B } from '../b';",
			"export { c } from 'c-package';",
			"import 'side-effect';",
			'const d = await import("dynamic");',
			'import {',
			'  e',
			"} from '$lib/e';"
		].join('\n');
		expect(importsOf(src)).toEqual([
			{ specifier: './a', line: 1 },
			{ specifier: '../b', line: 2 },
			{ specifier: 'c-package', line: 3 },
			{ specifier: 'side-effect', line: 4 },
			{ specifier: 'dynamic', line: 5 },
			{ specifier: '$lib/e', line: 8 }
		]);
	});

	it('ignores imports written in comments, but not code after a URL in a string', () => {
		const src = ["// import x from 'svelte';", "/* import y from 'drizzle-orm'; */", "const u = 'https://example.org'; import z from 'zod';"].join('\n');
		expect(importsOf(src).map((i) => i.specifier)).toEqual(['zod']);
	});

	it('keeps the core free of frameworks and drivers', () => {
		const src = [
			"import { z } from 'zod';",
			"import { x } from './x';",
			"import { writable } from 'svelte/store';",
			"import { error } from '@sveltejs/kit';",
			"import { browser } from '$app/environment';",
			"import { env } from '$env/dynamic/private';",
			"import { t } from '$lib/i18n/translate';",
			"import { eq } from 'drizzle-orm';",
			"import postgres from 'postgres';",
			"import { PGlite } from '@electric-sql/pglite';"
		].join('\n');
		expect(checkCoreImports(src).map((f) => f.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
		expect(checkCoreImports(src)[0].message).toContain('"svelte/store"');
	});

	it('keeps the server on relative imports, packages allowed', () => {
		const src = ["import { eq } from 'drizzle-orm';", "import { db } from '../db/client';", "import { t } from '$lib/i18n/translate';", "import { dev } from '$app/environment';"].join('\n');
		const findings = checkServerImports(src);
		expect(findings.map((f) => f.line)).toEqual([3, 4]);
		expect(findings[1].message).toContain('runtime.ts');
	});
});

describe('logical CSS', () => {
	it.each([
		['margin-left', '1rem', 'margin-inline-start'],
		['padding-right', '0', 'padding-inline-end'],
		['margin-top', '1rem', 'margin-block-start'],
		['padding-bottom', '1rem', 'padding-block-end'],
		['left', '0', 'inset-inline-start'],
		['right', '0', 'inset-inline-end'],
		['top', '0', 'inset-block-start'],
		['bottom', '0', 'inset-block-end'],
		['border-left', '1px solid', 'border-inline-start'],
		['border-right-width', '2px', 'border-inline-end-width'],
		['border-top-left-radius', '4px', 'border-start-start-radius'],
		['-webkit-margin-right', '1px', 'margin-inline-end'],
		['text-align', 'left', 'text-align: start'],
		['text-align', 'right !important', 'text-align: end'],
		['float', 'right', 'float: inline-end'],
		['margin', '0 1rem 0 0', 'margin-block and margin-inline (right and left differ)']
	])('rejects %s: %s (use %s)', (property, value, replacement) => {
		expect(logicalReplacement(property, value)).toBe(replacement);
	});

	it.each([
		['margin-inline-start', '1rem'],
		['inset-inline-end', '0'],
		['text-align', 'start'],
		['text-align', 'center'],
		['vertical-align', 'top'],
		['float', 'inline-start'],
		['margin', '0 auto'],
		['margin', '1rem 2rem 3rem'],
		['padding', '1px 2px 3px 2px'],
		['transition', 'top 0.2s'],
		['background-position', 'left top']
	])('accepts %s: %s', (property, value) => {
		expect(logicalReplacement(property, value)).toBeNull();
	});

	it('reports declarations with their lines and ignores selectors, @media conditions and comments', () => {
		const css = [
			'a:hover { color: red; }', // 1
			'@media (min-width: 40rem) {', // 2
			'  .x { margin-left: 1rem; }', // 3
			'}', // 4
			'/* padding-right: 2px; */', // 5
			'.y {', // 6
			'  text-align: right;', // 7
			'  left: 0', // 8
			'}' // 9
		].join('\n');
		expect(checkCss(css).map((f) => f.line)).toEqual([3, 7, 8]);
		expect(checkCss(css)[0].message).toBe('physical CSS "margin-left: 1rem" breaks right-to-left layouts: use margin-inline-start.');
	});

	it('checks a component\'s style block at its lines in the file, and its inline styles', () => {
		const svelte = [
			'<script lang="ts">', // 1
			"\tconst left = 'margin-left: 1px';", // 2 (script: not CSS)
			'</script>', // 3
			'<p style="padding-right: {x}px">a</p>', // 4
			'<p style:float="left">b</p>', // 5
			'<p style:margin-inline-start={x}>c</p>', // 6
			'<style>', // 7
			'\tp { border-left: 1px solid; }', // 8
			'\tp:first-child { color: blue; }', // 9
			'</style>' // 10
		].join('\n');
		expect(checkSvelteStyles(svelte).map((f) => f.line)).toEqual([4, 5, 8]);
	});
});

describe('blankComments', () => {
	it('keeps line breaks so later lines keep their numbers', () => {
		const out = blankComments('a /* x\ny */ b // c\nd', 'ts');
		expect(out.split('\n')).toHaveLength(3);
		expect(out).not.toContain('x');
		expect(out).not.toContain('c');
		expect(out.endsWith('d')).toBe(true);
	});
});
