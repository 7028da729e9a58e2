import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { SCRIPT_FONTS, type ScriptName } from '../../core/exports/scripts';
import type { FontChoice } from '../../core/exports/typst';

/** Where Debian's fonts-noto-core and fonts-noto-cjk put their files, and where an administrator adds fonts. */
export const DEBIAN_FONT_DIRS: readonly string[] = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/opentype/noto', '/usr/local/share/fonts'];

/**
 * The folders searched for fonts: `PLENARY_FONT_DIRS` (folders separated by ':') when set, in
 * place of Debian's. The one place the setting is read.
 */
export function fontDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
	const value = env.PLENARY_FONT_DIRS?.trim();
	if (!value) return [...DEBIAN_FONT_DIRS];
	return value
		.split(':')
		.map((d) => d.trim())
		.filter(Boolean);
}

/** The fonts found in a set of folders. */
export interface FontCatalog {
	dirs: string[];
	/** The family chosen for each script that has one. */
	choice: FontChoice;
	/** The files of the chosen families, to hand to the PDF compiler. */
	files: string[];
}

/** A PDF cannot be made: its text needs a script no font was found for. */
export class MissingFont extends Error {
	override readonly name = 'MissingFont';
	constructor(
		readonly missing: readonly { script: ScriptName; label: string; family: string; debianPackage: string }[],
		readonly dirs: readonly string[]
	) {
		super(
			`${missing.map((m) => `${m.label} text needs the font ${m.family}: install the Debian package ${m.debianPackage}`).join('; ')} ` +
				`(looked in ${dirs.length > 0 ? dirs.join(', ') : 'no folder'}; PLENARY_FONT_DIRS names other folders)`
		);
	}
}

const catalogs = new Map<string, FontCatalog>();

/**
 * Looks for the fonts of every script Plenary knows (core/exports/scripts.ts) in the folders and
 * their subfolders, by file name; for each script, the first family with its regular file wins.
 * Remembered per set of folders: fonts are not installed while the server runs.
 */
export function findFonts(dirs: readonly string[]): FontCatalog {
	const key = dirs.join(':');
	const known = catalogs.get(key);
	if (known) return known;
	const wanted = new Set(SCRIPT_FONTS.flatMap((s) => s.families.flatMap((f) => [...f.regular, ...f.others])));
	const found = new Map<string, string>();
	for (const dir of dirs) collect(dir, wanted, found, 0);

	const choice: FontChoice = {};
	const files: string[] = [];
	for (const s of SCRIPT_FONTS) {
		const family = s.families.find((f) => f.regular.some((name) => found.has(name)));
		if (!family) continue;
		choice[s.script] = family.family;
		for (const name of [...family.regular, ...family.others]) {
			const path = found.get(name);
			if (path) files.push(path);
		}
	}
	const catalog = { dirs: [...dirs], choice, files };
	catalogs.set(key, catalog);
	return catalog;
}

/** Throws MissingFont when a script the text needs has no font and Typst has none of its own for it. */
export function checkFonts(catalog: FontCatalog, scripts: ReadonlySet<ScriptName>): void {
	const missing = SCRIPT_FONTS.filter((s) => scripts.has(s.script) && !s.builtIn && !catalog.choice[s.script]).map((s) => ({
		script: s.script,
		label: s.label,
		family: s.families[0].family,
		debianPackage: s.debianPackage
	}));
	if (missing.length > 0) throw new MissingFont(missing, catalog.dirs);
}

// Font folders are shallow (Debian: /usr/share/fonts/truetype/noto); the limit stops a loop of links.
const MAX_DEPTH = 4;

function collect(dir: string, wanted: ReadonlySet<string>, found: Map<string, string>, depth: number): void {
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return; // a folder that does not exist holds no fonts
	}
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (wanted.has(entry.name)) {
			if (!found.has(entry.name)) found.set(entry.name, path);
		} else if (depth < MAX_DEPTH && (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path)))) {
			collect(path, wanted, found, depth + 1);
		}
	}
}

function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
