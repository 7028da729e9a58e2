import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { ParsedUnit } from '../../core/documents/types';
import { parseDocument } from '../../core/documents/parse';
import { carryKeys, type VersionText } from '../../core/drafting';
import type { DbOrTx } from '../db/client';
import { documentVersions, units } from '../db/schema';

export type VersionRow = typeof documentVersions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** The latest published version of a document: the one amendments are proposed against. */
export async function latestPublishedVersion(db: DbOrTx, documentId: string): Promise<VersionRow | undefined> {
	const [row] = await db
		.select()
		.from(documentVersions)
		.where(and(eq(documentVersions.documentId, documentId), isNotNull(documentVersions.publishedAt)))
		.orderBy(desc(documentVersions.number))
		.limit(1);
	return row;
}

export async function findVersionById(db: DbOrTx, id: string): Promise<VersionRow | undefined> {
	const [row] = await db.select().from(documentVersions).where(eq(documentVersions.id, id)).limit(1);
	return row;
}

/** A version's units in order. */
export async function unitsOf(db: DbOrTx, versionId: string): Promise<UnitRow[]> {
	return db.select().from(units).where(eq(units.versionId, versionId)).orderBy(asc(units.position));
}

/**
 * A version as the drafting core reads it: its exact text and the stable key of each unit the
 * parser finds in it. The stored units are that parse, except for a version imported with a
 * corpus plan that groups some lines differently (a title page): then each parsed unit takes the
 * key of the stored unit it aligns with.
 */
export function versionTextOf(rows: readonly UnitRow[]): VersionText {
	const text = rows.map((u) => u.source).join('');
	const parsed = parseDocument(text).units;
	if (parsed.length === rows.length && parsed.every((u, i) => u.kind === rows[i].kind && u.source === rows[i].source)) return { text, keys: rows.map((u) => u.key) };
	const previous = rows.map((r) => ({ key: r.key, unit: { key: r.key, kind: r.kind, depth: r.depth, parentKey: r.parentKey, part: r.part, number: r.number, text: r.text, source: r.source, spans: r.spans, notes: r.notes } }));
	// A unit whose exact source occurs once on each side keeps its key for certain.
	const tally = (list: readonly { source: string }[]) => list.reduce((m, u) => m.set(u.source, (m.get(u.source) ?? 0) + 1), new Map<string, number>());
	const storedTally = tally(rows);
	const parsedTally = tally(parsed);
	const keyOf = new Map(rows.map((r) => [r.source, r.key]));
	const sameSource = new Map<number, string>();
	parsed.forEach((u, i) => {
		if (storedTally.get(u.source) === 1 && parsedTally.get(u.source) === 1) sameSource.set(i, keyOf.get(u.source)!);
	});
	return { text, keys: carryKeys(previous, parsed, sameSource) };
}

/** Writes a new version and its units (with their stable keys); returns the version and unit rows. */
export async function insertVersion(
	tx: DbOrTx,
	values: { documentId: string; number: number; sourceHash: string; note: string; origin: string; renumbering: VersionRow['renumbering']; createdByUserId: string | null },
	parsed: readonly ParsedUnit[],
	keys: readonly string[],
	lang: string
): Promise<{ version: VersionRow; units: UnitRow[] }> {
	const [version] = await tx
		.insert(documentVersions)
		.values({ ...values, publishedAt: new Date() })
		.returning();
	return { version, units: await insertUnitRows(tx, version.id, parsed, keys, lang) };
}

/**
 * Writes a version's units in order, each under its stable key (`keys[i]` for `parsed[i]`; pass
 * the parsed keys for a first version); a parent is named by its stable key too.
 */
export async function insertUnitRows(tx: DbOrTx, versionId: string, parsed: readonly ParsedUnit[], keys: readonly string[], lang: string): Promise<UnitRow[]> {
	const stable = new Map(parsed.map((u, i) => [u.key, keys[i]]));
	const rows = parsed.map((u, position) => ({
		versionId,
		key: keys[position],
		position,
		kind: u.kind,
		depth: u.depth,
		parentKey: u.parentKey === null ? null : (stable.get(u.parentKey) ?? u.parentKey),
		part: u.part,
		number: u.number,
		text: u.text,
		source: u.source,
		spans: u.spans,
		notes: u.notes,
		lang
	}));
	const out: UnitRow[] = [];
	// In batches: one statement per few hundred rows stays well under the parameter limit.
	for (let i = 0; i < rows.length; i += 200) out.push(...(await tx.insert(units).values(rows.slice(i, i + 200)).returning()));
	return out;
}
