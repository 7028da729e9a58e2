import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DocxError, htmlToText, readDocxText } from './docx-text';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
async function docx(body: string): Promise<Buffer> {
	const zip = new JSZip();
	zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>');
	zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
	zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
	return zip.generateAsync({ type: 'nodebuffer' });
}
const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
const del = (s: string, by: string) => `<w:del w:id="1" w:author="${by}"><w:r><w:delText xml:space="preserve">${s}</w:delText></w:r></w:del>`;
const ins = (s: string, by: string) => `<w:ins w:id="2" w:author="${by}">${t(s)}</w:ins>`;

describe('htmlToText', () => {
	it('gives one block a line, blank lines between blocks, one list a run of lines', () => {
		const html = '<h2>Title &amp; more</h2><p> Intro <strong>bold</strong><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><ol><li>first</li><li><p>second</p></li></ol><p>line<br />break</p><ol><li id="footnote-1"><p> Note <a href="#footnote-ref-1">↑</a></p></li></ol>';
		expect(htmlToText(html)).toBe('## Title & more\n\nIntro bold[1].\n\n- one\n- two\n  - deep\n\n1. first\n2. second\n\nline\nbreak\n\n[1] Note\n');
	});

	it('drops empty paragraphs and gives nothing for nothing', () => {
		expect(htmlToText('<p></p><p>  </p>')).toBe('');
		expect(htmlToText('<p>a</p><p></p><p>b</p>')).toBe('a\n\nb\n');
	});
});

describe('readDocxText', () => {
	it('marks tracked deletions as ~~struck~~, keeps insertions, and says where each change is and who made it', async () => {
		const bytes = await docx(`<w:p>${t('The group met in ')}${del('Geneva', 'A')}${ins('New York', 'B')}${t('.')}</w:p><w:p>${t('Second.')}</w:p>`);
		const { text, changes } = await readDocxText(bytes, 'marked');
		expect(text).toBe('The group met in ~~Geneva~~New York.\n\nSecond.\n');
		expect(changes.map((c) => [text.slice(c.start, c.end), c.author])).toEqual([
			['~~Geneva~~', 'A'],
			['New York', 'B']
		]);
	});

	it('accepts the changes when asked for a base', async () => {
		const bytes = await docx(`<w:p>${t('The group met in ')}${del('Geneva', 'A')}${ins('New York', 'B')}${t('.')}</w:p>`);
		expect(await readDocxText(bytes, 'accepted')).toEqual({ text: 'The group met in New York.\n', changes: [] });
	});

	it('refuses what is not a Word document', async () => {
		await expect(readDocxText(Buffer.from('not a zip'), 'marked')).rejects.toThrow(DocxError);
		const zip = new JSZip();
		zip.file('hello.txt', 'hi');
		await expect(readDocxText(await zip.generateAsync({ type: 'nodebuffer' }), 'marked')).rejects.toThrow(/no word\/document\.xml/);
		const broken = new JSZip();
		broken.file('word/document.xml', '<w:document><w:body>');
		await expect(readDocxText(await broken.generateAsync({ type: 'nodebuffer' }), 'marked')).rejects.toThrow(DocxError);
	});
});

describe('readDocxText with whole paragraphs', () => {
	it('keeps a paragraph deleted whole as a struck paragraph of its own, and joins a merge', async () => {
		const gone = `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="X"/></w:rPr></w:pPr>${del('2. Goes.', 'X')}</w:p>`;
		const whole = await readDocxText(await docx(`<w:p>${t('1. Stays.')}</w:p>${gone}<w:p>${t('3. Stays.')}</w:p>`), 'marked');
		expect(whole.text).toBe('1. Stays.\n\n~~2. Goes.~~\n\n3. Stays.\n');
		expect(whole.changes).toEqual([{ start: 11, end: 23, author: 'X' }]);
		const merged = `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="X"/></w:rPr></w:pPr>${t('1. Joined')}</w:p><w:p>${t(' with the next.')}</w:p>`;
		expect((await readDocxText(await docx(merged), 'marked')).text).toBe('1. Joined with the next.\n');
	});
});
