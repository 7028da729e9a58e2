import { and, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { bodies, contributionItems, contributions, documents, documentVersions, searchEntries, units } from '../db/schema';
import { stripMarkers } from '../../core/search/highlight';
import { tsConfigFor } from '../../core/search/ts-config';

/**
 * Keeps `search_entries` in step with what is published. Each function replaces all the entries
 * of one source (a document or a contribution) inside the caller's transaction, so a search never
 * sees half an update and re-running an import changes nothing. The trigger of migration 0001
 * computes each entry's `tsv` from its text, label and title with the entry's own `ts_config`.
 */

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;
export type ContributionItemRow = typeof contributionItems.$inferSelect;
type EntryInsert = typeof searchEntries.$inferInsert;

/** Which source's entries to touch. */
export type IndexSource = { documentId: string } | { contributionId: string };

const LABEL_MAX = 120;
const HEADING_KINDS = new Set(['heading', 'annex']);
// Insert in slices: a long document has thousands of units, and a single statement with tens of
// thousands of parameters is slow to plan and can exceed the driver's parameter limit.
const INSERT_SLICE = 200;

/**
 * Replaces a document's entries with the units of `version`, which must be the document's latest
 * version. One entry per unit, skipping 'blank' units and units without text:
 * - `title` is the document's title, `unitKey` the unit's stable key (the page anchor `#u-{key}`);
 * - `label` is the unit's number ("2 bis", "19"), or for an unnumbered unit the text of the nearest
 *   heading before it in the same part (a heading's own label is its number or nothing);
 * - `lang` and `tsConfig` come from the unit's own language;
 * - `issuedOn` and `published` come from the document, `bodyId` from `body`.
 *
 * Call it in the same transaction that creates the version (or changes the document's title,
 * date or publication), e.g. from the corpus importer. Throws when the version belongs to another
 * document or is older than the document's latest version — indexing stale text is a bug.
 *
 * @returns the number of entries written.
 */
export async function indexDocumentVersion(
	tx: DbOrTx,
	input: { document: DocumentRow; body: Pick<BodyRow, 'id'>; version: DocumentVersionRow; units: UnitRow[] }
): Promise<{ entries: number }> {
	const { document, body, version } = input;
	if (version.documentId !== document.id) throw new Error(`Version ${version.id} does not belong to document ${document.slug}.`);
	if (document.bodyId !== body.id) throw new Error(`Document ${document.slug} does not belong to body ${body.id}.`);
	const [latest] = await tx
		.select({ number: max(documentVersions.number) })
		.from(documentVersions)
		.where(eq(documentVersions.documentId, document.id));
	if (latest?.number != null && version.number < latest.number) {
		throw new Error(`Version ${version.number} of document ${document.slug} is not its latest (${latest.number}); only the latest is searchable.`);
	}

	const ordered = [...input.units].sort((a, b) => a.position - b.position);
	const rows: EntryInsert[] = [];
	const headingOfPart = new Map<string, string>();
	for (const u of ordered) {
		const text = stripMarkers(u.text).trim();
		const isHeading = HEADING_KINDS.has(u.kind);
		if (u.kind !== 'blank' && text) {
			rows.push({
				sourceKind: 'document',
				documentId: document.id,
				contributionId: null,
				unitKey: u.key,
				bodyId: body.id,
				title: document.title,
				label: clip(u.number?.trim() || (isHeading ? '' : (headingOfPart.get(u.part) ?? ''))),
				text,
				lang: u.lang,
				tsConfig: tsConfigFor(u.lang),
				issuedOn: document.issuedOn,
				submitterIds: [],
				published: document.published
			});
		}
		if (isHeading && text) headingOfPart.set(u.part, text);
	}

	await removeFromIndex(tx, { documentId: document.id });
	await insertRows(tx, rows);
	return { entries: rows.length };
}

/**
 * Replaces a contribution's entries: one per item with text, in the contribution's language.
 * `unitKey` is the item's position as a string (the page anchor `#item-{position}`), `label` the
 * item's number ("(3)") or nothing, `title` the contribution's title, `issuedOn` its submission
 * date, `published` its publication flag. `submitterIds` are the ids of its submitting
 * organisations and persons, so the search can filter by submitter with one containment test.
 *
 * Call it in the transaction that creates or changes the contribution, its items or submitters.
 *
 * @returns the number of entries written.
 */
export async function indexContribution(
	tx: DbOrTx,
	input: { contribution: ContributionRow; items: ContributionItemRow[]; submitterIds: string[] }
): Promise<{ entries: number }> {
	const { contribution } = input;
	const submitterIds = [...new Set(input.submitterIds)];
	const rows: EntryInsert[] = [];
	for (const item of [...input.items].sort((a, b) => a.position - b.position)) {
		if (item.contributionId !== contribution.id) throw new Error(`Item ${item.id} does not belong to contribution ${contribution.slug}.`);
		const text = stripMarkers(item.text).trim();
		if (!text || item.kind === 'blank') continue;
		rows.push({
			sourceKind: 'contribution',
			documentId: null,
			contributionId: contribution.id,
			unitKey: String(item.position),
			bodyId: contribution.bodyId,
			title: contribution.title,
			label: clip(item.number?.trim() ?? ''),
			text,
			lang: contribution.lang,
			tsConfig: tsConfigFor(contribution.lang),
			issuedOn: contribution.submittedOn,
			submitterIds,
			published: contribution.published
		});
	}
	await removeFromIndex(tx, { contributionId: contribution.id });
	await insertRows(tx, rows);
	return { entries: rows.length };
}

/** Removes every entry of a document or a contribution (when it is deleted). */
export async function removeFromIndex(tx: DbOrTx, source: IndexSource): Promise<void> {
	await tx.delete(searchEntries).where(whereSource(source));
}

/**
 * Publishes or withdraws a source's entries without re-reading its text, for when only the
 * publication flag of a document or contribution changes.
 */
export async function setIndexPublished(tx: DbOrTx, source: IndexSource, published: boolean): Promise<void> {
	await tx.update(searchEntries).set({ published }).where(whereSource(source));
}

function whereSource(source: IndexSource) {
	return 'documentId' in source
		? and(eq(searchEntries.sourceKind, 'document'), eq(searchEntries.documentId, source.documentId))
		: and(eq(searchEntries.sourceKind, 'contribution'), eq(searchEntries.contributionId, source.contributionId));
}

async function insertRows(tx: DbOrTx, rows: EntryInsert[]): Promise<void> {
	for (let i = 0; i < rows.length; i += INSERT_SLICE) await tx.insert(searchEntries).values(rows.slice(i, i + INSERT_SLICE));
}

/** A label short enough for a result line: a long heading is cut at a word and ends with "…". */
function clip(label: string): string {
	const oneLine = label.replace(/\s+/g, ' ').trim();
	if (oneLine.length <= LABEL_MAX) return oneLine;
	const cut = oneLine.slice(0, LABEL_MAX - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > LABEL_MAX / 2 ? cut.slice(0, space) : cut}…`;
}
