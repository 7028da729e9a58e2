import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AmendmentMismatch, applyAmendments, deriveAmendments, type Amendment, type TrackedSpan } from '../../src/lib/core/amendments/index';
import { DocxError, looksZipped, readDocxText } from '../../src/lib/server/importers/docx-text';
import { CommandError, EXIT_OK, UsageError, type Command, type Io } from '../command';

const HELP = [
	'Usage: plenary amendments derive <base-file> <edited-file> [--json]',
	'       plenary amendments apply <base-file> <amendments.json>',
	'',
	'derive  aligns the units of an edited copy (renumbered, reordered, merged or split) with those',
	'        of its base version, compares the words of each pair, and prints one amendment per',
	'        changed, new or removed unit as a JSON array of {targetNumber, targetId, kind,',
	'        deletedText, insertedText, resultText, wholePart, afterId?, covers?, layout?,',
	'        editedSource?, authors?}. Words struck through as ~~…~~ in the copy are deletions, and',
	'        so are Word tracked deletions (w:del); authors lists who made the tracked changes in',
	'        that unit. Differences of typography alone (bullets, quotes, line breaks, spacing) are',
	'        not amendments. Parts the copy leaves out (summary, annexes, footnotes) are deletions',
	'        with wholePart: true.',
	'apply   prints the text that results from applying the amendments (a JSON array as derive',
	'        prints it) to the base file, byte for byte. Applying everything derive found gives',
	'        back the edited copy without its struck spans.',
	'',
	'Files: plain text and Markdown (UTF-8) or DOCX, up to 20 MB. A DOCX is read as text: one',
	'paragraph a line, list items as "- " or "1. ", headings as "# "; a DOCX base is read with its',
	'tracked changes accepted.',
	'No database is used.',
	'',
	'Options:',
	'  --json      print the amendments as JSON (derive; the default and, for now, only format)',
	'  -h, --help  show this help'
].join('\n');

const MAX_BYTES = 20 * 1024 * 1024;

/** Reads a file's bytes, refusing what is missing, not a file, or over 20 MB. */
function readBytes(io: Io, name: string, what: string): { path: string; bytes: Buffer } {
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
	return { path, bytes };
}

/** Reads a text file for the engine, refusing what it cannot read as text. */
function readText(io: Io, name: string, what: string): string {
	const { path, bytes } = readBytes(io, name, what);
	if (looksZipped(bytes)) throw new CommandError(`the ${what} ${path} is a zipped file, not text.`);
	return decodeText(bytes, path, what);
}

/** UTF-8 text, or a clear refusal. */
function decodeText(bytes: Buffer, path: string, what: string): string {
	if (bytes.includes(0)) throw new CommandError(`the ${what} ${path} is a binary file, not text.`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CommandError(`the ${what} ${path} is not UTF-8 text.`);
	}
}

/**
 * Reads a document for the engine: text or Markdown, or a DOCX (by its extension or its zip
 * signature). An edited copy's Word tracked changes come back marked (deletions as `~~…~~`), with
 * their authors; a base is read with its changes accepted.
 */
async function readDocument(io: Io, name: string, what: string, tracked: 'marked' | 'accepted'): Promise<{ text: string; changes: TrackedSpan[] }> {
	const { path, bytes } = readBytes(io, name, what);
	if (!looksZipped(bytes) && extname(path).toLowerCase() !== '.docx') return { text: decodeText(bytes, path, what), changes: [] };
	try {
		return await readDocxText(bytes, tracked);
	} catch (e) {
		if (e instanceof DocxError) throw new CommandError(`the ${what} ${path} ${e.message}`);
		throw e;
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
	editedSource: z.array(piece).optional(),
	authors: z.array(z.string()).optional()
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
		const { positionals, values } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
		const [verb, first, second, extra] = positionals;
		if (verb === undefined) throw new UsageError('say what to do: derive or apply.');
		if (verb !== 'derive' && verb !== 'apply') throw new UsageError(`unknown action "${verb}" (derive or apply).`);
		if (!first || !second) throw new UsageError(verb === 'derive' ? 'name the base file and the edited file.' : 'name the base file and the amendments file.');
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}".`);

		const base = (await readDocument(io, first, 'base file', 'accepted')).text;
		if (verb === 'derive') {
			// JSON is the only format so far; --json names it, so that scripts keep working when others come.
			void values.json;
			const edited = await readDocument(io, second, 'edited file', 'marked');
			io.out(JSON.stringify(deriveAmendments(base, edited.text, edited.changes), null, 2));
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
