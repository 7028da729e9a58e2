import type { ParsedUnit } from '../documents/types';

/**
 * A document cut into the pieces that amendments move around: each piece is one span of a unit
 * together with the blank text that follows it (leading blank text goes with the first piece).
 * The pieces partition the text, so joining them in order gives it back byte for byte.
 *
 * Example: "1. A.\n\n2. B.\n" → pieces "1. A.\n\n" (owner 'p1') and "2. B.\n" (owner 'p2'); a
 * paragraph split by a footnote block has two pieces, referred to as 'intro-p2' and 'intro-p2@2'.
 */
export interface Chunk {
	/** The key of the unit it belongs to. */
	owner: string;
	/** 0 for the unit's first piece, 1 for its second… */
	index: number;
	start: number;
	end: number;
}

/** How amendments refer to a piece: the unit key, with '@2', '@3'… for its later pieces. */
export function chunkRef(owner: string, index: number): string {
	return index === 0 ? owner : `${owner}@${index + 1}`;
}

/** Units that carry content: all but the blank ones, or the blank ones when there is nothing else. */
export function contentUnits(units: readonly ParsedUnit[]): ParsedUnit[] {
	const content = units.filter((u) => u.kind !== 'blank');
	return content.length > 0 ? content : [...units];
}

/** Cuts a parsed document into pieces (see `Chunk`). */
export function chunksOf(units: readonly ParsedUnit[]): Chunk[] {
	const owners = new Set(contentUnits(units).map((u) => u.key));
	const segments = units.flatMap((u) => u.spans.map(([start, end]) => ({ key: u.key, start, end }))).sort((a, b) => a.start - b.start);
	const chunks: Chunk[] = [];
	const seen = new Map<string, number>();
	let leading: number | null = null;
	for (const s of segments) {
		if (!owners.has(s.key)) {
			if (chunks.length > 0) chunks[chunks.length - 1].end = s.end;
			else leading ??= s.start;
			continue;
		}
		const index = seen.get(s.key) ?? 0;
		seen.set(s.key, index + 1);
		chunks.push({ owner: s.key, index, start: leading ?? s.start, end: s.end });
		leading = null;
	}
	return chunks;
}
