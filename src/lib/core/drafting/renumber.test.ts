import { describe, expect, it } from 'vitest';
import { renumberText } from './renumber';

describe('renumberText', () => {
	it('numbers a sequence consecutively, dropping suffixes', () => {
		const out = renumberText('1. A.\n\n2. B.\n\n2 bis. C.\n\n2 tres. D.\n\n3. E.\n');
		expect(out.text).toBe('1. A.\n\n2. B.\n\n3. C.\n\n4. D.\n\n5. E.\n');
		expect(out.changes).toEqual([
			{ index: 2, from: '2 bis', to: '3' },
			{ index: 3, from: '2 tres', to: '4' },
			{ index: 4, from: '3', to: '5' }
		]);
	});

	it('starts from the first number and closes up gaps', () => {
		expect(renumberText('5. A.\n\n7. B.\n').text).toBe('5. A.\n\n6. B.\n');
	});

	it('gives a suffixed number written without a mark the mark of its siblings', () => {
		expect(renumberText('1. A.\n\n1 bis B.\n\n2. C.\n').text).toBe('1. A.\n\n2. B.\n\n3. C.\n');
	});

	it('keeps every other byte: indentation, emphasis, spacing, trailing spaces', () => {
		expect(renumberText(' 1.  A *b*.  \n\n *1 bis.  C.*\n').text).toBe(' 1.  A *b*.  \n\n *2.  C.*\n');
	});

	it('renumbers each section and each list on its own', () => {
		const text = 'Introduction\n\n1. A.\n\n2. B.\n\nRecommendations\n\n1. C.\n\n1 bis. D.\n';
		expect(renumberText(text).text).toBe('Introduction\n\n1. A.\n\n2. B.\n\nRecommendations\n\n1. C.\n\n2. D.\n');
	});

	it('leaves letters, parenthesised numbers and footnotes as they are', () => {
		const text = '1. A:\n(a) x\n(c) y\n\n3. B.\n\n5 A note.\n';
		const out = renumberText(text);
		expect(out.text).toContain('(a) x\n(c) y');
		expect(out.text).toContain('2. B.');
	});
});
