import { sql, type SQL } from 'drizzle-orm';
import type { HeldReader } from '../../core/contributions/held-readers';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import { heldReadableBy } from '../repositories/contribution-visibility';
import { FRAGMENT_BREAK, HEADLINE_OPTIONS, HIT_START, HIT_STOP, headlineSegments, type Segment } from '../../core/search/highlight';
import { normaliseQuery, QUERY_MAX, type SearchKind } from '../../core/search/query';
import { SEARCH_TS_CONFIGS } from '../../core/search/ts-config';

/**
 * Full-text search over the published passages of documents and contributions.
 *
 * Each passage is matched with a query built in the passage's own text search configuration:
 * `websearch_to_tsquery('english', q)` for English passages, `…('french', q)` for French ones, and
 * so on, so "sovereign" finds "sovereign rights" and "droits" finds "droit". A query is one row
 * per configuration joined on `ts_config`, which lets PostgreSQL use the GIN index on `tsv` for
 * each. `websearch_to_tsquery` accepts any text without error (quotes, OR, -word; stray `'&|!():`
 * are ignored), which is why the query is passed as typed rather than parsed by Plenary.
 */

export interface SearchInput {
	/** What the reader typed; normalised here again, at most QUERY_MAX characters. */
	q: string;
	bodyId?: string;
	/** A document kind, or 'contribution' for contributions (and documents that hold one). */
	kind?: SearchKind;
	/** An organisation or person id: passages of contributions they submitted. */
	submitterId?: string;
	/** ISO dates, inclusive, compared with the passage's issue or submission date. */
	from?: string;
	to?: string;
	limit: number;
	offset: number;
}

export interface SearchOptions {
	/** Only for secretariat tools that must see drafts; public pages never set it. */
	includeUnpublished: boolean;
	/**
	 * The signed-in reader, whose held contributions (as the secretariat of their body or as
	 * their submitter) are searched too; null or absent for an anonymous one.
	 */
	reader?: HeldReader | null;
}

export interface SearchHit {
	sourceKind: 'document' | 'contribution';
	documentSlug?: string;
	/** The kind of the document ('draft', 'report'…), for document passages. */
	documentKind?: string;
	contributionSlug?: string;
	/** The unit's stable key for a document (`#u-{key}`), the item's position for a contribution (`#item-{position}`). */
	unitKey: string | null;
	title: string;
	label: string;
	bodySlug: string;
	bodyName: string;
	bodyLang: string;
	issuedOn: string | null;
	/** The passage's language (for its `lang` and `dir`). */
	lang: string;
	/** The passage around the hits, as plain text segments; `hit` ones are shown as `<mark>`. */
	segments: Segment[];
	rank: number;
	/** False for a passage of a held contribution, shown only to a reader who may read it. */
	published: boolean;
	/** True for a passage of a withdrawn contribution (its record stays searchable). */
	withdrawn: boolean;
}

export interface SearchResult {
	total: number;
	hits: SearchHit[];
}

const LIMIT_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Searches the index, best matches first (`ts_rank`, then newest), with the total number of
 * matches for paging. An empty query (or one that normalises to nothing) finds nothing without
 * asking the database. Throws a RangeError for input a caller should have validated: a query over
 * QUERY_MAX characters or an id that is not a UUID.
 */
export async function search(db: DbOrTx, input: SearchInput, options: SearchOptions = { includeUnpublished: false }): Promise<SearchResult> {
	if (input.q.length > QUERY_MAX) throw new RangeError(`A search query has at most ${QUERY_MAX} characters.`);
	for (const id of [input.bodyId, input.submitterId]) if (id !== undefined && !UUID.test(id)) throw new RangeError('A search filter id must be a UUID.');
	const q = normaliseQuery(input.q);
	if (!q) return { total: 0, hits: [] };
	const limit = Math.min(LIMIT_MAX, Math.max(1, Math.trunc(input.limit)));
	const offset = Math.max(0, Math.trunc(input.offset));

	const page = await runPage(db, q, input, options, limit, offset);
	if (page.length > 0 || offset === 0) return { total: page[0]?.total ?? 0, hits: page.map(toHit) };
	// Past the last page: the window count came back with no rows, so count on the first page.
	const first = await runPage(db, q, input, options, 1, 0);
	return { total: first[0]?.total ?? 0, hits: [] };
}

interface Row {
	total: number;
	rank: number;
	source_kind: string;
	unit_key: string | null;
	title: string;
	label: string;
	lang: string;
	issued_on: string | null;
	body_slug: string;
	body_name: string;
	body_lang: string;
	document_slug: string | null;
	document_kind: string | null;
	contribution_slug: string | null;
	published: boolean;
	withdrawn: boolean;
	headline: string;
}

async function runPage(db: DbOrTx, q: string, input: SearchInput, options: SearchOptions, limit: number, offset: number): Promise<Row[]> {
	const configs = sql.join(
		SEARCH_TS_CONFIGS.map((c) => sql`(${c}::text)`),
		sql`, `
	);
	const where: SQL[] = [sql`e.tsv @@ q.query`];
	if (!options.includeUnpublished) {
		// The entry's own flag, and the source's current one: a source withdrawn without being
		// re-indexed still never shows. A held contribution shows only to a reader who may read it
		// (its current row decides, whatever its entries say).
		const held = heldReadableBy(options.reader ?? null, { id: sql`c.id`, bodyId: sql`c.body_id`, published: sql`c.published`, createdByUserId: sql`c.created_by_user_id` });
		where.push(
			sql`((e.published and (e.document_id is null or d.published) and (e.contribution_id is null or c.published)) or (e.source_kind = 'contribution' and c.id is not null and not c.published and ${held}))`
		);
	}
	if (input.bodyId) where.push(sql`e.body_id = ${input.bodyId}::uuid`);
	if (input.kind === 'contribution') where.push(sql`(e.source_kind = 'contribution' or d.kind = 'contribution')`);
	else if (input.kind) where.push(sql`(e.source_kind = 'document' and d.kind = ${input.kind}::text)`);
	if (input.submitterId) where.push(sql`e.submitter_ids @> ${JSON.stringify([input.submitterId])}::jsonb`);
	if (input.from) where.push(sql`e.issued_on >= ${input.from}::date`);
	if (input.to) where.push(sql`e.issued_on <= ${input.to}::date`);

	const result = await db.execute(sql`
		with q(cfg, query) as (
			select cfg, websearch_to_tsquery(cfg::regconfig, ${q}::text)
			from (values ${configs}) as v(cfg)
		),
		-- The same passage often stands twice: as an item of a contribution and in the document that
		-- holds the contribution's text (or the compilation that reprints it). A document's passage
		-- whose very text is a matching contribution item of the same body is left out: the
		-- contribution's copy names its submitters. Repeats within one source all stay.
		candidates as (
			select e.id, q.query, ts_rank(e.tsv, q.query) as rank, e.issued_on, e.title, e.label,
				e.source_kind = 'document' and bool_or(e.source_kind = 'contribution') over (partition by e.body_id, md5(e.text)) as reprint
			from search_entries e
			join q on q.cfg = e.ts_config and numnode(q.query) > 0
			left join documents d on d.id = e.document_id
			left join contributions c on c.id = e.contribution_id
			where ${sql.join(where, sql` and `)}
		),
		-- Equal ranks keep a reading order: newest first, then by title and paragraph number
		-- ("2" before "10", which a plain text sort would not give).
		matched as (
			select id, query, rank, count(*) over () as total
			from candidates
			where not reprint
			order by rank desc, issued_on desc nulls last, title, substring(label from '[0-9]{1,9}')::int nulls last, label, id
			limit ${limit} offset ${offset}
		)
		select m.total::int as total, m.rank::float8 as rank, e.source_kind, e.unit_key, e.title, e.label, e.lang,
			e.issued_on::text as issued_on, b.slug as body_slug, b.name as body_name, b.lang as body_lang,
			d.slug as document_slug, d.kind as document_kind, c.slug as contribution_slug,
			coalesce(c.published, d.published, e.published) as published, coalesce(c.status = 'withdrawn', false) as withdrawn,
			ts_headline(e.ts_config::regconfig, translate(e.text, ${HIT_START + HIT_STOP + FRAGMENT_BREAK}::text, ''), m.query, ${HEADLINE_OPTIONS}::text) as headline
		from matched m
		join search_entries e on e.id = m.id
		join bodies b on b.id = e.body_id
		left join documents d on d.id = e.document_id
		left join contributions c on c.id = e.contribution_id
		order by m.rank desc, e.issued_on desc nulls last, e.title, substring(e.label from '[0-9]{1,9}')::int nulls last, e.label, e.id
	`);
	return rows(result) as unknown as Row[];
}

function toHit(r: Row): SearchHit {
	const hit: SearchHit = {
		sourceKind: r.source_kind === 'contribution' ? 'contribution' : 'document',
		unitKey: r.unit_key,
		title: r.title,
		label: r.label,
		bodySlug: r.body_slug,
		bodyName: r.body_name,
		bodyLang: r.body_lang,
		issuedOn: r.issued_on,
		lang: r.lang,
		segments: headlineSegments(r.headline ?? ''),
		rank: Number(r.rank),
		published: r.published !== false,
		withdrawn: r.withdrawn === true
	};
	if (r.document_slug) hit.documentSlug = r.document_slug;
	if (r.document_kind) hit.documentKind = r.document_kind;
	if (r.contribution_slug) hit.contributionSlug = r.contribution_slug;
	return hit;
}
