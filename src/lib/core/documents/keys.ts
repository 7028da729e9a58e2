/**
 * Unit keys: derived from structure (section, number, position), so parsing the same text twice
 * gives the same keys and a paragraph keeps its key when the paragraphs around it change.
 * When two units would get the same key (a document that numbers two paragraphs "2.5"), the later
 * one gets a suffix: 'body-p2.5', then 'body-p2.5-2'.
 */
export class KeyRegistry {
	private readonly used = new Set<string>();
	private readonly counters = new Map<string, number>();

	/** Reserves `base`, or `base-2`, `base-3`… when it is taken. */
	claim(base: string): string {
		let key = base;
		for (let i = 2; this.used.has(key); i++) key = `${base}-${i}`;
		this.used.add(key);
		return key;
	}

	/** The next value of a named counter, starting at 1 ('front-u' → 1, 2, 3…). */
	next(counter: string): number {
		const n = (this.counters.get(counter) ?? 0) + 1;
		this.counters.set(counter, n);
		return n;
	}
}
