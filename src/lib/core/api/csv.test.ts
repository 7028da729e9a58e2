import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { BOM, cellText, columnsOf, csvField, recordsToCsv, toCsv, type Cell } from './csv';
import { ContributionRecord, type ContributionRecord as Contribution } from './records';

/**
 * A small reference reader for RFC 4180, written independently of the writer: a state machine
 * over characters (in a quoted field, a doubled quote is a quote; outside, a comma ends the field
 * and CRLF ends the record). It refuses anything that is not well formed.
 */
function parseCsv(text: string): string[][] {
	if (!text.startsWith(BOM)) throw new Error('no byte order mark');
	const s = text.slice(1);
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	let fieldStart = true;
	while (i < s.length) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') {
				field += '"';
				i += 2;
			} else if (ch === '"') {
				quoted = false;
				i += 1;
				if (i < s.length && s[i] !== ',' && s[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
			} else {
				field += ch;
				i += 1;
			}
		} else if (ch === '"' && fieldStart) {
			quoted = true;
			fieldStart = false;
			i += 1;
		} else if (ch === '"') {
			throw new Error(`bare quote at ${i}`);
		} else if (ch === ',') {
			record.push(field);
			field = '';
			fieldStart = true;
			i += 1;
		} else if (ch === '\r') {
			if (s[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			fieldStart = true;
			i += 2;
		} else if (ch === '\n') {
			throw new Error(`LF without CR at ${i}`);
		} else {
			field += ch;
			fieldStart = false;
			i += 1;
		}
	}
	if (quoted) throw new Error('unterminated quoted field');
	if (!fieldStart || field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
	return records;
}

describe('csv fields', () => {
	it('quotes fields with a comma, quote or line break and doubles quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(12)).toBe('12');
		expect(csvField(false)).toBe('false');
	});

	it('protects text cells that a spreadsheet would run as a formula', () => {
		expect(cellText('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
		expect(cellText('+33 1 23')).toBe("'+33 1 23");
		expect(cellText('-1')).toBe("'-1");
		expect(cellText('@cmd')).toBe("'@cmd");
		expect(cellText('\tx')).toBe("'\tx");
		expect(cellText('\rx')).toBe("'\rx");
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		// Not formulas: text that merely contains the characters, and numbers.
		expect(cellText('a=b')).toBe('a=b');
		expect(cellText("'quoted")).toBe("'quoted");
		expect(cellText(-5)).toBe('-5');
	});
});

describe('csv files', () => {
	it('writes a golden file: BOM, CRLF after every record, Arabic and Chinese as UTF-8 text', () => {
		const text = toCsv(
			['slug', 'name', 'note'],
			[
				['egypt', 'مصر', 'a, b'],
				['china', '中国', '=1+1'],
				['x', 'line\r\nbreak', null]
			]
		);
		expect(text).toBe('\uFEFFslug,name,note\r\negypt,مصر,"a, b"\r\nchina,中国,\'=1+1\r\nx,"line\r\nbreak",\r\n');
		const bytes = new TextEncoder().encode(text);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('reads back, with the reference reader, exactly the cells written (formula cells with their apostrophe)', () => {
		const cell = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 12 }),
			fc.stringMatching(/^[=+\-@\t\r,"\n a-z]{0,8}$/),
			fc.constantFrom('مصر', '中国', 'Российская Федерация', '"', ',', '\r\n', '')
		);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 6 }), (width, rows) => {
				const header = Array.from({ length: width }, (_, i) => `c${i}`);
				const cells = rows.map((r) => r.slice(0, width));
				const parsed = parseCsv(toCsv(header, cells));
				expect(parsed).toEqual([header, ...cells.map((r) => r.map((c) => cellText(c)))]);
				// Every cell read back is safe: none starts a formula.
				for (const r of parsed.slice(1)) for (const c of r) expect(/^[=+\-@\t\r]/.test(c)).toBe(false);
			})
		);
	});
});

describe('columns from a schema', () => {
	const Sample = z.object({
		slug: z.string(),
		count: z.number().int(),
		flag: z.boolean(),
		organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
		tags: z.array(z.string()),
		people: z.array(z.object({ kind: z.enum(['a', 'b']), name: z.string(), codes: z.array(z.number()) })),
		extra: z.record(z.string(), z.unknown()),
		names: z.object({ ar: z.string().optional(), en: z.string().optional() })
	});
	type Sample = z.infer<typeof Sample>;

	it('flattens objects to dotted columns and lists to joined, aligned cells', () => {
		expect(columnsOf(Sample).map((c) => c.header)).toEqual([
			'slug',
			'count',
			'flag',
			'organisation.slug',
			'organisation.name',
			'tags',
			'people.kind',
			'people.name',
			'people.codes',
			'extra',
			'names.ar',
			'names.en'
		]);
		const rows: Sample[] = [
			{
				slug: 's1',
				count: -3,
				flag: true,
				organisation: { slug: 'egypt', name: 'Egypt' },
				tags: ['ldc', 'sids'],
				people: [
					{ kind: 'a', name: 'Ann', codes: [1, 2] },
					{ kind: 'b', name: 'Bo, Jr', codes: [] }
				],
				extra: { quorum: 2 },
				names: { ar: 'مصر' }
			},
			{ slug: 's2', count: 0, flag: false, organisation: null, tags: [], people: [], extra: {}, names: {} }
		];
		expect(recordsToCsv(Sample, rows)).toBe(
			'\uFEFF' +
				'slug,count,flag,organisation.slug,organisation.name,tags,people.kind,people.name,people.codes,extra,names.ar,names.en\r\n' +
				's1,-3,true,egypt,Egypt,ldc; sids,a; b,"Ann; Bo, Jr","[1,2]; []","{""quorum"":2}",مصر,\r\n' +
				's2,0,false,,,,,,,{},,\r\n'
		);
	});

	it('leaves out the columns asked for', () => {
		expect(columnsOf(Sample, { omit: ['people.codes', 'extra'] }).map((c) => c.header)).not.toContain('extra');
	});

	it('writes a golden contributions CSV from the record schema, items text left out', () => {
		const record: Contribution = ContributionRecord.parse({
			id: '5b1f4a52-3c1e-4c7e-9a0b-0a4d2d1c9e11',
			slug: 'joint-2017',
			body: 'wgec-2016-2018',
			meetingNumber: 3,
			title: 'Joint contribution',
			heading: '',
			onBehalfOf: null,
			submittedOn: '2017-01-26',
			lang: 'en',
			targetDocument: null,
			textDocument: null,
			call: 'call-2017',
			status: 'withdrawn',
			late: true,
			revision: 2,
			mergedInto: null,
			receivedAt: '2017-01-26T10:00:00.000Z',
			published: true,
			submitters: [
				{ kind: 'organisation', slug: 'egypt', name: 'مصر' },
				{ kind: 'person', slug: 'jane-doe', name: 'Jane Doe' }
			],
			items: [
				{ position: 0, kind: 'paragraph', number: '(1)', text: '=cmd', category: { code: 'A', title: 'Group A' } },
				{ position: 1, kind: 'paragraph', number: '(2)', text: 'two', category: null }
			]
		});
		expect(recordsToCsv(ContributionRecord, [record], { omit: ['items.position', 'items.kind', 'items.text'] })).toBe(
			'\uFEFF' +
				'id,slug,body,meetingNumber,title,heading,onBehalfOf,submittedOn,lang,targetDocument,textDocument,call,status,late,revision,mergedInto,receivedAt,published,submitters.kind,submitters.slug,submitters.name,items.number,items.category.code,items.category.title\r\n' +
				'5b1f4a52-3c1e-4c7e-9a0b-0a4d2d1c9e11,joint-2017,wgec-2016-2018,3,Joint contribution,,,2017-01-26,en,,,call-2017,withdrawn,true,2,,2017-01-26T10:00:00.000Z,true,organisation; person,egypt; jane-doe,مصر; Jane Doe,(1); (2),A; ,Group A; \r\n'
		);
	});
});
