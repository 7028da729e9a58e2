import type { WordEdit } from './types';

/**
 * Where word edits land in a text whose words sit at known character ranges: the clean text
 * itself, or a unit's source (number, bullet, emphasis marks and footnote markers around the
 * words). Text outside the edited words stays byte for byte; only the white space next to an
 * edit follows the new text (one space, or none before a comma).
 *
 * Worked example: source "1. The old text.\n\n", words at [3,6) [7,10) [11,15) [15,16); the edit
 * { from: 1, to: 2, insert: ' new ' } gives the operation [6,11) → " new " (the space before and
 * after "old" kept as it was), so the result is "1. The new text.\n\n".
 */
export interface TextOp {
	start: number;
	end: number;
	text: string;
}

const SPACE = /[\s\u00A0]/;

function spaceBefore(text: string, pos: number, floor: number): number {
	let n = 0;
	while (pos - n > floor && SPACE.test(text[pos - n - 1])) n++;
	return n;
}

function spaceAfter(text: string, pos: number, ceiling: number): number {
	let n = 0;
	while (pos + n < ceiling && SPACE.test(text[pos + n])) n++;
	return n;
}

/**
 * Turns word edits (sorted or not) into non-overlapping text operations, in order. `words` are the
 * character ranges of the tokens the edits count; `bounds` is the stretch holding the words (after
 * a number or bullet, before the trailing blank lines): nothing outside it is touched.
 */
export function planEdits(text: string, words: readonly { start: number; end: number }[], edits: readonly WordEdit[], bounds: { start: number; end: number }): TextOp[] {
	const n = words.length;
	const ops: TextOp[] = [];
	let cursor = 0;
	// Whether the text written so far ends with white space (decides a shared space, below).
	let tailSpace = false;
	for (const e of [...edits].sort((x, y) => x.from - y.from || x.to - y.to)) {
		const w = e.insert.trim();
		const lead = w ? /^\s/.test(e.insert) : e.insert.length > 0;
		const trail = /\s$/.test(e.insert);
		let a: number;
		let b: number;
		let lws = 0;
		let rws = 0;
		if (e.from < e.to) {
			a = words[e.from].start;
			b = words[e.to - 1].end;
			if (e.from > 0) lws = spaceBefore(text, a, words[e.from - 1].end);
			if (e.to < n) rws = spaceAfter(text, b, words[e.to].start);
		} else if (n === 0) {
			a = b = bounds.end;
		} else if (e.from === 0) {
			a = b = words[0].start;
		} else if (e.from >= n) {
			// After the last word, and after anything glued to it (a footnote marker, a closing mark).
			a = words[n - 1].end;
			while (a < bounds.end && !SPACE.test(text[a])) a++;
			b = a;
		} else {
			// Between two words: at the white space before the next word, so a footnote marker or a
			// closing emphasis mark stays with the word before.
			const s = words[e.from].start;
			a = s - spaceBefore(text, s, words[e.from - 1].end);
			b = a;
			rws = s - a;
		}
		let start = a - lws;
		const end = b + rws;
		let repl: string;
		// With no white space right at the edit, a footnote marker or emphasis mark may stand
		// between the word and the space the new text wants: then that space is already there.
		const spacedLeft = e.from > 0 && hasSpace(text, words[e.from - 1].end, a - lws);
		const spacedRight = e.to < n && hasSpace(text, b + rws, words[e.to].start);
		const left = lead ? (lws ? text.slice(a - lws, a) : spacedLeft ? '' : ' ') : '';
		const right = trail ? (rws ? text.slice(b, b + rws) : spacedRight ? '' : ' ') : '';
		if (w) repl = left + w + right;
		else repl = lead ? (lws ? text.slice(a - lws, a) : rws ? text.slice(b, b + rws) : ' ') : '';
		if (start < cursor) {
			// Two edits that touch share the white space between them: the first one wrote it.
			start = cursor;
			if (tailSpace) repl = repl.replace(/^\s+/, '');
		} else if (start > cursor) tailSpace = SPACE.test(text[start - 1]);
		ops.push({ start, end: Math.max(start, end), text: repl });
		cursor = Math.max(start, end);
		if (repl) tailSpace = SPACE.test(repl[repl.length - 1]);
	}
	return ops;
}

/** Whether there is white space in text[from, to). */
function hasSpace(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (SPACE.test(text[i])) return true;
	return false;
}

/** Applies sorted, non-overlapping operations to a text. */
export function applyOps(text: string, ops: readonly TextOp[]): string {
	let out = '';
	let at = 0;
	for (const op of ops) {
		out += text.slice(at, op.start) + op.text;
		at = op.end;
	}
	return out + text.slice(at);
}
