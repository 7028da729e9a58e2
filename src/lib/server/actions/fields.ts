/** Helpers the commands share to describe what they changed in the audit log. */

/** The named fields of a record, so "before" and "after" compare like with like. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
	const out = {} as Pick<T, K>;
	for (const k of keys) out[k] = row[k];
	return out;
}

/** What a deletion changed: every named field, from its value to nothing. */
export function removedFields<T extends object>(row: T, keys: readonly (keyof T)[]): Record<string, { from: unknown; to: unknown }> {
	const out: Record<string, { from: unknown; to: unknown }> = {};
	for (const k of keys) if (row[k] !== null && row[k] !== undefined) out[String(k)] = { from: row[k], to: null };
	return out;
}

/** What a creation set: the fields given a value (blank texts and empty lists are left out). */
export function createdFields(values: object): Record<string, { from: unknown; to: unknown }> {
	const out: Record<string, { from: unknown; to: unknown }> = {};
	for (const [k, v] of Object.entries(values)) {
		if (v === null || v === undefined || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
		out[k] = { from: null, to: v };
	}
	return out;
}

/** The fields of `row` that `like` has: a record's values before a change, to compare with the new ones. */
export function pickLike<T extends object>(row: T, like: object): Partial<T> {
	return Object.fromEntries(Object.keys(like).map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}
