import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { compareVersions } from './compare';

const withKeys = (text: string, keys: string[]) => {
	expect(parseDocument(text).units).toHaveLength(keys.length);
	return { text, keys };
};

describe('compareVersions', () => {
	it('pairs units by stable key and names each change', () => {
		const a = withKeys('1. Alpha beta.\n\n2. Gamma.\n\n3. Delta.\n\n4. Gone.\n', ['p1', 'p2', 'p3', 'p4']);
		const b = withKeys('1. Alpha new beta.\n\n2. Inserted.\n\n3. Gamma.\n\n4. Delta.\n', ['p1', 'n1', 'p2', 'p3']);
		const rows = compareVersions(a, b);
		expect(rows.map((r) => [r.key, r.state, r.numberBefore, r.numberAfter])).toEqual([
			['p1', 'changed', '1', '1'],
			['n1', 'inserted', null, '2'],
			['p2', 'renumbered', '2', '3'],
			['p3', 'renumbered', '3', '4'],
			['p4', 'deleted', '4', null]
		]);
		expect(rows[0].segments).toEqual([
			{ kind: 'same', text: 'Alpha ' },
			{ kind: 'ins', text: 'new' },
			{ kind: 'same', text: ' beta.' }
		]);
		expect(rows[0]).toMatchObject({ before: 'Alpha beta.', after: 'Alpha new beta.' });
		expect(rows[4].segments).toEqual([{ kind: 'del', text: 'Gone.' }]);
	});

	it('puts a removed unit where it stood and marks units out of order as moved', () => {
		const a = withKeys('1. One.\n\n2. Two.\n\n3. Three.\n\n4. Four.\n', ['p1', 'p2', 'p3', 'p4']);
		const b = withKeys('1. One.\n\n2. Four.\n\n3. Three.\n', ['p1', 'p4', 'p3']);
		expect(compareVersions(a, b).map((r) => [r.key, r.state])).toEqual([
			['p1', 'same'],
			['p2', 'deleted'],
			['p4', 'moved'],
			['p3', 'same']
		]);
	});
});
