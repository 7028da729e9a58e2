import type { BodyInput } from '../../core/bodies/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import { changedFields } from '../audit/record';
import type { Db, DbOrTx } from '../db/client';
import { findBodyById, findBodyBySlug, type BodyRow } from '../repositories/bodies';
import { insertBody, lockBody, updateBodyRow, type BodyValues } from '../repositories/body-writes';
import { availableSlug } from '../repositories/slugs';
import { createdFields, pick } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

const FIELDS = ['name', 'shortName', 'slug', 'mandate', 'lang', 'periodStart', 'periodEnd'] as const;

/** The slug to store: the one typed (a clash is a conflict), or one derived from the short name. */
async function bodySlug(tx: DbOrTx, input: BodyInput, currentId: string | null): Promise<string> {
	if (input.slug) {
		const holder = await findBodyBySlug(tx, input.slug);
		if (holder && holder.id !== currentId) throw new ActionFailure('conflict', { field: 'slug' });
		return input.slug;
	}
	const base = slugify(input.shortName) || slugify(input.name);
	if (!base) throw new ActionFailure('invalid', { field: 'slug', key: 'admin.error.slugNeeded' });
	return availableSlug(tx, 'bodies', base);
}

/**
 * Creates a body (administrators only). A blank slug is derived from the short name.
 * Outcomes: forbidden; conflict (slug taken); invalid (no slug could be derived).
 */
export async function createBody(db: Db, actor: Actor, input: BodyInput): Promise<Result<BodyRow, ActionError>> {
	return perform(db, actor, 'body.create', { bodyId: null }, async (tx) => {
		const values: BodyValues = { ...pick(input, FIELDS), slug: await bodySlug(tx, input, null) };
		const row = await insertBody(tx, values);
		return {
			value: row,
			audit: { action: 'body.create', entityType: 'body', entityId: row.id, bodyId: row.id, summary: row.shortName, changes: createdFields(values) }
		};
	});
}

/**
 * Updates a body's name, short name, slug, mandate, language and period (administrators and the
 * body's secretariat). Outcomes: not_found; forbidden; conflict (slug taken).
 */
export async function updateBody(db: Db, actor: Actor, bodyId: string, input: BodyInput): Promise<Result<BodyRow, ActionError>> {
	return perform(
		db,
		actor,
		'body.update',
		async (tx) => ((await findBodyById(tx, bodyId)) ? { bodyId } : null),
		async (tx) => {
			const before = (await lockBody(tx, bodyId))!;
			// A blank slug on an edit keeps the address the body has: links to it stay valid.
			const values: BodyValues = { ...pick(input, FIELDS), slug: input.slug ? await bodySlug(tx, input, bodyId) : before.slug };
			const row = await updateBodyRow(tx, bodyId, values);
			return {
				value: row,
				audit: { action: 'body.update', entityType: 'body', entityId: row.id, summary: row.shortName, changes: changedFields(pick(before, FIELDS), values) }
			};
		}
	);
}
