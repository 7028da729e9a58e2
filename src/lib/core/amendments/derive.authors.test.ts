import { describe, expect, it } from 'vitest';
import { deriveAmendments } from './derive';

describe('deriveAmendments with tracked changes', () => {
	const base = '1. The group met in Geneva.\n\n2. It adopted its report.\n\n3. It closed.\n';
	const copy = '1. The group met in ~~Geneva~~New York.\n\n2. It adopted its final report.\n\n3. It closed.\n';
	const span = (text: string, author: string) => ({ start: copy.indexOf(text), end: copy.indexOf(text) + text.length, author });

	it('names, on each item, the authors of the changes that fall in its unit', () => {
		const items = deriveAmendments(base, copy, [span('~~Geneva~~', 'A'), span('New York', 'B'), span('final ', 'A')]);
		expect(items.map((a) => [a.kind, a.insertedText, a.authors])).toEqual([
			['replace', 'New York', ['A', 'B']],
			['replace', 'final', ['A']]
		]);
	});

	it('leaves authors out when the copy had no tracked changes', () => {
		expect(deriveAmendments(base, copy).every((a) => !('authors' in a))).toBe(true);
	});
});
