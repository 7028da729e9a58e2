import { PersonRecord } from '../../core/api/records';
import type { PersonData } from '../repositories/open-data';

/**
 * A person as the open-data API publishes it, validated against its schema. Gender is left out:
 * people give it for participation statistics, not to have it listed next to their name.
 */
export function presentPerson({ person, organisation }: PersonData): PersonRecord {
	return PersonRecord.parse({
		id: person.id,
		slug: person.slug,
		name: person.name,
		honorific: person.honorific,
		organisation
	});
}
