import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AmendmentMismatch, applyAmendments, deriveAmendments, type Amendment } from '../../src/lib/core/amendments/index';
import { CommandError, EXIT_OK, UsageError, wantsHelp, type Command, type Io } from '../command';

const HELP = [
	'Usage: plenary amendments derive <base-file> <edited-file> [--json]',
	'       plenary amendments apply <base-file> <amendments.json>',
	'',
	'derive  aligns the units of an edited copy (renumbered, reordered, merged or split) with those',
	'        of its base version, compares the words of each pair, and prints one amendment per',
	'        changed, new or removed unit as a JSON array of {targetNumber, targetId, kind,',
	'        deletedText, insertedText, resultText, wholePart, afterId?, covers?, layout?,',
	'        editedSource?}. Words struck through as ~~…~~ in the copy are deletions. Differences',
	'        of typography alone (bullets, quotes, line breaks, spacing) are not amendments. Parts',
	'        the copy leaves out (summary, annexes, footnotes) are deletions with wholePart: true.',
	'apply   prints the text that results from applying the amendments (a JSON array as derive',
	'        prints it) to the base file, byte for byte. Applying everything derive found gives',
	'        back the edited copy without its struck spans.',
	'',
	'Files: plain text and Markdown, UTF-8, up to 20 MB. DOCX: not yet (save the document as text).',
	'No database is used.',
	'',
	'Options:',
	'  --json      print the amendments as JSON (derive; the default and, for now, only format)',
	'  -h, --help  show this help'
].join('\n');

const MAX_BYTES = 20 * 1024 * 1024;

/** Reads a text file for the engine, refusing what it cannot read as text. */
function readText(io: Io, name: string, what: string): string {
	const path = resolve(io.cwd, name);
	let size: number;
	try {
		const stat = statSync(path);
		if (!stat.isFile()) throw new CommandError(`the ${what} ${path} is not a file.`);
		size = stat.size;
	} catch (e) {
		if (e instanceof CommandError) throw e;
		throw new CommandError(`the ${what} ${path} does not exist or cannot be read.`);
	}
	if (size > MAX_BYTES) throw new CommandError(`the ${what} ${path} is over 20 MB (${(size / 1024 / 1024).toFixed(1)} MB).`);
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch {
		throw new CommandError(`the ${what} ${path} cannot be read.`);
	}
	if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
		throw new CommandError(`the ${what} ${path} looks like a DOCX or other zipped file; DOCX is not supported yet — save it as plain text or Markdown.`);
	}
	if (bytes.includes(0)) throw new CommandError(`the ${what} ${path} is a binary file, not text.`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CommandError(`the ${what} ${path} is not UTF-8 text.`);
	}
}

const piece = z.object({ after: z.string().nullable(), order: z.number(), text: z.string() });
const amendment = z.object({
	targetNumber: z.string().nullable(),
	targetId: z.string().min(1),
	kind: z.enum(['replace', 'insert', 'delete', 'move']),
	deletedText: z.string(),
	insertedText: z.string(),
	resultText: z.string(),
	wholePart: z.boolean(),
	afterId: z.string().nullable().optional(),
	layout: z.boolean().optional(),
	covers: z.array(z.string()).optional(),
	editedSource: z.array(piece).optional()
});

/** Reads and checks an amendments file: a JSON array as `derive` prints it. */
function readAmendments(io: Io, name: string): Amendment[] {
	const text = readText(io, name, 'amendments file');
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		throw new CommandError(`the amendments file ${name} is not valid JSON (${(e as Error).message}).`);
	}
	const parsed = z.array(amendment).safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new CommandError(`the amendments file ${name} is not a list of amendments: at ${issue.path.join('.') || 'the top'}, ${issue.message}.`);
	}
	return parsed.data;
}

export const amendments: Command = {
	name: 'amendments',
	summary: 'derive amendments from an edited copy, or apply them (files only, no database)',
	help: HELP,
	async run(args, io) {
		if (wantsHelp(args)) {
			io.out(HELP);
			return EXIT_OK;
		}
		const { positionals, values } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
		const [verb, first, second, extra] = positionals;
		if (verb === undefined) throw new UsageError('say what to do: derive or apply.');
		if (verb !== 'derive' && verb !== 'apply') throw new UsageError(`unknown action "${verb}" (derive or apply).`);
		if (!first || !second) throw new UsageError(verb === 'derive' ? 'name the base file and the edited file.' : 'name the base file and the amendments file.');
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}".`);

		const base = readText(io, first, 'base file');
		if (verb === 'derive') {
			// JSON is the only format so far; --json names it, so that scripts keep working when others come.
			void values.json;
			const edited = readText(io, second, 'edited file');
			io.out(JSON.stringify(deriveAmendments(base, edited), null, 2));
			return EXIT_OK;
		}
		const list = readAmendments(io, second);
		let result: string;
		try {
			result = applyAmendments(base, list);
		} catch (e) {
			if (e instanceof AmendmentMismatch) throw new CommandError(`these amendments do not fit ${first}: ${e.message}`);
			throw e;
		}
		if (io.write) io.write(result);
		else io.out(result);
		return EXIT_OK;
	}
};
