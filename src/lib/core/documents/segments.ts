/**
 * Splits a unit's clean text at its footnote references so a page can render each reference as a
 * link where it stood. Example: text "Transparency:", notes [{marker:'9', offset:12}] →
 * [{text:'Transparency'}, {note:'9'}, {text:':'}].
 */
export type Segment = { text: string } | { note: string };

export function segmentsWithNotes(text: string, notes: { marker: string; offset: number }[]): Segment[] {
	const sorted = [...notes].filter((n) => n.offset >= 0 && n.offset <= text.length).sort((a, b) => a.offset - b.offset);
	const out: Segment[] = [];
	let at = 0;
	for (const n of sorted) {
		if (n.offset > at) out.push({ text: text.slice(at, n.offset) });
		out.push({ note: n.marker });
		at = n.offset;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
	return out;
}
