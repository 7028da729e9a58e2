import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readUpload, UploadRefused, type UploadRefusalCode } from '../../src/lib/server/uploads/read-upload';

// No database: these read real files through the real worker thread, as every upload route does.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const heading = (s: string) => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t(s)}</w:p>`;
const del = (s: string, by: string) => `<w:del w:id="1" w:author="${by}" w:date="2026-03-02T10:00:00Z"><w:r><w:delText xml:space="preserve">${s}</w:delText></w:r></w:del>`;
const ins = (s: string, by: string) => `<w:ins w:id="2" w:author="${by}" w:date="2026-03-02T10:05:00Z">${t(s)}</w:ins>`;

/** A Word document as Word lays one out: content types, relationships, styles, and the body. */
async function docx(body: string): Promise<Uint8Array> {
	const zip = new JSZip();
	zip.file(
		'[Content_Types].xml',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
	);
	zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
	zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
	zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`);
	zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A zip written byte by byte, so that a test can make an entry declare a size it does not have
 * (the lying zip bomb) or be far larger than jszip would care to compress quickly.
 */
function handMadeZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const packed = deflateRawSync(entry.data, { level: 9 });
		const size = entry.declaredSize ?? entry.data.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt32LE(crc32(entry.data), 14);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(crc32(entry.data), 16);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, packed);
		centrals.push(central, name);
		offset += 30 + name.length + packed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A valid PDF with one content stream per page (Helvetica), its cross-reference table computed. */
function pdf(pages: string[]): Uint8Array {
	const objects: string[] = [];
	const pageIds = pages.map((_, i) => 4 + i * 2);
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
	objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
	pages.forEach((content, i) => {
		objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
		objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
	});
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	for (let id = 1; id < objects.length; id++) {
		offsets[id] = out.length;
		out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
	}
	const xref = out.length;
	out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(out);
}
/** Lines of text from the top of a page, 14 points apart; an empty string leaves a paragraph gap. */
const lines = (...texts: string[]) => `BT /F1 12 Tf 14 TL 72 760 Td ${texts.map((s) => (s === '' ? 'T*' : `(${s}) Tj T*`)).join(' ')} ET`;

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The refusal `readUpload` throws for this file (failing the test if it reads it). */
async function refused(promise: Promise<unknown>): Promise<UploadRefused> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof UploadRefused) return e;
		throw e;
	}
	throw new Error('the upload was read, not refused');
}
/** The refusal code `readUpload` throws for this file. */
const refusal = async (promise: Promise<unknown>): Promise<UploadRefusalCode> => (await refused(promise)).code;

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('readUpload: DOCX', () => {
	const edited = () => docx(heading('Draft outcome') + p(t('1. The Working Group '), del('notes', 'Brazil'), ins('welcomes', 'Kenya'), t(' the report.')) + p(t('2. It met twice.')));

	it('reads an edited copy with its tracked changes marked, and who made each', async () => {
		const bytes = await edited();
		const read = await readUpload({ name: 'C:\\fakepath\\edited.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes }, { tracked: 'marked' });
		expect(read.format).toBe('docx');
		expect(read.text).toBe('# Draft outcome\n\n1. The Working Group ~~notes~~welcomes the report.\n\n2. It met twice.\n');
		expect(read.changes.map((c) => [read.text.slice(c.start, c.end), c.author])).toEqual([
			['~~notes~~', 'Brazil'],
			['welcomes', 'Kenya']
		]);
		expect(read.name).toBe('edited.docx');
		expect(read.bytes).toBe(bytes.byteLength);
		expect(read.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('reads a base version with its tracked changes accepted', async () => {
		const read = await readUpload({ name: 'base.docx', bytes: await edited() }, { tracked: 'accepted' });
		expect(read.text).toBe('# Draft outcome\n\n1. The Working Group welcomes the report.\n\n2. It met twice.\n');
		expect(read.changes).toEqual([]);
	});

	it('reads several at once (more than run side by side), each to its own text', async () => {
		const files = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => docx(p(t(`Paragraph ${n}.`)))));
		const reads = await Promise.all(files.map((bytes, i) => readUpload({ name: `${i}.docx`, bytes }, { tracked: 'accepted' })));
		expect(reads.map((r) => r.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Paragraph ${n}.\n`));
	});

	it('refuses a truncated DOCX as corrupt', async () => {
		const bytes = await edited();
		expect(await refusal(readUpload({ name: 'cut.docx', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) }, { tracked: 'marked' }))).toBe('corrupt');
	});

	it('refuses a DOCX whose document.xml is broken XML as corrupt', async () => {
		const zip = await JSZip.loadAsync(await edited());
		zip.file('word/document.xml', `<w:document ${W}><w:body><w:p>`);
		const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(await refusal(readUpload({ name: 'broken.docx', bytes }, { tracked: 'marked' }))).toBe('corrupt');
	});

	it('refuses a zip that is no Word document (a spreadsheet, an archive) as unsupported', async () => {
		const zip = new JSZip();
		zip.file('xl/workbook.xml', '<workbook/>');
		const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(await refusal(readUpload({ name: 'sheet.xlsx', bytes }, { tracked: 'marked' }))).toBe('unsupported');
	});

	it('refuses a DOCX with no text as empty', async () => {
		expect(await refusal(readUpload({ name: 'blank.docx', bytes: await docx(p()) }, { tracked: 'accepted' }))).toBe('empty');
	});
});

describe('readUpload: zip bombs and limits', () => {
	const wrap = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>${inner}</w:t></w:r></w:p></w:body></w:document>`;

	it('refuses a DOCX whose document.xml declares more than 200 MB unzipped as too large, without unzipping it', async () => {
		// 201 MB of one letter deflates to about 200 KB: small enough to upload, far too big to read.
		const bytes = handMadeZip([{ name: 'word/document.xml', data: Buffer.from(wrap('a'.repeat(201 * 1024 * 1024))) }]);
		expect(bytes.byteLength).toBeLessThan(1024 * 1024);
		const started = Date.now();
		expect(await refused(readUpload({ name: 'bomb.docx', bytes }, { tracked: 'marked' }))).toMatchObject({ code: 'too_large', detail: expect.stringMatching(/over 200 MB/) });
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('refuses a zip bomb that lies about its size, in both reading modes', async () => {
		// Declares 2 KB, inflates to 64 MB: caught while counting, long before 64 MB are held anywhere.
		const bytes = handMadeZip([{ name: 'word/document.xml', data: Buffer.from(wrap('a'.repeat(64 * 1024 * 1024))), declaredSize: 2048 }]);
		for (const tracked of ['marked', 'accepted'] as const) {
			expect(await refused(readUpload({ name: 'liar.docx', bytes }, { tracked }))).toMatchObject({ code: 'too_large', detail: expect.stringMatching(/more than it declares/) });
		}
	});

	it('refuses a document that needs more memory than the worker may have as too large, and reads the next one', async () => {
		// An honest 48 MB document.xml in a worker limited to 32 MB of heap.
		const bytes = handMadeZip([{ name: 'word/document.xml', data: Buffer.from(wrap('word '.repeat(10 * 1024 * 1024))) }]);
		expect(await refused(readUpload({ name: 'huge.docx', bytes }, { tracked: 'marked', memoryMb: 32 }))).toMatchObject({ code: 'too_large', detail: expect.stringMatching(/more than 32 MB/) });
		expect((await readUpload({ name: 'small.docx', bytes: await docx(p(t('Still here.'))) }, { tracked: 'marked' })).text).toBe('Still here.\n');
	});

	it('refuses a file over the limit as too large: the default 20 MB, a given limit, and PLENARY_MAX_UPLOAD_MB', async () => {
		vi.stubEnv('PLENARY_MAX_UPLOAD_MB', '');
		const justOver = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
		expect(await refusal(readUpload({ name: 'big.txt', bytes: justOver }, { tracked: 'marked' }))).toBe('too_large');
		expect((await readUpload({ name: 'big.txt', bytes: justOver.subarray(1) }, { tracked: 'marked' })).bytes).toBe(20 * 1024 * 1024);
		expect(await refusal(readUpload({ name: 'a.txt', bytes: utf8('twelve bytes') }, { tracked: 'marked', maxBytes: 11 }))).toBe('too_large');
		vi.stubEnv('PLENARY_MAX_UPLOAD_MB', '0.001'); // 1,048 bytes
		expect(await refusal(readUpload({ name: 'a.txt', bytes: utf8('x'.repeat(1049)) }, { tracked: 'marked' }))).toBe('too_large');
		expect((await readUpload({ name: 'a.txt', bytes: utf8('x'.repeat(1048)) }, { tracked: 'marked' })).bytes).toBe(1048);
	});

	it('gives up on a parse that takes longer than the time limit, and reads the next one', async () => {
		const bytes = await docx(p(t('Slow enough.')));
		expect(await refusal(readUpload({ name: 'slow.docx', bytes }, { tracked: 'marked', timeoutMs: 1 }))).toBe('timeout');
		vi.stubEnv('PLENARY_UPLOAD_TIMEOUT_S', '0.001');
		expect(await refusal(readUpload({ name: 'slow.docx', bytes }, { tracked: 'marked' }))).toBe('timeout');
		vi.unstubAllEnvs();
		expect((await readUpload({ name: 'slow.docx', bytes }, { tracked: 'marked' })).text).toBe('Slow enough.\n');
	});
});

describe('readUpload: text and Markdown', () => {
	it('reads a Markdown file as it is written', async () => {
		const source = '# Draft\n\n1. The Working Group **welcomes** the report.\n\n- a list item\n';
		const read = await readUpload({ name: 'draft.md', type: 'text/markdown', bytes: utf8(source) }, { tracked: 'marked' });
		expect(read).toMatchObject({ format: 'markdown', text: source, changes: [], name: 'draft.md', bytes: utf8(source).byteLength });
	});

	it('strips a byte-order mark and normalises CRLF and CR line ends', async () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Título\r\n\r\nPárrafo uno.\rPárrafo dos.\r\n')]);
		const read = await readUpload({ name: 'notes.txt', bytes }, { tracked: 'accepted' });
		expect(read.format).toBe('text');
		expect(read.text).toBe('Título\n\nPárrafo uno.\nPárrafo dos.\n');
		// The hash is of the bytes as uploaded, not of the normalised text.
		expect(read.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('refuses nothing (no bytes, or only a BOM and blank lines) as empty', async () => {
		expect(await refusal(readUpload({ name: 'empty.txt', bytes: new Uint8Array() }, { tracked: 'marked' }))).toBe('empty');
		expect(await refusal(readUpload({ name: 'blank.md', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20]) }, { tracked: 'marked' }))).toBe('empty');
	});

	it('refuses random bytes as unsupported, and text that is not UTF-8 as corrupt', async () => {
		// Deterministic "random" bytes (a linear congruential sequence), with the NUL any binary has.
		let seed = 42;
		const noise = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
		noise[100] = 0;
		expect(await refusal(readUpload({ name: 'noise.bin', bytes: noise }, { tracked: 'marked' }))).toBe('unsupported');
		expect(await refusal(readUpload({ name: 'noise.docx', bytes: noise }, { tracked: 'marked' }))).toBe('corrupt');
		expect(await refusal(readUpload({ name: 'latin1.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) }, { tracked: 'marked' }))).toBe('corrupt');
	});
});

describe('readUpload: PDF', () => {
	it('reads a PDF page by page, paragraphs apart by blank lines', async () => {
		const bytes = pdf([lines('1. The Working Group met in', 'Geneva in March.', '', '2. It agreed on a multi-', 'stakeholder approach.'), lines('3. On page two.')]);
		const read = await readUpload({ name: 'contribution.pdf', type: 'application/pdf', bytes }, { tracked: 'marked' });
		expect(read.format).toBe('pdf');
		expect(read.text).toBe('1. The Working Group met in Geneva in March.\n\n2. It agreed on a multi-stakeholder approach.\n\n3. On page two.\n');
		expect(read.changes).toEqual([]);
	});

	it('stops a PDF whose content stream inflates far beyond memory (outside the heap limit) as too large', async () => {
		// 512 MB of spaces deflate to half a megabyte; pdf.js inflates them into buffers the worker's
		// heap limit does not see, so only the watch on the process's memory can stop it.
		const packed = deflateSync(Buffer.alloc(512 * 1024 * 1024, 0x20), { level: 9 });
		const head = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n';
		const bytes = Buffer.concat([Buffer.from(`${head}4 0 obj\n<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`), packed, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
		const started = Date.now();
		expect(await refused(readUpload({ name: 'bomb.pdf', bytes }, { tracked: 'marked', memoryMb: 64 }))).toMatchObject({ code: 'too_large', detail: expect.stringMatching(/grew the process/) });
		expect(Date.now() - started).toBeLessThan(15_000);
	});

	it('refuses a broken PDF as corrupt and one without text (a scan) as empty', async () => {
		expect(await refusal(readUpload({ name: 'broken.pdf', bytes: utf8('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\n') }, { tracked: 'marked' }))).toBe('corrupt');
		expect(await refusal(readUpload({ name: 'scan.pdf', bytes: pdf(['0 0 m 100 100 l S']) }, { tracked: 'marked' }))).toBe('empty');
	});
});
