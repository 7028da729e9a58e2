import type { UnitKind } from '../shared/vocabulary';

/**
 * What is printed before a unit's text. Stored numbers are normalised ('1', 'a', 'IV', '(3)',
 * '2 bis'); print gives a bare numeral its full stop as UN documents do, and leaves the others as
 * written: '1' → '1.', 'a' → 'a.', 'IV' → 'IV.', '(3)' → '(3)', '2 bis' → '2 bis', '1.1' → '1.1'.
 * An unnumbered list item gets a bullet.
 *
 * A heading's number is often part of its own words ("GROUP A: …", "ANNEX 1: …", "Option 1 – …")
 * and is then not repeated; otherwise it was cut from the text by the parser ("2. Draft
 * recommendations submitted by Japan" → number '2', text 'Draft recommendations…') and is put back.
 */
export function unitLabel(kind: UnitKind, number: string | null, text: string): string | null {
	switch (kind) {
		case 'title':
		case 'blank':
			return null;
		case 'footnote':
			return number;
		case 'heading':
		case 'annex':
			if (number === null || numberInWords(number, text)) return null;
			return withStop(number);
		case 'list_item':
			return number === null ? '•' : withStop(number);
		default:
			return number === null ? null : withStop(number);
	}
}

const BARE_NUMERAL = /^(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+)$/;

function withStop(number: string): string {
	return BARE_NUMERAL.test(number) ? `${number}.` : number;
}

/** Whether the number stands as a word among the first few words of the text ("GROUP A: …" for 'A'). */
function numberInWords(number: string, text: string): boolean {
	const bare = number.replace(/[()]/g, '');
	return text
		.slice(0, 60)
		.split(/[\s:.,;()–—-]+/)
		.slice(0, 4)
		.includes(bare);
}
