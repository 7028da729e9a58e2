import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutStruck } from '../../src/lib/core/amendments/tokens';
import { plenary } from '../helpers/plenary-process';

/** `plenary amendments derive` reads DOCX copies, with and without Word tracked changes; files only, no database. */
const dir = mkdtempSync(join(tmpdir(), 'plenary-amendments-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


interface Item {
	targetNumber: string | null;
	targetId: string;
	kind: string;
	deletedText: string;
	insertedText: string;
	resultText: string;
	authors?: string[];
}


const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** One run of a paragraph: plain text, or a tracked insertion or deletion by an author. */
type Run_ = string | { ins: string; by: string } | { del: string; by: string };
let changeId = 0;
const runXml = (r: Run_): string => {
	if (typeof r === 'string') return `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`;
	const id = ++changeId;
	if ('ins' in r) return `<w:ins w:id="${id}" w:author="${esc(r.by)}" w:date="2017-11-20T10:00:00Z"><w:r><w:t xml:space="preserve">${esc(r.ins)}</w:t></w:r></w:ins>`;
	return `<w:del w:id="${id}" w:author="${esc(r.by)}" w:date="2017-11-20T10:00:00Z"><w:r><w:delText xml:space="preserve">${esc(r.del)}</w:delText></w:r></w:del>`;
};

/** A minimal real DOCX: content types, the package relationship, and word/document.xml. */
async function docx(paragraphs: Run_[][], parts: { document?: boolean } = {}): Promise<Buffer> {
	const zip = new JSZip();
	zip.file(
		'[Content_Types].xml',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
	);
	zip.file(
		'_rels/.rels',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
	);
	if (parts.document !== false) {
		const body = paragraphs.map((runs) => `<w:p>${runs.map(runXml).join('')}</w:p>`).join('');
		zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
	}
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const BASE = ['1. The Working Group met in Geneva in May.', '2. It discussed the mandate of the group at length.', '3. It agreed to meet again next year.'];
const basePath = join(dir, 'base.txt');

async function derive(edited: string, base = basePath): Promise<{ list: Item[]; json: string }> {
	const run = await plenary(['amendments', 'derive', base, edited, '--json']);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	return { list: JSON.parse(run.stdout) as Item[], json: run.stdout };
}

async function apply(json: string, base = basePath): Promise<string> {
	const file = join(dir, `a${++changeId}.json`);
	writeFileSync(file, json);
	const run = await plenary(['amendments', 'apply', base, file]);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	return run.stdout;
}

beforeAll(() => writeFileSync(basePath, `${BASE.join('\n\n')}\n`));

describe('plenary amendments derive on a DOCX copy', () => {
	it('finds the words changed, added and removed in a copy without tracked changes, and apply gives the copy', async () => {
		const file = join(dir, 'edited.docx');
		const paragraphs = ['1. The Working Group met in New York in May.', '2. It discussed the mandate of the group at length.', '2 bis. It heard the observers.'];
		writeFileSync(file, await docx(paragraphs.map((p) => [p])));
		const { list, json } = await derive(file);
		const replace = list.find((a) => a.kind === 'replace');
		expect(replace).toMatchObject({ targetId: expect.stringContaining('1'), deletedText: 'Geneva', insertedText: 'New York' });
		expect(list.find((a) => a.kind === 'insert')).toMatchObject({ targetNumber: '2 bis', insertedText: 'It heard the observers.' });
		expect(list.find((a) => a.kind === 'delete')?.deletedText).toContain('meet again next year');
		expect(list.every((a) => a.authors === undefined)).toBe(true);
		expect(await apply(json)).toBe(`${paragraphs.join('\n\n')}\n`);
	});

	it('reads Word tracked changes as deletions and insertions, with their authors', async () => {
		const file = join(dir, 'tracked.docx');
		const tracked: Run_[][] = [
			['1. The Working Group met in ', { del: 'Geneva', by: 'Delegation of Brazil' }, { ins: 'New York', by: 'Delegation of Brazil' }, ' in May.'],
			['2. It discussed the ', { ins: 'full ', by: 'Civil society caucus' }, 'mandate of the group', { del: ' at length', by: 'Delegation of Brazil' }, '.'],
			['3. It agreed to meet again next year.']
		];
		writeFileSync(file, await docx(tracked));
		const { list, json } = await derive(file);
		expect(list).toHaveLength(2);
		const [first, second] = list;
		expect(first).toMatchObject({ kind: 'replace', deletedText: 'Geneva', insertedText: 'New York', resultText: 'The Working Group met in New York in May.', authors: ['Delegation of Brazil'] });
		expect(second).toMatchObject({ kind: 'replace', deletedText: 'at length', insertedText: 'full', resultText: 'It discussed the full mandate of the group.' });
		expect(second.authors?.sort()).toEqual(['Civil society caucus', 'Delegation of Brazil']);
		// The copy with its deletions removed: what the delegation's edits make of the text.
		const rendered = '1. The Working Group met in ~~Geneva~~New York in May.\n\n2. It discussed the full mandate of the group~~ at length~~.\n\n3. It agreed to meet again next year.\n';
		expect(await apply(json)).toBe(withoutStruck(rendered));
	});

	it('reads a DOCX base with its tracked changes accepted', async () => {
		const base = join(dir, 'base.docx');
		writeFileSync(base, await docx([['1. The group met in ', { del: 'Paris', by: 'Secretariat' }, { ins: 'Geneva', by: 'Secretariat' }, '.'], ['2. It adopted its report.']]));
		const edited = join(dir, 'edited-of-docx-base.txt');
		writeFileSync(edited, '1. The group met in Geneva.\n\n2. It adopted its final report.\n');
		const { list, json } = await derive(edited, base);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ kind: 'replace', deletedText: '', insertedText: 'final' });
		expect(await apply(json, base)).toBe('1. The group met in Geneva.\n\n2. It adopted its final report.\n');
	});
});

describe('plenary amendments derive with a bad DOCX', () => {
	it.each([
		['a corrupt DOCX', async () => (writeFileSync(join(dir, 'corrupt.docx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), join(dir, 'corrupt.docx')), /is not a valid DOCX file/],
		['a zip whose signature is right but whose body is not', async () => (writeFileSync(join(dir, 'truncated.docx'), Buffer.from('PK\x03\x04rest', 'latin1')), join(dir, 'truncated.docx')), /is not a valid DOCX file/],
		[
			'a DOCX over 20 MB',
			async () => {
				const big = join(dir, 'big.docx');
				const fd = openSync(big, 'w');
				ftruncateSync(fd, 21 * 1024 * 1024);
				closeSync(fd);
				return big;
			},
			/over 20 MB/
		],
		['a DOCX without word/document.xml', async () => (writeFileSync(join(dir, 'empty.docx'), await docx([], { document: false })), join(dir, 'empty.docx')), /not a Word document \(it has no word\/document\.xml\)/]
	])('refuses %s with a clear message and exit code 1', async (_, make, message) => {
		const run = await plenary(['amendments', 'derive', basePath, await make()]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it('says in its help that DOCX copies are read', async () => {
		const run = await plenary(['amendments', '--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('or DOCX, up to 20 MB');
		expect(run.stdout).not.toContain('DOCX: not yet');
	});
});
