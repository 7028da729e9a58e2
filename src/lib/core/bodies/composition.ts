import { MEMBERSHIP_ROLES, STAKEHOLDER_GROUPS } from '../shared/vocabulary';

interface Seat {
	role: string;
	stakeholderGroup: string | null;
}

export interface Composition {
	byStakeholderGroup: { group: string; count: number }[];
	byRole: { role: string; count: number }[];
	total: number;
}

/**
 * Counts a body's seats by stakeholder group and by role, in the vocabulary's order, leaving out
 * empty rows. Seats without a stated group are counted under 'unknown'.
 * Example: [{role:'chair', group:'government'}, {role:'member', group:null}] →
 *   byStakeholderGroup [{government,1},{unknown,1}], byRole [{chair,1},{member,1}].
 */
export function compositionOf(seats: Seat[]): Composition {
	const groups = new Map<string, number>();
	const roles = new Map<string, number>();
	for (const s of seats) {
		const g = s.stakeholderGroup ?? 'unknown';
		groups.set(g, (groups.get(g) ?? 0) + 1);
		roles.set(s.role, (roles.get(s.role) ?? 0) + 1);
	}
	const groupOrder = [...STAKEHOLDER_GROUPS, 'unknown'];
	return {
		byStakeholderGroup: groupOrder.filter((g) => groups.has(g)).map((group) => ({ group, count: groups.get(group)! })),
		byRole: MEMBERSHIP_ROLES.filter((r) => roles.has(r)).map((role) => ({ role, count: roles.get(role)! })),
		total: seats.length
	};
}
