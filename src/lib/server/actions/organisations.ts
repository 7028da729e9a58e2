import type { DevelopmentStatus } from '../../core/shared/vocabulary';
import { findCountry } from '../../core/organisations/countries';
import type { OrganisationInput } from '../../core/organisations/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import { changedFields } from '../audit/record';
import type { Db, DbOrTx } from '../db/client';
import { findOrganisationById, findOrganisationBySlug, type OrganisationRow } from '../repositories/organisations';
import { findOrganisationByIso2, insertOrganisation, updateOrganisationRow, type OrganisationValues } from '../repositories/organisation-writes';
import { availableSlug } from '../repositories/slugs';
import { createdFields, pick } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

const FIELDS = ['kind', 'name', 'names', 'slug', 'iso2', 'iso3', 'm49', 'region', 'subregion', 'developmentStatus', 'stakeholderGroup', 'website'] as const;

/** What the reference list of States says about a code: official names, M49, development status. */
export interface CountryDetails {
	iso2: string;
	iso3: string;
	m49: string;
	names: Record<string, string>;
	region: string;
	subregion: string;
	developmentStatus: DevelopmentStatus[];
}

/**
 * The State with this ISO 3166-1 alpha-2 code in Plenary's reference list (UN Member States and
 * the two observer States), or null. Only an exact code counts: "UK" is an alias of GB there, not
 * a code, so it finds nothing here.
 */
export function countryDetails(iso2: string): CountryDetails | null {
	const c = findCountry(iso2);
	if (!c || c.iso2 !== iso2.toUpperCase()) return null;
	return {
		iso2: c.iso2,
		iso3: c.iso3,
		m49: c.m49,
		names: { ...c.names },
		region: c.region,
		subregion: c.subregion,
		developmentStatus: [...c.developmentStatus]
	};
}

/**
 * The row to store for the form's input. A Member State takes its names, codes, region and
 * development status from the reference list (the typed name, if any, is kept as its name of
 * record) and is in the government stakeholder group unless the form says otherwise.
 */
function valuesFor(input: OrganisationInput, before: OrganisationRow | null): Omit<OrganisationValues, 'slug'> {
	if (input.kind === 'member_state') {
		const c = countryDetails(input.iso2!);
		if (!c) throw new ActionFailure('invalid', { field: 'iso2', key: 'admin.error.unknownCountry' });
		return {
			kind: input.kind,
			name: input.name ?? c.names.en,
			names: c.names,
			iso2: c.iso2,
			iso3: c.iso3,
			m49: c.m49,
			region: c.region,
			subregion: c.subregion,
			developmentStatus: c.developmentStatus,
			stakeholderGroup: input.stakeholderGroup ?? 'government',
			website: input.website
		};
	}
	// No longer a State: the State's names and codes no longer describe it.
	const wasState = before?.kind === 'member_state';
	return {
		kind: input.kind,
		name: input.name!,
		names: wasState || !before ? {} : before.names,
		iso2: null,
		iso3: null,
		m49: null,
		region: null,
		subregion: null,
		developmentStatus: [],
		stakeholderGroup: input.stakeholderGroup,
		website: input.website
	};
}

async function checkIso2Free(tx: DbOrTx, iso2: string | null, currentId: string | null) {
	if (!iso2) return;
	const holder = await findOrganisationByIso2(tx, iso2);
	if (holder && holder.id !== currentId) throw new ActionFailure('conflict', { field: 'iso2' });
}

async function organisationSlug(tx: DbOrTx, typed: string | null, name: string, current: OrganisationRow | null): Promise<string> {
	if (typed) {
		const holder = await findOrganisationBySlug(tx, typed);
		if (holder && holder.id !== current?.id) throw new ActionFailure('conflict', { field: 'slug' });
		return typed;
	}
	if (current) return current.slug;
	const base = slugify(name);
	if (!base) throw new ActionFailure('invalid', { field: 'slug', key: 'admin.error.slugNeeded' });
	return availableSlug(tx, 'organisations', base);
}

/**
 * Creates an organisation (administrators and any secretariat: organisations are shared by all
 * bodies). Outcomes: forbidden; invalid (unknown State code, no slug derivable); conflict (slug
 * or ISO code already used).
 */
export async function createOrganisation(db: Db, actor: Actor, input: OrganisationInput): Promise<Result<OrganisationRow, ActionError>> {
	return perform(db, actor, 'organisation.create', { bodyId: null }, async (tx) => {
		const base = valuesFor(input, null);
		await checkIso2Free(tx, base.iso2, null);
		const values: OrganisationValues = { ...base, slug: await organisationSlug(tx, input.slug, base.name, null) };
		const row = await insertOrganisation(tx, values);
		return {
			value: row,
			audit: { action: 'organisation.create', entityType: 'organisation', entityId: row.id, summary: row.name, changes: createdFields(values) }
		};
	});
}

/**
 * Updates an organisation; a Member State's reference data is refreshed from its code.
 * Outcomes: not_found; forbidden; invalid; conflict.
 */
export async function updateOrganisation(db: Db, actor: Actor, organisationId: string, input: OrganisationInput): Promise<Result<OrganisationRow, ActionError>> {
	return perform(
		db,
		actor,
		'organisation.update',
		async (tx) => ((await findOrganisationById(tx, organisationId)) ? { bodyId: null } : null),
		async (tx) => {
			const before = (await findOrganisationById(tx, organisationId))!;
			const base = valuesFor(input, before);
			await checkIso2Free(tx, base.iso2, organisationId);
			const values: OrganisationValues = { ...base, slug: await organisationSlug(tx, input.slug, base.name, before) };
			const row = await updateOrganisationRow(tx, organisationId, values);
			return {
				value: row,
				audit: {
					action: 'organisation.update',
					entityType: 'organisation',
					entityId: row.id,
					summary: row.name,
					changes: changedFields(pick(before, FIELDS), values)
				}
			};
		}
	);
}
