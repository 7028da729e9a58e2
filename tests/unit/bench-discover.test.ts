import { describe, expect, it } from 'vitest';
import { pickDocument, pickFromLinks } from '../../bench/discover';

describe('finding the document to benchmark', () => {
	it("prefers the Chair's draft, then any draft, then the first document", () => {
		expect(
			pickDocument([
				{ slug: 'report', title: 'Report', kind: 'report' },
				{ slug: 'other-draft', title: 'Some draft', kind: 'draft' },
				{ slug: 'chairs-draft', title: "Chair's draft recommendations", kind: 'draft' }
			])
		).toBe('chairs-draft');
		expect(pickDocument([{ slug: 'report', title: 'Report' }, { slug: 'd', title: 'Draft report' }])).toBe('d');
		expect(pickDocument([{ slug: 'a', title: 'A' }])).toBe('a');
		expect(pickDocument([{ title: 'no slug' }])).toBeNull();
	});

	it('reads document links from a page', () => {
		const html = '<ul><li><a href="/en/documents/summary-1">Summary</a></li><li><a class="x" href="/en/documents/draft-2017">Chair\'s <em>draft</em></a></li></ul>';
		expect(pickFromLinks(html)).toBe('draft-2017');
		expect(pickFromLinks('<p>none</p>')).toBeNull();
	});
});
