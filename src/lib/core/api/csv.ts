/**
 * CSV for the open-data lists (RFC 4180): fields with a comma, quote or line break are quoted and
 * their quotes doubled, records end with CRLF, and the text starts with a UTF-8 byte order mark so
 * that spreadsheet programs read Arabic, Chinese and Cyrillic text correctly.
 *
 * Spreadsheets execute a cell that starts with `=`, `+`, `-` or `@` (and some treat a leading tab
 * or carriage return the same way) as a formula. Any text cell starting with one of those gets a
 * leading apostrophe, so a contribution's text can never run as a formula on a reader's machine.
 * Numbers are written as numbers (a negative number is not a formula).
 *
 * Columns come from the record's zod schema, so the CSV and the JSON describe the same record:
 * - a nested object becomes dotted columns: `organisation.slug`, `organisation.name`;
 * - a list of values becomes one cell, values joined with "; ": `developmentStatus` = "ldc; lldc";
 * - a list of objects becomes one column per field, values aligned and joined with "; ":
 *   `submitters.name` = "Egypt; Jane Doe", `submitters.kind` = "organisation; person";
 * - free-form objects (records, unknown) become one cell of JSON.
 */
import type { z } from 'zod';

export type Cell = string | number | boolean | null | undefined;

/** The byte order mark that opens every CSV Plenary writes. */
export const BOM = '\uFEFF';
/** What separates the values of a list inside one cell. */
export const LIST_SEPARATOR = '; ';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text before quoting: text that a spreadsheet would run as a formula gets a leading
 * apostrophe. Example: "=SUM(A1)" → "'=SUM(A1)"; "-5" (text) → "'-5"; -5 (number) → "-5".
 */
export function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field as written in the file: quoted when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
	const text = cellText(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header line, then one line per row, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n');
	return BOM + lines.join('');
}

/** A column of a table: its header and how to read its cell from a record. */
export interface Column {
	header: string;
	cell(record: unknown): Cell;
}

interface ZodDef {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	out?: z.ZodType;
	getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Strips the wrappers that do not change a value's shape (optional, nullable, default…). */
function unwrap(schema: z.ZodType): z.ZodType {
	let s = schema;
	for (;;) {
		const d = defOf(s);
		if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type)) s = d.innerType;
		else if (d.type === 'pipe' && d.out) s = d.out;
		else if (d.type === 'lazy' && d.getter) s = d.getter();
		else return s;
	}
}

function scalarOrJson(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	return JSON.stringify(value);
}

const at = (record: unknown, key: string): unknown =>
	record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;

/** The columns of a record schema, as described in this module's header. */
export function columnsOf(schema: z.ZodType, options: { omit?: readonly string[] } = {}): Column[] {
	const omit = new Set(options.omit ?? []);
	return walk(schema, '').filter((c) => !omit.has(c.header));
}

function walk(schema: z.ZodType, prefix: string, inList = false): Column[] {
	const s = unwrap(schema);
	const d = defOf(s);
	const header = prefix || 'value';
	if (d.type === 'object' && d.shape) {
		return Object.entries(d.shape).flatMap(([key, field]) =>
			walk(field, prefix ? `${prefix}.${key}` : key, inList).map((c) => ({ header: c.header, cell: (r: unknown) => c.cell(at(r, key)) }))
		);
	}
	// A list inside a list element cannot be joined again without ambiguity: it stays JSON.
	if (d.type === 'array' && d.element && !inList) {
		const element = unwrap(d.element);
		const inner = defOf(element).type === 'object' ? walk(element, '', true) : null;
		const joined = (values: Cell[]) => values.map(cellTextOfJoined).join(LIST_SEPARATOR);
		if (inner) {
			return inner.map((c) => ({
				header: prefix ? `${prefix}.${c.header}` : c.header,
				cell: (r: unknown) => (Array.isArray(r) ? joined(r.map((x) => c.cell(x))) : null)
			}));
		}
		return [{ header, cell: (r: unknown) => (Array.isArray(r) ? joined(r.map(scalarOrJson)) : null) }];
	}
	// Scalars as they are; records, unknown, unions and nested lists as one cell of JSON.
	return [{ header, cell: (r: unknown) => scalarOrJson(r) }];
}

/** A value inside a joined list: plain text, no formula protection yet (the whole cell gets it). */
function cellTextOfJoined(value: Cell): string {
	if (value === null || value === undefined) return '';
	return String(value);
}

/** A CSV of records, with the columns of their schema. */
export function recordsToCsv<T>(schema: z.ZodType<T>, records: readonly T[], options: { omit?: readonly string[] } = {}): string {
	const columns = columnsOf(schema, options);
	return toCsv(
		columns.map((c) => c.header),
		records.map((r) => columns.map((c) => c.cell(r)))
	);
}
