/** What every `plenary` command receives: where to write, the environment, and the caller's folder. */
export interface Io {
	out(line: string): void;
	err(line: string): void;
	/** Writes text to standard output exactly as given (no newline added); absent, `out` is used. */
	write?(text: string): void;
	env: NodeJS.ProcessEnv;
	/** The folder the command was run from; relative paths in arguments are resolved against it. */
	cwd: string;
	stdin: NodeJS.ReadStream;
}

/** One `plenary` command: its name, a one-line summary for the overview, its help, and its work. */
export interface Command {
	name: string;
	summary: string;
	help: string;
	/** Returns the exit code: 0 done, 1 failed (with a message), 2 wrong usage. */
	run(args: string[], io: Io): Promise<number>;
}

/** Wrong usage: the message is printed with the command's help, and the exit code is 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** A failure the person can act on: the message alone is printed, and the exit code is 1. */
export class CommandError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CommandError';
	}
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** True when the arguments ask for help (`--help`, `-h`). */
export const wantsHelp = (args: string[]): boolean => args.includes('--help') || args.includes('-h');
