/** A command's outcome: the value, or a named reason it did not happen. */
export type Result<T, E extends string = string> =
	| { ok: true; value: T }
	| { ok: false; error: E; detail?: Record<string, unknown> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends string>(error: E, detail?: Record<string, unknown>): Result<never, E> => ({
	ok: false,
	error,
	detail
});
