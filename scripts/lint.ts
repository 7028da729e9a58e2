/**
 * `npm run lint`: the house rules that keep Plenary's layers apart and its pages right-to-left safe.
 *   (a) src/lib/core imports nothing from svelte, kit, $app, $env, $lib, drizzle, postgres, PGlite;
 *   (b) CSS (src/**\/*.css and the styles of .svelte components) uses logical properties only;
 *   (c) src/lib/server uses relative imports (except runtime.ts), so the CLI can load it.
 * Prints `file:line: message` for each finding and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCoreImports, checkCss, checkServerImports, checkSvelteStyles, type Finding } from './lint-rules';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

function filesUnder(dir: string, accept: (path: string) => boolean): string[] {
	const out: string[] = [];
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return out;
	}
	for (const name of names) {
		if (name === 'node_modules' || name.startsWith('.')) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...filesUnder(path, accept));
		else if (accept(path)) out.push(path);
	}
	return out;
}

/** Every finding in the repository at `root`, as "file:line: message" lines. */
export function lintRepository(root = ROOT): string[] {
	const lines: string[] = [];
	const report = (file: string, findings: Finding[]) => {
		for (const f of findings) lines.push(`${relative(root, file)}:${f.line}: ${f.message}`);
	};
	const src = join(root, 'src');
	const isCode = (p: string) => /\.(ts|js|mts|mjs)$/.test(p);

	for (const file of filesUnder(join(src, 'lib', 'core'), isCode)) report(file, checkCoreImports(readFileSync(file, 'utf8')));
	for (const file of filesUnder(join(src, 'lib', 'server'), isCode)) {
		if (relative(join(src, 'lib', 'server'), file) === 'runtime.ts') continue;
		report(file, checkServerImports(readFileSync(file, 'utf8')));
	}
	for (const file of filesUnder(src, (p) => p.endsWith('.css'))) report(file, checkCss(readFileSync(file, 'utf8')));
	for (const file of filesUnder(src, (p) => p.endsWith('.svelte'))) report(file, checkSvelteStyles(readFileSync(file, 'utf8')));
	return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const findings = lintRepository();
	for (const line of findings) console.error(line);
	if (findings.length > 0) {
		console.error(`\nlint: ${findings.length} problem${findings.length === 1 ? '' : 's'}.`);
		process.exit(1);
	}
	console.log('lint: no problems.');
}
