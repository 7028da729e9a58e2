/**
 * `npx tsx bench/exports.ts`: print a compilation of 10,000 contributions to HTML, DOCX and PDF.
 *
 * The compilation is generated from memory, deterministically (a seeded word generator): one part
 * per category (A–E), one heading per contribution ("Draft recommendations submitted by … (date)"),
 * under it 5 numbered paragraphs of ~400 characters (~2,000 characters per contribution, ~20 MB in
 * all), and every 10th contribution with a footnote "1" of its own (markers repeat, as they do in
 * a real compilation). HTML and DOCX are timed on the whole (median of 3 runs after 1 warm-up);
 * PDF on the first contributions that make about 200 pages. The printable model is timed apart.
 * Figures are printed, never asserted. Options: --contributions N (default 10000).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toHtml } from '../src/lib/core/exports/html';
import { printableFromUnits } from '../src/lib/core/exports/printable';
import type { Printable, StoredUnitForPrint } from '../src/lib/core/exports/types';
import { toDocx } from '../src/lib/server/exports/docx';
import { toPdf } from '../src/lib/server/exports/pdf';
import { random } from './seeded';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONTRIBUTIONS = arg('contributions', 10_000);
const PARAGRAPHS = 5;
const PARAGRAPH_CHARS = 400;
const PDF_CONTRIBUTIONS = arg('pdf-contributions', 330);


const WORDS = (
	'enhanced cooperation internet governance public policy issues stakeholders governments private sector civil society technical ' +
	'academic community developing countries capacity building multistakeholder mechanism working group recommendations ' +
	'implementation tunis agenda international organisations roles responsibilities equal footing transparency accountability ' +
	'participation access infrastructure security stability resilience human rights development sustainable digital divide'
).split(' ');
const SUBMITTERS = ['the Russian Federation', 'Japan', 'Brazil', 'Saudi Arabia', 'the United States of America', 'India', 'Mexico', 'Sweden', 'Ms. Avri Doria', 'Mr. Jimson Olufuye'];
const CATEGORIES = ['Implementation of the Tunis Agenda', 'Public policy issue and possible mechanisms', 'Role of stakeholders', 'Developing countries', 'Barriers for participation'];

function sentence(next: () => number, chars: number): string {
	const words: string[] = [];
	let length = 0;
	while (length < chars) {
		const w = WORDS[Math.floor(next() * WORDS.length)];
		words.push(w);
		length += w.length + 1;
	}
	const text = words.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function compilationUnits(contributions: number): StoredUnitForPrint[] {
	const next = random(2013);
	const units: StoredUnitForPrint[] = [];
	const perCategory = Math.ceil(contributions / CATEGORIES.length);
	for (let c = 0; c < contributions; c++) {
		const category = Math.floor(c / perCategory);
		const code = String.fromCharCode(65 + category);
		if (c % perCategory === 0) {
			units.push({ key: `group-${code}`, kind: 'heading', depth: 0, part: 'body', number: code, text: `GROUP ${code}: ${CATEGORIES[category]}`, notes: [] });
		}
		const n = (c % perCategory) + 1;
		const heading = `group-${code}-h${n}`;
		const withNote = c % 10 === 0;
		const title = `Draft recommendations submitted by ${SUBMITTERS[c % SUBMITTERS.length]} (${1 + (c % 28)} November 2013)`;
		units.push({ key: heading, kind: 'heading', depth: 1, parentKey: `group-${code}`, part: 'body', number: String(n), text: title, notes: [] });
		for (let p = 1; p <= PARAGRAPHS; p++) {
			const text = sentence(next, PARAGRAPH_CHARS);
			const notes = withNote && p === 1 ? [{ marker: '1', offset: text.length }] : [];
			units.push({ key: `${heading}-p${p}`, kind: 'list_item', depth: 1, parentKey: heading, part: 'body', number: `(${p})`, text, notes });
		}
		if (withNote) units.push({ key: `${heading}-fn1`, kind: 'footnote', depth: 0, part: 'body', number: '1', text: sentence(next, 120), notes: [] });
	}
	return units;
}

function printable(units: StoredUnitForPrint[]): Printable {
	return printableFromUnits({ title: 'Proposals of Draft Recommendations', subtitle: 'Rolling Document', lang: 'en', meta: ['Version 1 · generated for a benchmark'], toc: true, units });
}

async function median(runs: number, f: () => unknown): Promise<number> {
	await f(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await f();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (t: number) => `${Math.round(t)} ms`;

const units = compilationUnits(CONTRIBUTIONS);
const chars = units.reduce((sum, u) => sum + u.text.length, 0);
console.log(`setup: ${CONTRIBUTIONS} contributions × ${PARAGRAPHS} paragraphs, ${units.length} units, ${mb(chars)} of text (characters), Node ${process.version}`);

let p!: Printable;
console.log(`printable model   median ${ms(await median(3, () => (p = printable(units))))}`);

let html = '';
const htmlTime = await median(3, () => (html = toHtml(p)));
console.log(`HTML              median ${ms(htmlTime)}, ${mb(Buffer.byteLength(html))}`);

let docx: Uint8Array = new Uint8Array();
const docxTime = await median(3, async () => (docx = await toDocx(p)));
console.log(`DOCX              median ${ms(docxTime)}, ${mb(docx.length)}`);

const subset = printable(compilationUnits(PDF_CONTRIBUTIONS));
const tiny = printable(compilationUnits(1));
let start = performance.now();
await toPdf(tiny);
const compilerStart = performance.now() - start;
// Typst memoises layout: the first compile of a document is what a visitor waits for; the same
// document compiled again reuses most of the work.
let pdf: Uint8Array = new Uint8Array();
start = performance.now();
pdf = await toPdf(subset);
const firstCompile = performance.now() - start;
const again = await median(3, async () => (pdf = await toPdf(subset)));
const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
let pages = '?';
try {
	writeFileSync(join(dir, 'subset.pdf'), pdf);
	pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'subset.pdf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? '?';
} catch {
	// pdfinfo (poppler-utils) is optional here: only the page count is missing
} finally {
	rmSync(dir, { recursive: true, force: true });
}
console.log(`PDF               ${PDF_CONTRIBUTIONS} contributions, ${pages} pages: ${ms(firstCompile)} (first compile; compiler start ${ms(compilerStart)} apart), ${ms(again)} compiled again (median of 3), ${mb(pdf.length)}`);
