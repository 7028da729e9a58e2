/**
 * The bridging view: does an item gather support across stakeholder groups and regions, or does it
 * divide along them? An item bridges when, in every stakeholder group and every M49 region with at
 * least one counted position, support plus no objection outnumber reservations plus objections.
 */
import type { Stance } from './stances';

export type BridgingDimension = 'stakeholderGroup' | 'region';

/** A counted position with what the view groups by: the delegation's stakeholder group and region (none for a non-state delegation). */
export interface GroupedPosition {
	stance: Stance;
	stakeholderGroup: string | null;
	region: string | null;
}

/** A group or region where the item does not gather more for than against. */
export interface Division {
	dimension: BridgingDimension;
	column: string;
	/** Support and no objection. */
	for: number;
	/** Reservations and objections. */
	against: number;
}

export interface Bridging {
	/** True when at least one position was stated and no group or region divides. */
	bridges: boolean;
	divisions: Division[];
}

const inFavour = (s: Stance) => s === 'support' || s === 'no_objection';

/** The bridging of one item from its counted positions. */
export function bridgingOf(positions: readonly GroupedPosition[]): Bridging {
	const divisions: Division[] = [];
	for (const dimension of ['stakeholderGroup', 'region'] as const) {
		const tally = new Map<string, { for: number; against: number }>();
		for (const p of positions) {
			const column = p[dimension];
			if (!column) continue;
			const t = tally.get(column) ?? { for: 0, against: 0 };
			if (inFavour(p.stance)) t.for++;
			else t.against++;
			tally.set(column, t);
		}
		for (const [column, t] of [...tally].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (t.for <= t.against) divisions.push({ dimension, column, ...t });
	}
	return { bridges: positions.length > 0 && divisions.length === 0, divisions };
}
