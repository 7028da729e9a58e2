import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutStruck } from '../../src/lib/core/amendments/tokens';
import { plenary } from '../helpers/plenary-process';

/** `plenary amendments` works on files alone: no database, no build step. */
const CORPUS = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const corpusFile = (prefix: string) => {
	const name = existsSync(CORPUS) ? readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) : undefined;
	return name ? join(CORPUS, name) : null;
};
const base = corpusFile('004_');
const edited = corpusFile('000_');
const dir = mkdtempSync(join(tmpdir(), 'plenary-amendments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));



describe.skipIf(!base || !edited)('plenary amendments derive, then apply, on the corpus pair', () => {
	it('gives back the edited copy without its struck spans, byte for byte', async () => {
		const derived = await plenary(['amendments', 'derive', base!, edited!, '--json']);
		expect(derived.stderr).toBe('');
		expect(derived.code).toBe(0);
		const list = JSON.parse(derived.stdout) as { kind: string; targetId: string; wholePart: boolean }[];
		expect(list.length).toBeGreaterThanOrEqual(8);
		expect(list.length).toBeLessThanOrEqual(60);
		expect(list.some((a) => a.wholePart)).toBe(true);
		const file = join(dir, 'amendments.json');
		writeFileSync(file, derived.stdout);
		const applied = await plenary(['amendments', 'apply', base!, file]);
		expect(applied.code).toBe(0);
		expect(applied.stdout).toBe(withoutStruck(readFileSync(edited!, 'utf8')));
	});

	it('applies a chosen subset: an empty list gives back the base itself', async () => {
		const file = join(dir, 'none.json');
		writeFileSync(file, '[]');
		const applied = await plenary(['amendments', 'apply', base!, file]);
		expect(applied.code).toBe(0);
		expect(applied.stdout).toBe(readFileSync(base!, 'utf8'));
	});
});

describe('plenary amendments with bad input', () => {
	const text = join(dir, 'base.txt');
	writeFileSync(text, '1. The group met.\n\n2. It adopted its methods.\n');

	it.each([
		['a missing file', () => ['derive', text, join(dir, 'missing.txt')], /does not exist or cannot be read/],
		['a folder', () => ['derive', text, dir], /is not a file/],
		['a binary file', () => (writeFileSync(join(dir, 'bin.txt'), Buffer.from([1, 0, 2, 3])), ['derive', text, join(dir, 'bin.txt')]), /binary file/],
		['a broken DOCX file', () => (writeFileSync(join(dir, 'copy.docx'), Buffer.from('PK\x03\x04rest', 'latin1')), ['derive', text, join(dir, 'copy.docx')]), /is not a valid DOCX file/],
		['a zipped amendments file', () => (writeFileSync(join(dir, 'zipped.json'), Buffer.from('PK\x03\x04rest', 'latin1')), ['apply', text, join(dir, 'zipped.json')]), /zipped file, not text/],
		['text that is not UTF-8', () => (writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9])), ['derive', text, join(dir, 'latin1.txt')]), /not UTF-8/],
		[
			'a file over 20 MB',
			() => {
				const big = join(dir, 'big.txt');
				const fd = openSync(big, 'w');
				ftruncateSync(fd, 21 * 1024 * 1024);
				closeSync(fd);
				return ['derive', text, big];
			},
			/over 20 MB/
		],
		['malformed JSON', () => (writeFileSync(join(dir, 'bad.json'), '[{'), ['apply', text, join(dir, 'bad.json')]), /not valid JSON/],
		['JSON that is not amendments', () => (writeFileSync(join(dir, 'odd.json'), '{"a":1}'), ['apply', text, join(dir, 'odd.json')]), /not a list of amendments/],
		[
			"another text's amendments",
			() => (
				writeFileSync(join(dir, 'other.json'), JSON.stringify([{ targetNumber: '9', targetId: 'body-p9', kind: 'delete', deletedText: 'x', insertedText: '', resultText: '', wholePart: false }])),
				['apply', text, join(dir, 'other.json')]
			),
			/do not fit/
		]
	])('refuses %s with a clear message and exit code 1', async (_, args, message) => {
		const run = await plenary(['amendments', ...args()]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it('explains itself, and says DOCX files are read', async () => {
		const run = await plenary(['amendments', '--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^Usage: plenary amendments derive/);
		expect(run.stdout).toContain('or DOCX, up to 20 MB');
		expect((await plenary(['amendments', 'frobnicate', 'a', 'b'])).code).toBe(2);
	});
});
