/**
 * The house rules a machine can check, as pure functions over a file's text (scripts/lint.ts walks
 * the files). Each finding names the line, so the message reads `file:line: …`.
 */
export interface Finding {
	line: number;
	message: string;
}

// ---------------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------------

/**
 * The modules a file imports, with their lines. Comments are blanked first (keeping line breaks)
 * so an example in a comment is not mistaken for an import.
 */
export function importsOf(source: string): { specifier: string; line: number }[] {
	const text = blankComments(source, 'ts');
	const found: { specifier: string; line: number }[] = [];
	const patterns = [
		/\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from 'y', export { x } from 'y'
		/\bimport\s*['"]([^'"]+)['"]/g, // import 'side-effect'
		/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g // await import('y')
	];
	for (const pattern of patterns) {
		for (const m of text.matchAll(pattern)) found.push({ specifier: m[1], line: lineAt(text, m.index! + m[0].indexOf(m[1])) });
	}
	return found.sort((a, b) => a.line - b.line);
}

/** Frameworks and database drivers the pure core must not know about. */
const CORE_FORBIDDEN = [/^svelte($|\/)/, /^@sveltejs\//, /^\$app($|\/)/, /^\$env($|\/)/, /^\$lib($|\/)/, /^drizzle-orm($|\/)/, /^drizzle-kit($|\/)/, /^postgres($|\/)/, /^@electric-sql\//];

/** Rule (a): src/lib/core imports nothing from svelte, kit, $app, $env, $lib, drizzle, postgres or PGlite. */
export function checkCoreImports(source: string): Finding[] {
	return importsOf(source)
		.filter(({ specifier }) => CORE_FORBIDDEN.some((re) => re.test(specifier)))
		.map(({ specifier, line }) => ({
			line,
			message: `src/lib/core is framework-free: it must not import "${specifier}" (move the code that needs it to src/lib/server or a route).`
		}));
}

/** Rule (c): src/lib/server uses relative imports, so the CLI (tsx, no SvelteKit aliases) can load it. */
export function checkServerImports(source: string): Finding[] {
	return importsOf(source)
		.filter(({ specifier }) => specifier.startsWith('$'))
		.map(({ specifier, line }) => ({
			line,
			message: `src/lib/server uses relative imports (the CLI loads it without SvelteKit): replace "${specifier}" with a relative path${specifier.startsWith('$app') || specifier.startsWith('$env') ? ', or move this code to runtime.ts or a route' : ''}.`
		}));
}

// ---------------------------------------------------------------------------------------------
// CSS: logical properties only
// ---------------------------------------------------------------------------------------------

const SIDE_TO_LOGICAL: Record<string, string> = { left: 'inline-start', right: 'inline-end', top: 'block-start', bottom: 'block-end' };

/** The logical property to use instead of a physical one, or null when the property is not physical. */
export function logicalReplacement(property: string, value: string): string | null {
	const p = property.toLowerCase().replace(/^-(webkit|moz|ms)-/, '');
	const v = value.trim().toLowerCase();
	if (p in SIDE_TO_LOGICAL) return `inset-${SIDE_TO_LOGICAL[p]}`;
	let m = /^(margin|padding|scroll-margin|scroll-padding)-(left|right|top|bottom)$/.exec(p);
	if (m) return `${m[1]}-${SIDE_TO_LOGICAL[m[2]]}`;
	m = /^border-(left|right|top|bottom)(-(?:width|style|color))?$/.exec(p);
	if (m) return `border-${SIDE_TO_LOGICAL[m[1]]}${m[2] ?? ''}`;
	m = /^border-(top|bottom)-(left|right)-radius$/.exec(p);
	if (m) return `border-${m[1] === 'top' ? 'start' : 'end'}-${m[2] === 'left' ? 'start' : 'end'}-radius`;
	if ((p === 'text-align' || p === 'text-align-last') && /^(left|right)\b/.test(v)) return `${p}: ${v.startsWith('left') ? 'start' : 'end'}`;
	if ((p === 'float' || p === 'clear') && /^(left|right)\b/.test(v)) return `${p}: ${v.startsWith('left') ? 'inline-start' : 'inline-end'}`;
	// Four values name top, right, bottom and left: different right and left sides flip in Arabic.
	if (/^(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/.test(p)) {
		const parts = splitValues(v);
		if (parts.length === 4 && parts[1] !== parts[3]) return `${p}-block and ${p === 'inset' ? 'inset' : p}-inline (right and left differ)`;
	}
	return null;
}

/** Space-separated values, keeping calc(…) and var(…) whole. */
function splitValues(value: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of value.replace(/!important/i, '').trim()) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (/\s/.test(ch) && depth === 0) {
			if (current) parts.push(current);
			current = '';
		} else current += ch;
	}
	if (current) parts.push(current);
	return parts;
}

/**
 * Rule (b) over a style sheet (or a `<style>` block): every declaration must use logical
 * properties. `firstLine` is the line the text starts on in its file.
 */
export function checkCss(css: string, firstLine = 1): Finding[] {
	const text = blankComments(css, 'css');
	const findings: Finding[] = [];
	// A declaration is "name: value" ended by ";" or "}" — a selector's colon (a:hover) is followed
	// by "{" instead, and an @media condition sits in parentheses before "{", so neither matches.
	const declaration = /(?<![\w-])(-?[a-zA-Z][\w-]*)\s*:\s*([^;{}]*?)\s*(?=[;}]|$)/g;
	for (const m of text.matchAll(declaration)) {
		const [, property, value] = m;
		if (isSelectorContext(text, m.index! + m[0].length)) continue;
		const replacement = logicalReplacement(property, value);
		if (replacement) {
			findings.push({
				line: firstLine - 1 + lineAt(text, m.index!),
				message: `physical CSS "${property}: ${value.trim()}" breaks right-to-left layouts: use ${replacement}.`
			});
		}
	}
	return findings;
}

/** True when what follows a match is a "{" (the "declaration" was really a selector or condition). */
function isSelectorContext(text: string, end: number): boolean {
	const rest = text.slice(end).trimStart();
	return rest.startsWith('{');
}

/**
 * Rule (b) over a Svelte component: its `<style>` blocks, and the inline `style="…"` attributes
 * and `style:property` directives of its markup.
 */
export function checkSvelteStyles(source: string): Finding[] {
	const findings: Finding[] = [];
	const styleBlock = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
	for (const m of source.matchAll(styleBlock)) {
		const start = m.index! + m[0].indexOf('>') + 1;
		findings.push(...checkCss(m[1], lineAt(source, start)));
	}
	const markup = source.replace(styleBlock, (block) => block.replace(/[^\n]/g, ' ')).replace(/<script\b[\s\S]*?<\/script>/g, (block) => block.replace(/[^\n]/g, ' '));
	for (const m of markup.matchAll(/\bstyle\s*=\s*"([^"]*)"/g)) {
		findings.push(...checkCss(m[1].replace(/\{[^}]*\}/g, '0') + ';', lineAt(markup, m.index!)));
	}
	for (const m of markup.matchAll(/\bstyle:([a-z-]+)(?:\s*=\s*("[^"]*"|\{[^}]*\}|[^\s>]+))?/g)) {
		const value = (m[2] ?? '').replace(/^"|"$/g, '');
		const replacement = logicalReplacement(m[1], value.startsWith('{') ? '0' : value);
		if (replacement) findings.push({ line: lineAt(markup, m.index!), message: `physical CSS "style:${m[1]}" breaks right-to-left layouts: use ${replacement}.` });
	}
	return findings.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** 1-based line of a character index. */
export function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Replaces comments with spaces, keeping every line break so line numbers stay true. */
export function blankComments(text: string, kind: 'ts' | 'css'): string {
	const blank = (s: string) => s.replace(/[^\n]/g, ' ');
	let out = text.replace(/\/\*[\s\S]*?\*\//g, blank);
	// A line comment starts a line or follows whitespace or code punctuation, never a "https:" (a ":" before it).
	if (kind === 'ts') out = out.replace(/(^|[\s;{}(),])\/\/[^\n]*/gm, (m, lead: string) => lead + blank(m.slice(lead.length)));
	return out;
}
