import { sql } from 'drizzle-orm';
import type { HeldReader } from '../../core/contributions/held-readers';
import type { DbOrTx } from '../db/client';
import { rows } from '../db/migrate';
import { heldReadableBy } from './contribution-visibility';

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
 * The options of the search filters: only bodies and submitters that have published passages
 * (or passages of held contributions the signed-in `reader` may read), so no choice leads to an
 * empty page by construction. Submitters come from the entries' `submitter_ids`, which hold
 * confirmed submitters only. Unsorted: the page sorts them in the reader's language with
 * `Intl.Collator` (PGlite has no ICU collations).
 */
export async function listSearchFacets(db: DbOrTx, reader: HeldReader | null = null): Promise<{ bodies: BodyFacet[]; submitters: SubmitterFacet[] }> {
	const visible = reader
		? sql`(e.published or exists (select 1 from contributions c where c.id = e.contribution_id and not c.published and ${heldReadableBy(reader, {
				id: sql`c.id`,
				bodyId: sql`c.body_id`,
				published: sql`c.published`,
				createdByUserId: sql`c.created_by_user_id`
			})}))`
		: sql`e.published`;
	const bodyRows = rows(
		await db.execute(sql`
			select b.id::text as id, b.slug, b.name, b.lang
			from bodies b
			where exists (select 1 from search_entries e where e.body_id = b.id and ${visible})
		`)
	);
	const submitterRows = rows(
		await db.execute(sql`
			with ids as (
				select distinct x.id
				from search_entries e cross join lateral jsonb_array_elements_text(e.submitter_ids) as x(id)
				where ${visible}
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
