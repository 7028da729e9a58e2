const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Wraps text typed by a reader (a search query) in Unicode isolates, so that when it is quoted in a
 * translated sentence it keeps its own direction and does not reorder the sentence around it:
 * "sovereign" inside an Arabic sentence, or an Arabic query inside an English one.
 */
export function isolate(text: string): string {
	return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}
