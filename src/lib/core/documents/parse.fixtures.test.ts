import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from './parse';
import { reproduce } from './reproduce';

/** Golden fixtures: tests/fixtures/documents/<name>.txt → <name>.json (see the README there). */
const dir = resolve(process.cwd(), 'tests/fixtures/documents');
const names = readdirSync(dir)
	.filter((f) => f.endsWith('.txt'))
	.map((f) => f.slice(0, -4));

describe('parser golden fixtures', () => {
	it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(3));
	it.each(names)('%s', (name) => {
		const source = readFileSync(join(dir, `${name}.txt`), 'utf8');
		const expected = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
		const units = parseDocument(source).units;
		const actual = units
			.filter((u) => u.kind !== 'blank')
			.map((u) => ({ key: u.key, kind: u.kind, number: u.number, text: u.text, ...(u.notes.length ? { notes: u.notes } : {}) }));
		expect(actual).toEqual(expected);
		expect(reproduce(units)).toBe(source);
	});
});
