/** A reason the database could not be opened or migrated, with a message a person can act on. */
export class DatabaseStartError extends Error {
	constructor(
		readonly code: 'bad_url' | 'unreachable' | 'corrupt' | 'in_use' | 'newer_schema' | 'migrations_missing',
		message: string
	) {
		super(message);
		this.name = 'DatabaseStartError';
	}
}
