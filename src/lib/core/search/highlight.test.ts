import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRAGMENT_BREAK, HEADLINE_OPTIONS, HIT_START, HIT_STOP, headlineSegments, segmentsText, stripMarkers } from './highlight';

const S = HIT_START;
const E = HIT_STOP;

describe('headlineSegments', () => {
	it('marks the hits and keeps the rest as plain text', () => {
		expect(headlineSegments(`respect for the ${S}sovereign${E} rights of States`)).toEqual([
			{ text: 'respect for the ', hit: false },
			{ text: 'sovereign', hit: true },
			{ text: ' rights of States', hit: false }
		]);
	});

	it('keeps hostile text as text: nothing in a segment is markup', () => {
		const segs = headlineSegments(`<script>alert(1)</script> ${S}<b>sovereign</b>${E} & "rights"`);
		expect(segs).toEqual([
			{ text: '<script>alert(1)</script> ', hit: false },
			{ text: '<b>sovereign</b>', hit: true },
			{ text: ' & "rights"', hit: false }
		]);
	});

	it('shows fragment breaks as an ellipsis', () => {
		expect(headlineSegments(`a ${S}b${E}${FRAGMENT_BREAK}c ${S}d${E}`)).toEqual([
			{ text: 'a ', hit: false },
			{ text: 'b', hit: true },
			{ text: ' … c ', hit: false },
			{ text: 'd', hit: true }
		]);
	});

	it('tolerates unbalanced markers', () => {
		expect(headlineSegments(`x${E}y ${S}z`)).toEqual([
			{ text: 'xy ', hit: false },
			{ text: 'z', hit: true }
		]);
		expect(headlineSegments(`${S}${E}`)).toEqual([]);
	});

	it('merges neighbouring hits and trims the passage', () => {
		expect(headlineSegments(`  ${S}sovereign${E}${S}ty${E} `)).toEqual([{ text: 'sovereignty', hit: true }]);
	});

	it('loses no text and leaves no marker behind (property)', () => {
		const piece = fc.oneof(fc.string(), fc.constantFrom(S, E, FRAGMENT_BREAK));
		fc.assert(
			fc.property(fc.array(piece), (pieces) => {
				const headline = pieces.join('');
				const segs = headlineSegments(headline);
				const text = segmentsText(segs);
				expect(text).not.toMatch(/[\uE000-\uE002]/);
				const expected = headline.trim().replaceAll(FRAGMENT_BREAK, ' … ').replaceAll(S, '').replaceAll(E, '');
				expect(text).toBe(expected);
				for (let i = 1; i < segs.length; i++) expect(segs[i].hit).not.toBe(segs[i - 1].hit);
			})
		);
	});
});

describe('stripMarkers', () => {
	it('removes only the private markers', () => {
		expect(stripMarkers(`a${S}b${E}c${FRAGMENT_BREAK}d <e>`)).toBe('abcd <e>');
	});
});

describe('HEADLINE_OPTIONS', () => {
	it('asks for two fragments with our markers', () => {
		expect(HEADLINE_OPTIONS).toContain(`StartSel=${S}`);
		expect(HEADLINE_OPTIONS).toContain(`StopSel=${E}`);
		expect(HEADLINE_OPTIONS).toContain('MaxFragments=2');
	});
});
