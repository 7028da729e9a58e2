/**
 * The constraint a unique violation broke ('' when the driver does not say), or null when the
 * error is something else. Both drivers wrap the PostgreSQL error; PGlite names the constraint
 * `constraint`, postgres.js `constraint_name`.
 */
export function uniqueViolation(e: unknown): string | null {
	for (let err = e as Record<string, unknown> | undefined, depth = 0; err && depth < 4; err = err.cause as Record<string, unknown> | undefined, depth++) {
		if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
	}
	return null;
}
