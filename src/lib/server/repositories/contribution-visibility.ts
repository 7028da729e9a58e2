/**
 * Which contributions a reader may see, as SQL conditions: published ones, and the held ones of
 * `HeldReader` (the secretariat of their body, their account, their confirmed submitters). The
 * open-data API, search and its filter options all ask through here, so the rule is written once
 * for the database (and once in memory, `mayReadHeld` in the core, which the tests compare).
 *
 * The columns are passed in, so the same condition serves a Drizzle query (`contributions.id`, or
 * an alias's columns) and raw SQL over an aliased table (sql`c.id`).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { HeldReader } from '../../core/contributions/held-readers';

/** The columns of a contribution row the conditions read. */
export interface ContributionColumns {
	id: SQLWrapper;
	bodyId: SQLWrapper;
	published: SQLWrapper;
	createdByUserId: SQLWrapper;
}

/** True for a held contribution `reader` may read; false for everyone when there is no reader. */
export function heldReadableBy(reader: HeldReader | null, c: ContributionColumns): SQL {
	if (!reader) return sql`false`;
	if (reader.all) return sql`true`;
	const ways: SQL[] = [sql`${c.createdByUserId} = ${reader.userId}::uuid`];
	if (reader.secretariatOf.length > 0)
		ways.push(
			sql`${c.bodyId} in (${sql.join(
				reader.secretariatOf.map((b) => sql`${b}::uuid`),
				sql`, `
			)})`
		);
	// A submitter counts once confirmed: a pending co-submitter is not yet one.
	const mine: SQL[] = [];
	if (reader.personId) mine.push(sql`held_s.person_id = ${reader.personId}::uuid`);
	for (const d of reader.delegations) mine.push(sql`(${c.bodyId} = ${d.bodyId}::uuid and held_s.organisation_id = ${d.organisationId}::uuid)`);
	if (mine.length > 0)
		ways.push(
			sql`exists (select 1 from contribution_submitters held_s where held_s.contribution_id = ${c.id} and held_s.confirmed and (${sql.join(mine, sql` or `)}))`
		);
	return sql`(${sql.join(ways, sql` or `)})`;
}

/** True for a contribution `reader` may see: published, or held and readable by them. */
export function readableBy(reader: HeldReader | null, c: ContributionColumns): SQL {
	if (!reader) return sql`${c.published} = true`;
	return sql`(${c.published} = true or ${heldReadableBy(reader, c)})`;
}
