import { diffArrays } from 'diff';
import { tokenize, withoutStruck, type Token } from './tokens';

/** The words one unit lost and gained between its base text and its edited text. */
export interface WordChange {
	/** Removed words, each run as written in the base, runs joined by a space. */
	deletedText: string;
	/** Added words, each run as written in the copy, runs joined by a space. */
	insertedText: string;
	/** The edited text with struck spans removed and spaces collapsed. */
	resultText: string;
	/** False when the two differ only in typography. */
	changed: boolean;
}

function runs(tokens: readonly Token[], picked: readonly number[], text: string): string {
	const out: string[] = [];
	let first = -1;
	let last = -1;
	const flush = () => {
		if (first >= 0) out.push(withoutStruck(text.slice(tokens[first].start, tokens[last].end)).replace(/\s+/g, ' ').trim());
	};
	for (const i of picked) {
		if (i === last + 1 && first >= 0) last = i;
		else {
			flush();
			first = last = i;
		}
	}
	flush();
	return out.filter(Boolean).join(' ');
}

/**
 * Word-level difference of two clean unit texts. A word struck in the copy (`~~…~~`) is a
 * deletion of the base word it stands for, even when the same word also appears unmarked;
 * typography alone (see tokens.ts) is no change.
 *
 * Example: ('International dimension.', 'International ~~dimension~~-extent') →
 *   { deletedText: 'dimension.', insertedText: 'extent', resultText: 'International -extent', changed: true }
 */
export function diffWords(baseText: string, editedText: string): WordChange {
	if (baseText === editedText && !editedText.includes('~~')) return { deletedText: '', insertedText: '', resultText: editedText.replace(/\s+/g, ' ').trim(), changed: false };
	const a = tokenize(baseText);
	const b = tokenize(editedText);
	const deleted: number[] = [];
	const inserted: number[] = [];
	let i = 0;
	let j = 0;
	for (const part of diffArrays(
		a.map((t) => t.key),
		b.map((t) => t.key)
	)) {
		const n = part.count ?? part.value.length;
		for (let k = 0; k < n; k++) {
			if (part.removed) deleted.push(i++);
			else if (part.added) {
				if (!b[j].struck) inserted.push(j);
				j++;
			} else {
				if (b[j].struck) deleted.push(i);
				i++;
				j++;
			}
		}
	}
	return {
		deletedText: runs(a, deleted, baseText),
		insertedText: runs(b, inserted, editedText),
		resultText: withoutStruck(editedText).replace(/\s+/g, ' ').trim(),
		changed: deleted.length > 0 || inserted.length > 0
	};
}
