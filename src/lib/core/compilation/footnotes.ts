import { cleanLine, cleanRun, splitReferences, trimSpaces } from './escape';
import type { CompilationItem } from './types';

/**
 * Footnote numbering of a compilation. Contributions bring their own markers ("1" in several
 * submissions), so the compilation renumbers every footnote 1, 2, 3… in document order and writes
 * Markdown references `[^n]` and definitions `[^n]: text` that the shared parser reads back.
 *
 * Where the reference goes: items are stored without the offsets of their references, so a
 * footnote is referred to where the item's text names it as `[^marker]`, and otherwise right
 * after the item's text. Example: item "Recalls the Agenda;" with note { marker: '9', text: 'See
 * A/60/687.' } as the compilation's 4th footnote → "Recalls the Agenda;[^4]" and "[^4]: See A/60/687.".
 */
export class FootnoteNumbers {
	private last = 0;

	/** The next number. */
	take(): number {
		return ++this.last;
	}
}

/** An item's text with its references renumbered, and its footnote definitions in number order. */
export interface NumberedItem {
	/** The item's lines (the first is the item, the others its sub-items), in clean form; empty lines dropped. */
	lines: string[];
	/** Definition lines: "[^4]: See A/60/687." */
	definitions: string[];
}

/**
 * Renumbers an item's footnotes: references written in its text take the next note with their
 * marker (a marker referred to twice keeps its number); notes never referred to get a reference
 * at the end of the item's last line. A `[^x]` naming no note of the item stays as words.
 */
export function numberItem(item: CompilationItem, numbers: FootnoteNumbers): NumberedItem {
	const pending = new Map<string, number[]>();
	item.notes.forEach((note, i) => {
		const list = pending.get(note.marker);
		if (list) list.push(i);
		else pending.set(note.marker, [i]);
	});
	const assigned = new Array<number>(item.notes.length).fill(0);
	const lastOf = new Map<string, number>();
	const lines: string[] = [];
	for (const raw of splitLines(item.text)) {
		const parts = splitReferences(raw);
		let line = '';
		for (let k = 0; k < parts.length; k++) {
			if (k % 2 === 0) {
				line += cleanRun(parts[k]);
				continue;
			}
			const marker = parts[k];
			const queue = pending.get(marker);
			const index = queue?.shift();
			if (index !== undefined) {
				assigned[index] = numbers.take();
				lastOf.set(marker, assigned[index]);
				line += `[^${assigned[index]}]`;
			} else if (lastOf.has(marker)) {
				line += `[^${lastOf.get(marker)}]`;
			} else {
				line += cleanRun(`[^${marker}]`);
			}
		}
		line = trimSpaces(line);
		if (line) lines.push(line);
	}
	let tail = '';
	for (let i = 0; i < assigned.length; i++) {
		if (assigned[i] === 0) {
			assigned[i] = numbers.take();
			tail += `[^${assigned[i]}]`;
		}
	}
	if (tail) {
		if (lines.length) lines[lines.length - 1] += tail;
		else lines.push(tail);
	}
	const order = assigned.map((n, i) => [n, i] as const).sort((a, b) => a[0] - b[0]);
	const definitions = order.map(([n, i]) => {
		const text = cleanLine(item.notes[i].text);
		return text ? `[^${n}]: ${text}` : `[^${n}]:`;
	});
	return { lines, definitions };
}

/** The lines of a text ("\n", "\r\n" or "\r"); a string split is much cheaper than a regular-expression one. */
function splitLines(text: string): string[] {
	if (!text.includes('\r')) return text.includes('\n') ? text.split('\n') : [text];
	return text.split(/\r\n|\n|\r/);
}

/**
 * Renumbers the Markdown footnotes of an annex's text (references and definitions alike, since
 * both are written `[^x]`) from `first` on, in order of first appearance.
 * Example: "See[^a].\n\n[^a]: Note." from 12 → "See[^12].\n\n[^12]: Note.", 1 footnote.
 */
export function renumberAnnex(text: string, first: number): { text: string; count: number } {
	const map = new Map<string, number>();
	const out = text.replace(/\[\^([^\]\s]{1,12})\]/g, (_m, marker: string) => {
		let n = map.get(marker);
		if (n === undefined) {
			n = first + map.size;
			map.set(marker, n);
		}
		return `[^${n}]`;
	});
	return { text: out, count: map.size };
}
