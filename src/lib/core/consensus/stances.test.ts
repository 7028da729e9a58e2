import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currentPositions, DEFAULT_RULE, STANCES, STANDING_RANK, standingOf, type ConsensusRule, type CurrentPosition, type StatedPosition } from './stances';

const member = (delegationId: string, stance: CurrentPosition['stance']): CurrentPosition => ({ delegationId, stance, member: true });

describe('currentPositions', () => {
	it("keeps each delegation's latest position, in the order they were stated", () => {
		const history: StatedPosition[] = [
			{ delegationId: 'BR', stance: 'support', member: true, sequence: 1 },
			{ delegationId: 'RU', stance: 'objection', member: true, sequence: 2 },
			{ delegationId: 'BR', stance: 'reservation', member: true, sequence: 3 },
			{ delegationId: 'RU', stance: 'no_objection', member: true, sequence: 4 }
		];
		expect(currentPositions(history).map((p) => `${p.delegationId}:${p.stance}`)).toEqual(['BR:reservation', 'RU:no_objection']);
	});
});

describe('standingOf, under the default rule', () => {
	it('is pending until half of the member delegations have spoken', () => {
		expect(standingOf([member('a', 'support')], 4)).toMatchObject({ standing: 'pending', stated: 1, required: 2 });
		expect(standingOf([member('a', 'support'), member('b', 'no_objection')], 4)).toMatchObject({ standing: 'consensus', stated: 2, required: 2 });
		// Half of five is two and a half: three must have spoken.
		expect(standingOf([member('a', 'support'), member('b', 'support')], 5).standing).toBe('pending');
	});

	it('has no consensus as soon as one member delegation formally objects, whatever the quorum', () => {
		expect(standingOf([member('a', 'objection')], 10)).toMatchObject({ standing: 'no_consensus', objections: ['a'] });
		expect(standingOf([member('a', 'support'), member('b', 'support'), member('c', 'objection')], 3).standing).toBe('no_consensus');
	});

	it('records reservations as consensus with reservations, naming who holds them', () => {
		expect(standingOf([member('a', 'support'), member('b', 'reservation')], 3)).toMatchObject({ standing: 'consensus_with_reservations', reservations: ['b'] });
	});

	it("does not count observers, unless the body's rules say so", () => {
		const observerObjects: CurrentPosition[] = [member('a', 'support'), member('b', 'support'), { delegationId: 'o', stance: 'objection', member: false }];
		expect(standingOf(observerObjects, 3).standing).toBe('consensus');
		expect(standingOf(observerObjects, 4, { quorum: 0.5, countObservers: true }).standing).toBe('no_consensus');
	});

	it('stays pending in a body with no member delegation', () => {
		expect(standingOf([], 0).standing).toBe('pending');
	});
});

const positionsArb = fc
	.uniqueArray(fc.record({ delegationId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), stance: fc.constantFrom(...STANCES), member: fc.boolean() }), {
		selector: (p) => p.delegationId,
		maxLength: 8
	})
	.map((list) => list as CurrentPosition[]);
const ruleArb: fc.Arbitrary<ConsensusRule> = fc.record({ quorum: fc.constantFrom(0, 0.25, 0.5, 2 / 3, 1), countObservers: fc.boolean() });

describe('THE LAW: a formal objection never moves an item towards consensus', () => {
	it('whether a delegation objects for the first time or changes its position to an objection', () => {
		fc.assert(
			fc.property(positionsArb, ruleArb, fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'new'), fc.boolean(), fc.integer({ min: 0, max: 4 }), (positions, rule, delegationId, isMember, extra) => {
				const electorate = positions.filter((p) => p.member || rule.countObservers).length + extra + 1;
				const before = standingOf(positions, electorate, rule).standing;
				const previous = positions.find((p) => p.delegationId === delegationId);
				const after = standingOf(
					[...positions.filter((p) => p.delegationId !== delegationId), { delegationId, stance: 'objection', member: previous?.member ?? isMember }],
					electorate,
					rule
				).standing;
				expect(STANDING_RANK[after]).toBeLessThanOrEqual(STANDING_RANK[before]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('and the default rule is no counted objection with at least half of the electorate having spoken', () => {
		fc.assert(
			fc.property(positionsArb, fc.integer({ min: 0, max: 6 }), (positions, extra) => {
				const members = positions.filter((p) => p.member);
				const electorate = members.length + extra;
				const { standing } = standingOf(positions, electorate, DEFAULT_RULE);
				const agreed = !members.some((p) => p.stance === 'objection') && members.length >= Math.max(1, electorate / 2);
				expect(standing === 'consensus' || standing === 'consensus_with_reservations').toBe(agreed);
			})
		);
	});
});
