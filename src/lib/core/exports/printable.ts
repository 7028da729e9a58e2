import { resolveFootnotes } from './footnotes';
import { unitLabel } from './labels';
import { directionOfLanguage, printableText, printableTextWithOffsets } from './text';
import type { PrintKind, PrintLabels, PrintUnit, Printable, StoredUnitForPrint } from './types';

export interface PrintableInput {
	title: string;
	subtitle?: string | null;
	/** BCP 47 language of the document. */
	lang: string;
	/** Lines under the title ("Version 3 · 22 November 2026"). */
	meta?: readonly string[];
	/** Print a table of contents (and leave out one stored in the text, which would only repeat it). */
	toc?: boolean;
	/** Words in the document's language; English when not given. */
	labels?: Partial<PrintLabels>;
	/** The version's units in document order. */
	units: readonly StoredUnitForPrint[];
}

export const ENGLISH_LABELS: PrintLabels = { contents: 'Contents', footnotes: 'Footnotes', backToText: 'Back to text' };

// A stored table of contents heading, in the six languages of the UN and a few spellings of each.
const CONTENTS_HEADING = /^(?:table of contents|contents|table des matières|sommaire|índice|contenido|содержание|оглавление|目录|目錄|المحتويات|جدول المحتويات)$/i;

/**
 * A stored version's units made ready to print. Blank units go; title units that repeat the title
 * or subtitle go (the title page prints those); footnote references are matched to their
 * footnotes (see footnotes.ts), which leave the flow of units and are numbered 1, 2, 3…; each unit
 * gets its printed label (labels.ts) and its language and direction. With `toc`, a table of
 * contents stored in the text (its heading and its entries) is left out: print makes its own.
 *
 * Example: units [heading 'Introduction', paragraph 1 "Text¹" with note {marker '1', offset 4},
 * footnote 1 "A note."] → units [heading, paragraph labelled '1.' with notes [{offset 4, n 1}]],
 * footnotes [{ n 1, text 'A note.' }].
 */
export function printableFromUnits(input: PrintableInput): Printable {
	const lang = input.lang || 'en';
	const title = printableText(input.title);
	const subtitle = input.subtitle ? printableText(input.subtitle) : null;
	const repeated = new Set([comparable(title), subtitle ? comparable(subtitle) : '']);

	const dropped = new Set<string>();
	const kept: StoredUnitForPrint[] = [];
	for (const u of input.units) {
		if (u.kind === 'blank') continue;
		if (u.kind === 'title' && repeated.has(comparable(u.text))) continue;
		if (input.toc && ((u.kind === 'heading' && CONTENTS_HEADING.test(u.text.trim())) || (u.parentKey && dropped.has(u.parentKey)))) {
			dropped.add(u.key);
			continue;
		}
		kept.push(cleaned(u));
	}

	const { refs, footnotes, referenced } = resolveFootnotes(kept);
	const units: PrintUnit[] = [];
	kept.forEach((u, i) => {
		if (referenced.has(i)) return;
		const unitLang = u.lang && !sameLanguage(u.lang, lang) ? u.lang : lang;
		units.push({
			key: u.key,
			kind: u.kind as PrintKind, // blank units were left out above
			depth: Math.max(0, u.depth),
			part: u.part,
			number: u.number,
			label: unitLabel(u.kind, u.number, u.text),
			text: u.text,
			notes: refs[i],
			lang: unitLang,
			dir: directionOfLanguage(unitLang)
		});
	});

	return {
		title,
		subtitle,
		lang,
		dir: directionOfLanguage(lang),
		meta: (input.meta ?? []).map(printableText),
		toc: input.toc ?? false,
		labels: { ...ENGLISH_LABELS, ...input.labels },
		units,
		footnotes
	};
}

/** 'en' and 'en-GB' (or 'EN') name the same language for print; 'zh-Hans' and 'zh-Hant' do not. */
function sameLanguage(a: string, b: string): boolean {
	const [x, y] = [a.toLowerCase(), b.toLowerCase()];
	return x === y || (x.split(/[-_]/)[0] === y.split(/[-_]/)[0] && (!/[-_]/.test(x) || !/[-_]/.test(y)));
}

function comparable(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The unit with unprintable characters dropped from its text and its note offsets kept in step. */
function cleaned(u: StoredUnitForPrint): StoredUnitForPrint {
	const number = u.number === null ? null : printableText(u.number);
	if (u.notes.length === 0) {
		const text = printableText(u.text);
		return text === u.text && number === u.number ? u : { ...u, text, number };
	}
	const { text, offsets } = printableTextWithOffsets(
		u.text,
		u.notes.map((n) => n.offset)
	);
	return { ...u, text, number, notes: u.notes.map((n, i) => ({ marker: printableText(n.marker), offset: offsets[i] })) };
}
