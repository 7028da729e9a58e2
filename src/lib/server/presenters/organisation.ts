import { OrganisationRecord } from '../../core/api/records';
import { LOCALES } from '../../core/shared/vocabulary';
import type { OrganisationRow } from '../repositories/organisations';

/** An organisation as the open-data API publishes it, validated against its schema. */
export function presentOrganisation(o: OrganisationRow): OrganisationRecord {
	return OrganisationRecord.parse({
		id: o.id,
		slug: o.slug,
		kind: o.kind,
		name: o.name,
		// Only the six locales' official names, and only those that are known.
		names: Object.fromEntries(LOCALES.filter((l) => typeof o.names[l] === 'string' && o.names[l] !== '').map((l) => [l, o.names[l]])),
		iso2: o.iso2,
		iso3: o.iso3,
		m49: o.m49,
		region: o.region,
		subregion: o.subregion,
		developmentStatus: o.developmentStatus,
		stakeholderGroup: o.stakeholderGroup,
		website: o.website
	});
}
