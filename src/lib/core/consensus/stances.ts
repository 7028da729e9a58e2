/**
 * Positions and what they say under a body's consensus rule.
 *
 * A delegation has one voice on an item: its current position is its latest. Whether consensus
 * stands is computed from the current positions of the delegations that count (member delegations,
 * and observers only where the body's rules say so) and never stored: the Chair's record is a
 * separate decision, checked against it.
 */

export const STANCES = ['support', 'no_objection', 'reservation', 'objection'] as const;
export type Stance = (typeof STANCES)[number];

/** Stances that must say why: a reservation's text is footnoted, an objection's is recorded. */
export const STANCES_WITH_TEXT: ReadonlySet<Stance> = new Set(['reservation', 'objection']);

export const STANDINGS = ['pending', 'consensus', 'consensus_with_reservations', 'no_consensus'] as const;
export type Standing = (typeof STANDINGS)[number];

/** How far each standing is from consensus: what "towards consensus" means in the law of objections. */
export const STANDING_RANK: Readonly<Record<Standing, number>> = { no_consensus: 0, pending: 1, consensus_with_reservations: 2, consensus: 3 };

/** What consensus means in a body. */
export interface ConsensusRule {
	/** The share of member delegations (0–1) that must have stated a position. */
	quorum: number;
	/** Whether observers' positions count like members' (by default they are shown apart). */
	countObservers: boolean;
}

/** The default: no formal objection among member delegations, at least half of them having spoken. */
export const DEFAULT_RULE: ConsensusRule = Object.freeze({ quorum: 0.5, countObservers: false });

/** A delegation's current position on an item. */
export interface CurrentPosition {
	delegationId: string;
	stance: Stance;
	/** True for a member delegation; false for an observer (counted only if the rule says so). */
	member: boolean;
}

/** One stated position in the history of an item, in the order stated. */
export interface StatedPosition extends CurrentPosition {
	/** Increases with every position stated on the item (the history's order). */
	sequence: number;
}

/** The current position of each delegation: its latest. */
export function currentPositions<T extends StatedPosition>(history: readonly T[]): T[] {
	const latest = new Map<string, T>();
	for (const p of history) {
		const seen = latest.get(p.delegationId);
		if (!seen || p.sequence > seen.sequence) latest.set(p.delegationId, p);
	}
	return [...latest.values()].sort((a, b) => a.sequence - b.sequence);
}

export interface StandingResult {
	standing: Standing;
	/** Counted delegations that formally object, in the order they spoke. */
	objections: string[];
	/** Counted delegations with a reservation: the footnotes of an adopted text. */
	reservations: string[];
	/** Counted delegations that have stated a position. */
	stated: number;
	/** How many must have, under the rule's quorum. */
	required: number;
}

/** Whether a position counts under the rule. */
export const counts = (p: Pick<CurrentPosition, 'member'>, rule: ConsensusRule) => p.member || rule.countObservers;

/**
 * What the current positions say under the rule. `electorate` is the number of delegations whose
 * positions count (the member delegations of the body, plus the observers if the rule counts them).
 *
 * - a counted formal objection → no consensus (whatever the quorum: one objection is enough);
 * - otherwise, fewer counted positions than the quorum requires → pending;
 * - otherwise → consensus, or consensus with reservations when a counted reservation stands.
 */
export function standingOf(positions: readonly CurrentPosition[], electorate: number, rule: ConsensusRule = DEFAULT_RULE): StandingResult {
	const counted = positions.filter((p) => counts(p, rule));
	const objections = counted.filter((p) => p.stance === 'objection').map((p) => p.delegationId);
	const reservations = counted.filter((p) => p.stance === 'reservation').map((p) => p.delegationId);
	const required = Math.max(1, Math.ceil(rule.quorum * electorate - 1e-9));
	const stated = counted.length;
	const standing: Standing = objections.length > 0 ? 'no_consensus' : stated < required ? 'pending' : reservations.length > 0 ? 'consensus_with_reservations' : 'consensus';
	return { standing, objections, reservations, stated, required };
}

/**
 * The consensus rule a body's rules of procedure set (`rules.consensusQuorum`, a share from 0 to 1;
 * `rules.observersCount`), the default where they say nothing or something unreadable.
 */
export function consensusRuleOf(rules: Readonly<Record<string, unknown>>): ConsensusRule {
	const quorum = rules.consensusQuorum;
	return {
		quorum: typeof quorum === 'number' && quorum >= 0 && quorum <= 1 ? quorum : DEFAULT_RULE.quorum,
		countObservers: rules.observersCount === true
	};
}
