import type { PersonInput } from '../../core/people/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import { changedFields } from '../audit/record';
import type { Db, DbOrTx } from '../db/client';
import { findOrganisationById, findPersonById, findPersonBySlug, type PersonRow } from '../repositories/organisations';
import { insertPerson, updatePersonRow, type PersonValues } from '../repositories/person-writes';
import { availableSlug } from '../repositories/slugs';
import { createdFields, pick } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

const FIELDS = ['name', 'slug', 'honorific', 'organisationId'] as const;

async function checkOrganisation(tx: DbOrTx, organisationId: string | null) {
	if (organisationId && !(await findOrganisationById(tx, organisationId))) {
		throw new ActionFailure('invalid', { field: 'organisationId', key: 'admin.error.unknownOrganisation' });
	}
}

async function personSlug(tx: DbOrTx, typed: string | null, name: string, current: PersonRow | null): Promise<string> {
	if (typed) {
		const holder = await findPersonBySlug(tx, typed);
		if (holder && holder.id !== current?.id) throw new ActionFailure('conflict', { field: 'slug' });
		return typed;
	}
	if (current) return current.slug;
	const base = slugify(name);
	if (!base) throw new ActionFailure('invalid', { field: 'slug', key: 'admin.error.slugNeeded' });
	return availableSlug(tx, 'persons', base);
}

/**
 * Creates a person (administrators and any secretariat). A blank slug is derived from the name,
 * numbered when taken ("jane-doe-2"). Outcomes: forbidden; invalid (unknown organisation, no slug
 * derivable); conflict (typed slug taken).
 */
export async function createPerson(db: Db, actor: Actor, input: PersonInput): Promise<Result<PersonRow, ActionError>> {
	return perform(db, actor, 'person.create', { bodyId: null }, async (tx) => {
		await checkOrganisation(tx, input.organisationId);
		const values: PersonValues = { ...pick(input, FIELDS), slug: await personSlug(tx, input.slug, input.name, null) };
		const row = await insertPerson(tx, values);
		return { value: row, audit: { action: 'person.create', entityType: 'person', entityId: row.id, summary: row.name, changes: createdFields(values) } };
	});
}

/** Updates a person's name, slug, honorific or organisation. Outcomes: not_found; forbidden; invalid; conflict. */
export async function updatePerson(db: Db, actor: Actor, personId: string, input: PersonInput): Promise<Result<PersonRow, ActionError>> {
	return perform(
		db,
		actor,
		'person.update',
		async (tx) => ((await findPersonById(tx, personId)) ? { bodyId: null } : null),
		async (tx) => {
			const before = (await findPersonById(tx, personId))!;
			await checkOrganisation(tx, input.organisationId);
			const values: PersonValues = { ...pick(input, FIELDS), slug: await personSlug(tx, input.slug, input.name, before) };
			const row = await updatePersonRow(tx, personId, values);
			return {
				value: row,
				audit: { action: 'person.update', entityType: 'person', entityId: row.id, summary: row.name, changes: changedFields(pick(before, FIELDS), values) }
			};
		}
	);
}
