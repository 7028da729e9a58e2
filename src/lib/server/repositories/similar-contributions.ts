/**
 * Similar contributions: the stored fingerprints of every contribution's text, and the lookup
 * that finds the contributions sharing most wording with a text (see docs/similarity.md).
 *
 * A contribution's text, for this purpose, is its items' texts in order joined by blank lines —
 * what the commands that submit, revise and import contributions fingerprint, and what the lookup
 * reads back to show the passages in common.
 */
import { asc, inArray, sql } from 'drizzle-orm';
import { analyse, compare, fingerprint, queryFingerprint, type Passage } from '../../core/similarity/index';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import { contributionFingerprints, contributionItems } from '../db/schema';

/** How a contribution's items make the text that is fingerprinted and compared. */
export const ITEM_SEPARATOR = '\n\n';

export interface SimilarContribution {
	contributionId: string;
	slug: string;
	title: string;
	/** Share of the looked-up text's wording found in this contribution, 0–1 (its shingles, counted exactly). */
	score: number;
	/** Share of this contribution's wording found in the looked-up text, 0–1. */
	coverage: number;
	/** The passages in common, in the looked-up text's order, with offsets into both texts. */
	passages: Passage[];
}

export interface FindSimilarInput {
	bodyId: string;
	/** The text being written or reviewed. */
	text: string;
	/** The contribution the text belongs to, when it is one already stored. */
	excludeId?: string;
	/** Unpublished contributions too: only for readers who may see them (the secretariat). */
	includeUnpublished: boolean;
	limit: number;
}

/**
 * Replaces a contribution's fingerprints with those of `text` (call it in the transaction that
 * stores the text). Returns how many hashes were stored.
 */
export async function writeFingerprints(tx: DbOrTx, contribution: { id: string; bodyId: string }, text: string): Promise<number> {
	await tx.delete(contributionFingerprints).where(sql`${contributionFingerprints.contributionId} = ${contribution.id}::uuid`);
	const hashes = fingerprint(text);
	if (hashes.length === 0) return 0;
	// One array parameter whatever the text's length (a row of parameters each would hit the
	// drivers' limit of 65,535 on a long text).
	await tx.execute(sql`
		insert into contribution_fingerprints (contribution_id, body_id, hash)
		select ${contribution.id}::uuid, ${contribution.bodyId}::uuid, h from unnest(${intArray(hashes)}::int[]) as h
	`);
	return hashes.length;
}

/**
 * The contributions of a body most similar to `text`, best first, each with its exact score and
 * the passages in common. Withdrawn contributions, those merged into another, and unpublished
 * ones (unless `includeUnpublished`) are left out, as is any contribution without a passage in
 * common of at least MIN_PASSAGE_WORDS words.
 *
 * Two steps: the database counts, per contribution, the query's sampled hashes it shares (an
 * estimate of the score) and returns the best few; their texts are then compared with the query
 * exactly, in memory.
 */
export async function findSimilar(db: DbOrTx, input: FindSimilarInput): Promise<SimilarContribution[]> {
	const limit = Math.max(0, Math.floor(input.limit));
	if (limit === 0) return [];
	const query = analyse(input.text);
	const hashes = queryFingerprint(query);
	if (hashes.length === 0) return [];
	const candidates = await candidatesFor(db, input, hashes, candidateCount(limit));
	if (candidates.length === 0) return [];
	const texts = await itemTexts(db, candidates.map((c) => c.id));
	const found: SimilarContribution[] = [];
	for (const c of candidates) {
		const comparison = compare(query, analyse(texts.get(c.id) ?? ''));
		if (comparison.passages.length === 0) continue;
		found.push({ contributionId: c.id, slug: c.slug, title: c.title, ...comparison });
	}
	found.sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.slug.localeCompare(b.slug));
	return found.slice(0, limit);
}

/**
 * How many candidates the database returns for `limit` results: a few more than asked, as the
 * estimate's order can differ from the exact one and some candidates have no passage long enough.
 */
function candidateCount(limit: number): number {
	return Math.min(100, limit * 2 + 5);
}

interface Candidate {
	id: string;
	slug: string;
	title: string;
	shared: number;
}

async function candidatesFor(db: DbOrTx, input: FindSimilarInput, hashes: number[], count: number): Promise<Candidate[]> {
	// Counting happens on the (body_id, hash, contribution_id) index alone; only the best-counted
	// contributions are then joined, so the filters cost nothing however common a shingle is.
	const result = await db.execute(sql`
		with hits as (
			select f.contribution_id, count(*)::int as shared
			from contribution_fingerprints f
			where f.body_id = ${input.bodyId}::uuid and f.hash = any(${intArray(hashes)}::int[])
			group by f.contribution_id
		)
		select c.id, c.slug, c.title, hits.shared
		from hits
		join contributions c on c.id = hits.contribution_id
		where c.status <> 'withdrawn'
			and c.merged_into_id is null
			and (c.published or ${input.includeUnpublished}::boolean)
			${input.excludeId ? sql`and c.id <> ${input.excludeId}::uuid` : sql``}
		order by hits.shared desc, c.id
		limit ${count}
	`);
	return rows(result).map((r) => ({ id: String(r.id), slug: String(r.slug), title: String(r.title), shared: Number(r.shared) }));
}

/** The texts of contributions as fingerprinted: items in order, joined by blank lines. */
async function itemTexts(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
	const items = await db
		.select({ contributionId: contributionItems.contributionId, text: contributionItems.text })
		.from(contributionItems)
		.where(inArray(contributionItems.contributionId, ids))
		.orderBy(asc(contributionItems.contributionId), asc(contributionItems.position));
	const parts = new Map<string, string[]>();
	for (const i of items) {
		const list = parts.get(i.contributionId);
		if (list) list.push(i.text);
		else parts.set(i.contributionId, [i.text]);
	}
	return new Map([...parts].map(([id, list]) => [id, list.join(ITEM_SEPARATOR)]));
}

/** A PostgreSQL array literal of integers, sent as one text parameter and cast with `::int[]`. */
function intArray(values: readonly number[]): string {
	return `{${values.join(',')}}`;
}
