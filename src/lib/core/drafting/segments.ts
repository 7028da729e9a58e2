import { tokenize } from '../amendments/tokens';
import { byPosition } from './edits';
import type { Segment, WordEdit } from './types';

/** A word edit with the amendment that makes it (absent in a comparison of versions). */
export type LabelledEdit = WordEdit & { amendmentId?: string };

const SPACE = /[\s\u00A0]/;

/**
 * A unit's clean text with word edits shown inline: 'same' runs of the base text, 'del' runs of
 * removed words, 'ins' runs of new words, each ins/del labelled with its amendment. A replaced
 * run reads "old new" (a space between the two). Joining the 'same' and 'del' texts gives the
 * base text; joining 'same' and 'ins' gives the new text, up to white space.
 *
 * Example: ('International dimension.', [{ from: 1, to: 2, insert: ' extent', amendmentId: 'a' }]) →
 *   [same 'International ', del 'dimension' (a), same ' ', ins 'extent' (a), same '.'].
 */
export function wordSegments(baseText: string, edits: readonly LabelledEdit[]): Segment[] {
	const tokens = tokenize(baseText);
	const n = tokens.length;
	const out: Segment[] = [];
	const push = (kind: Segment['kind'], text: string, amendmentId?: string) => {
		if (!text) return;
		const last = out[out.length - 1];
		if (last && last.kind === kind && last.amendmentId === amendmentId) last.text += text;
		else out.push(amendmentId === undefined || kind === 'same' ? { kind, text } : { kind, text, amendmentId });
	};
	let cursor = 0;
	for (const e of [...edits].sort(byPosition)) {
		const words = e.insert.trim();
		const lead = /^\s/.test(e.insert);
		const trail = /\s$/.test(e.insert);
		if (e.from < e.to) {
			const a = Math.max(cursor, tokens[e.from].start);
			const b = tokens[e.to - 1].end;
			push('same', baseText.slice(cursor, a));
			push('del', baseText.slice(a, b), e.amendmentId);
			if (words) {
				push('same', ' ');
				push('ins', words, e.amendmentId);
			}
			cursor = b;
		} else if (e.from < n) {
			const s = tokens[e.from].start;
			let a = s;
			while (a > cursor && SPACE.test(baseText[a - 1])) a--;
			a = Math.max(a, cursor);
			push('same', baseText.slice(cursor, a));
			if (lead && a > 0 && !SPACE.test(baseText[a - 1])) push('same', ' ');
			push('ins', words, e.amendmentId);
			if (trail && a === s) push('same', ' ');
			cursor = a;
		} else {
			const a = Math.max(cursor, n > 0 ? tokens[n - 1].end : baseText.length);
			push('same', baseText.slice(cursor, a));
			if (lead && a > 0) push('same', ' ');
			push('ins', words, e.amendmentId);
			cursor = a;
		}
	}
	push('same', baseText.slice(cursor));
	return out;
}
