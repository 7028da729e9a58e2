import { MembershipRecord } from '../../core/api/records';
import type { MembershipData } from '../repositories/open-data';

/** A membership (a seat in a body) as the open-data API publishes it, validated against its schema. */
export function presentMembership({ membership: m, bodySlug, organisation, person }: MembershipData): MembershipRecord {
	return MembershipRecord.parse({
		id: m.id,
		body: bodySlug,
		role: m.role,
		stakeholderGroup: m.stakeholderGroup,
		organisation,
		person,
		termStart: m.termStart,
		termEnd: m.termEnd,
		note: m.note
	});
}
