import { and, eq, inArray, isNull, lt, max } from 'drizzle-orm';
import type { ContributionItemDraft } from '../../core/contributions/items';
import type { DbOrTx } from '../db/client';
import { categories, contributionFiles, contributionItems, contributionRevisions, contributions, contributionSubmitters, organisations } from '../db/schema';
import { indexContribution } from '../search/index-writer';

export type ContributionRow = typeof contributions.$inferSelect;
export type ContributionFileRow = typeof contributionFiles.$inferSelect;

/** Items of a text with the category codes the form chose, as stored rows. */
export interface CategorisedItem extends ContributionItemDraft {
	categoryCode: string | null;
}

/** The next position in a call's order: contributions come in the order received unless the secretariat moves them. */
export async function nextPosition(tx: DbOrTx, callId: string): Promise<number> {
	const [row] = await tx.select({ n: max(contributions.position) }).from(contributions).where(eq(contributions.callId, callId));
	return (row?.n ?? 0) + 1;
}

/** Replaces a contribution's items (the latest revision's), resolving category codes within the call's framework. */
export async function writeItems(tx: DbOrTx, contribution: Pick<ContributionRow, 'id' | 'callId'>, items: readonly CategorisedItem[]): Promise<void> {
	const framework = contribution.callId ? await tx.select().from(categories).where(eq(categories.callId, contribution.callId)) : [];
	const idOf = new Map(framework.map((c) => [c.code, c.id]));
	await tx.delete(contributionItems).where(eq(contributionItems.contributionId, contribution.id));
	if (items.length === 0) return;
	await tx.insert(contributionItems).values(
		items.map((i) => ({
			contributionId: contribution.id,
			categoryId: i.categoryCode ? (idOf.get(i.categoryCode) ?? null) : null,
			position: i.position,
			kind: i.kind,
			number: i.number,
			text: i.text,
			source: i.source,
			notes: i.notes
		}))
	);
}

/** Records a revision as submitted. */
export async function writeRevision(
	tx: DbOrTx,
	input: { contributionId: string; number: number; title: string; sourceText: string; items: readonly CategorisedItem[]; fileId: string | null; userId: string | null }
): Promise<void> {
	await tx.insert(contributionRevisions).values({
		contributionId: input.contributionId,
		number: input.number,
		title: input.title,
		sourceText: input.sourceText,
		items: input.items.map((i) => ({ number: i.number, kind: i.kind, text: i.text, categoryCode: i.categoryCode, notes: i.notes })),
		fileId: input.fileId,
		createdByUserId: input.userId
	});
}

/** Re-reads a contribution and writes its search entries. */
export async function reindexContribution(tx: DbOrTx, id: string): Promise<void> {
	const [contribution] = await tx.select().from(contributions).where(eq(contributions.id, id));
	const items = await tx.select().from(contributionItems).where(eq(contributionItems.contributionId, id));
	const subs = await tx.select().from(contributionSubmitters).where(eq(contributionSubmitters.contributionId, id));
	const submitterIds = subs.filter((s) => s.confirmed).flatMap((s) => [s.organisationId, s.personId].filter((x): x is string => !!x));
	await indexContribution(tx, { contribution, items, submitterIds });
}

/** Keeps an uploaded original until the form that converted it is submitted (or a day passes). */
export async function storePendingFile(
	tx: DbOrTx,
	file: { formToken: string; userId: string; name: string; mediaType: string; format: string; bytes: Uint8Array; sha256: string }
): Promise<ContributionFileRow> {
	await tx.delete(contributionFiles).where(and(isNull(contributionFiles.contributionId), lt(contributionFiles.createdAt, new Date(Date.now() - 86_400_000))));
	await tx
		.delete(contributionFiles)
		.where(and(isNull(contributionFiles.contributionId), eq(contributionFiles.formToken, file.formToken), eq(contributionFiles.uploadedByUserId, file.userId)));
	const [row] = await tx
		.insert(contributionFiles)
		.values({ formToken: file.formToken, uploadedByUserId: file.userId, name: file.name, mediaType: file.mediaType, format: file.format, size: file.bytes.length, sha256: file.sha256, bytes: file.bytes })
		.returning();
	return row;
}

/** Attaches the original a form converted (if any) to the contribution's revision; returns its id. */
export async function claimPendingFile(tx: DbOrTx, formToken: string, userId: string | null, contributionId: string, revision: number): Promise<string | null> {
	if (!userId) return null;
	const rows = await tx
		.update(contributionFiles)
		.set({ contributionId, revision })
		.where(and(isNull(contributionFiles.contributionId), eq(contributionFiles.formToken, formToken), eq(contributionFiles.uploadedByUserId, userId)))
		.returning({ id: contributionFiles.id });
	return rows[0]?.id ?? null;
}

/** The pending original of a form, without its bytes (to tell the page a file was kept). */
export async function pendingFile(db: DbOrTx, formToken: string, userId: string): Promise<Omit<ContributionFileRow, 'bytes'> | undefined> {
	const [row] = await db
		.select({
			id: contributionFiles.id,
			contributionId: contributionFiles.contributionId,
			revision: contributionFiles.revision,
			formToken: contributionFiles.formToken,
			uploadedByUserId: contributionFiles.uploadedByUserId,
			name: contributionFiles.name,
			mediaType: contributionFiles.mediaType,
			format: contributionFiles.format,
			size: contributionFiles.size,
			sha256: contributionFiles.sha256,
			createdAt: contributionFiles.createdAt
		})
		.from(contributionFiles)
		.where(and(isNull(contributionFiles.contributionId), eq(contributionFiles.formToken, formToken), eq(contributionFiles.uploadedByUserId, userId)))
		.limit(1);
	return row;
}

/** Submitter rows for the given organisation and person ids, in order, with their confirmation. */
export async function writeSubmitters(
	tx: DbOrTx,
	contributionId: string,
	submitters: readonly { organisationId?: string | null; personId?: string | null; confirmed: boolean }[]
): Promise<void> {
	if (submitters.length === 0) return;
	await tx.insert(contributionSubmitters).values(
		submitters.map((s, i) => ({
			contributionId,
			organisationId: s.organisationId ?? null,
			personId: s.personId ?? null,
			position: i,
			confirmed: s.confirmed,
			confirmedAt: s.confirmed ? new Date() : null
		}))
	);
}

/** The organisations that exist among the ids (to refuse a forged one). */
export async function existingOrganisations(tx: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...ids]));
	return new Set(rows.map((r) => r.id));
}
