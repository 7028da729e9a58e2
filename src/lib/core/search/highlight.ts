/**
 * Highlighted passages without HTML. PostgreSQL's `ts_headline` is asked to wrap each hit in
 * private-use characters instead of tags; this module turns its answer into plain segments
 * `{ text, hit }` that a page renders as text and `<mark>` elements. No passage text is ever
 * treated as markup, so a contribution containing `<script>` shows those characters, nothing more.
 *
 * Example: "respect for the \uE000sovereign\uE001 rights" →
 *   [{ text: 'respect for the ', hit: false }, { text: 'sovereign', hit: true }, { text: ' rights', hit: false }]
 */
export const HIT_START = '\uE000';
export const HIT_STOP = '\uE001';
/** Separates the fragments of a passage when `ts_headline` returns more than one. */
export const FRAGMENT_BREAK = '\uE002';
/** How a fragment break is shown to the reader. */
export const FRAGMENT_ELLIPSIS = ' … ';

export interface Segment {
	text: string;
	hit: boolean;
}

/** The `ts_headline` options: our markers, and up to two short fragments around the hits. */
export const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_STOP}, FragmentDelimiter=${FRAGMENT_BREAK}, MaxFragments=2, MaxWords=30, MinWords=10`;

const MARKERS = new RegExp(`[${HIT_START}${HIT_STOP}${FRAGMENT_BREAK}]`, 'g');

/** Removes our marker characters from source text, so a passage cannot forge a highlight. */
export function stripMarkers(text: string): string {
	return text.replace(MARKERS, '');
}

/**
 * Splits a `ts_headline` answer made with {@link HEADLINE_OPTIONS} into segments. Unbalanced
 * markers are tolerated (a stray stop ends nothing; an unclosed start runs to the end), adjacent
 * segments of the same kind are merged, and empty ones dropped.
 */
export function headlineSegments(headline: string): Segment[] {
	const out: Segment[] = [];
	const push = (text: string, hit: boolean) => {
		if (!text) return;
		const last = out.at(-1);
		if (last && last.hit === hit) last.text += text;
		else out.push({ text, hit });
	};
	let hit = false;
	let run = '';
	for (const ch of headline.trim()) {
		if (ch === HIT_START || ch === HIT_STOP || ch === FRAGMENT_BREAK) {
			push(run, hit);
			run = '';
			if (ch === FRAGMENT_BREAK) {
				// A break never sits inside a hit; close one left open so the ellipsis stays plain.
				hit = false;
				push(FRAGMENT_ELLIPSIS, false);
			} else hit = ch === HIT_START;
			continue;
		}
		run += ch;
	}
	push(run, hit);
	return out;
}

/** The passage as plain text, without highlighting (for titles, tooltips and tests). */
export function segmentsText(segments: Segment[]): string {
	return segments.map((s) => s.text).join('');
}
