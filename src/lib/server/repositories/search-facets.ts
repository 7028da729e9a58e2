import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';

/** A body that has searchable passages, for the body filter. */
export interface BodyFacet {
	id: string;
	slug: string;
	name: string;
	lang: string;
}

/** An organisation or person that submitted a searchable contribution, for the submitter filter. */
export interface SubmitterFacet {
	kind: 'organisation' | 'person';
	id: string;
	slug: string;
	name: string;
	/** Official names by locale (organisations only). */
	names: Record<string, string>;
}

/**
 * The options of the search filters: only bodies and submitters that have published passages,
 * so no choice leads to an empty page by construction. Unsorted: the page sorts them in the
 * reader's language with `Intl.Collator` (PGlite has no ICU collations).
 */
export async function listSearchFacets(db: DbOrTx): Promise<{ bodies: BodyFacet[]; submitters: SubmitterFacet[] }> {
	const bodyRows = rows(
		await db.execute(sql`
			select b.id::text as id, b.slug, b.name, b.lang
			from bodies b
			where exists (select 1 from search_entries e where e.body_id = b.id and e.published)
		`)
	);
	const submitterRows = rows(
		await db.execute(sql`
			with ids as (
				select distinct x.id
				from search_entries e cross join lateral jsonb_array_elements_text(e.submitter_ids) as x(id)
				where e.published
			)
			select 'organisation' as kind, o.id::text as id, o.slug, o.name, o.names
			from organisations o join ids on ids.id = o.id::text
			union all
			select 'person' as kind, p.id::text as id, p.slug, p.name, '{}'::jsonb as names
			from persons p join ids on ids.id = p.id::text
		`)
	);
	return {
		bodies: bodyRows.map((r) => ({ id: String(r.id), slug: String(r.slug), name: String(r.name), lang: String(r.lang) })),
		submitters: submitterRows.map((r) => ({
			kind: r.kind === 'person' ? 'person' : 'organisation',
			id: String(r.id),
			slug: String(r.slug),
			name: String(r.name),
			names: (typeof r.names === 'string' ? JSON.parse(r.names) : (r.names ?? {})) as Record<string, string>
		}))
	};
}
