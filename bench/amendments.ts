/**
 * `npm run bench:amendments`: derive amendments between two drafts of about 150,000 characters
 * (≈ 60 pages), beside `git diff --no-index --word-diff` on the same pair.
 *
 * The drafts are generated deterministically from the corpus texts (../shared/corpus or
 * PLENARY_CORPUS_DIR): their paragraphs are repeated into numbered sections until the base is
 * ~150,000 characters, then a seeded set of edits makes the copy — words replaced, words struck
 * through (~~…~~), paragraphs deleted, "bis" paragraphs inserted, two paragraphs swapped. Derive is
 * timed in process (median of 10 runs after 2 warm-ups); git's wall time includes its process
 * start (median of 10). The round trip is checked once. Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyAmendments, deriveAmendments, withoutStruck } from '../src/lib/core/amendments/index';
import { parseDocument } from '../src/lib/core/documents/parse';
import { random } from './seeded';

const TARGET = 150_000;
const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR || resolve(import.meta.dirname, '../../shared/corpus'));


function paragraphsFromCorpus(): string[] {
	const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt') && !f.startsWith('README'));
	const texts = files.flatMap((f) => parseDocument(readFileSync(join(CORPUS, f), 'utf8')).units);
	return texts.filter((u) => (u.kind === 'paragraph' || u.kind === 'list_item') && u.text.length > 60).map((u) => u.text);
}

function makeBase(paragraphs: string[]): { sections: string[][] } {
	const sections: string[][] = [];
	let size = 0;
	let i = 0;
	while (size < TARGET) {
		const section: string[] = [];
		for (let n = 0; n < 25 && size < TARGET; n++, i++) {
			const p = paragraphs[i % paragraphs.length];
			section.push(p);
			size += p.length + 8;
		}
		sections.push(section);
	}
	return { sections };
}

function render(sections: string[][], numbers?: string[][]): string {
	return (
		sections
			.map((s, k) => [`Section ${k + 1}`, ...s.map((p, n) => `${numbers?.[k]?.[n] ?? n + 1}. ${p}`)].join('\n\n'))
			.join('\n\n') + '\n'
	);
}

function edit(sections: string[][], rnd: () => number): { sections: string[][]; numbers: string[][] } {
	const out = sections.map((s) => [...s]);
	const numbers = sections.map((s) => s.map((_, n) => String(n + 1)));
	for (let k = 0; k < out.length; k++) {
		for (let n = out[k].length - 1; n >= 0; n--) {
			const r = rnd();
			const words = out[k][n].split(' ');
			const w = Math.floor(rnd() * words.length);
			if (r < 0.04) words.splice(w, 1, 'amended');
			else if (r < 0.07) words.splice(w, 1, `~~${words[w]}~~`);
			else if (r < 0.08) {
				out[k].splice(n, 1);
				numbers[k].splice(n, 1);
				continue;
			} else if (r < 0.09) {
				out[k].splice(n + 1, 0, 'The group also agreed on a further paragraph proposed in the course of the reading.');
				numbers[k].splice(n + 1, 0, `${numbers[k][n]} bis`);
			}
			out[k][n] = words.join(' ');
		}
	}
	if (out.length > 2) [out[1][0], out[1][1]] = [out[1][1], out[1][0]];
	return { sections: out, numbers };
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rnd = random(20171111);
const { sections } = makeBase(paragraphsFromCorpus());
const base = render(sections);
const changed = edit(sections, rnd);
const copy = render(changed.sections, changed.numbers);

const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-amendments-'));
try {
	const baseFile = join(dir, 'base.txt');
	const copyFile = join(dir, 'copy.txt');
	writeFileSync(baseFile, base);
	writeFileSync(copyFile, copy);

	for (let i = 0; i < 2; i++) deriveAmendments(base, copy);
	const times: number[] = [];
	let found = deriveAmendments(base, copy);
	for (let i = 0; i < 10; i++) {
		const t = performance.now();
		found = deriveAmendments(base, copy);
		times.push(performance.now() - t);
	}
	const exact = applyAmendments(base, found) === withoutStruck(copy);

	const gitTimes: number[] = [];
	let gitOk = true;
	for (let i = 0; i < 10; i++) {
		const t = performance.now();
		const run = spawnSync('git', ['diff', '--no-index', '--word-diff', baseFile, copyFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		gitTimes.push(performance.now() - t);
		// git diff exits 1 when the files differ; anything else is a failure.
		if (run.status !== 1) gitOk = false;
	}

	console.log(`Pair: base ${base.length.toLocaleString('en')} characters, copy ${copy.length.toLocaleString('en')} characters (${base.split('\n\n').length} blocks).`);
	console.log(`derive (in process, median of 10 after 2 warm-ups): ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ${found.length} items; round trip ${exact ? 'exact' : 'NOT EXACT'}`);
	console.log(`git diff --no-index --word-diff (wall time with process start, median of 10): ${gitOk ? `${median(gitTimes).toFixed(1)} ms` : 'failed to run'}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
