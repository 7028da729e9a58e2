import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bridgingOf, type GroupedPosition } from './bridging';
import { STANCES } from './stances';

const p = (stance: GroupedPosition['stance'], stakeholderGroup: string, region: string | null): GroupedPosition => ({ stance, stakeholderGroup, region });

describe('bridgingOf', () => {
	it('bridges when every group and region with a position leans in favour', () => {
		const positions = [p('support', 'government', 'Europe'), p('no_objection', 'government', 'Africa'), p('support', 'civil_society', null), p('reservation', 'government', 'Europe'), p('support', 'government', 'Europe')];
		expect(bridgingOf(positions)).toEqual({ bridges: true, divisions: [] });
	});

	it('names the groups and regions that divide: a tie is not bridging', () => {
		const positions = [p('support', 'government', 'Europe'), p('objection', 'government', 'Asia'), p('support', 'government', 'Asia'), p('objection', 'private_sector', null)];
		expect(bridgingOf(positions)).toEqual({
			bridges: false,
			divisions: [
				{ dimension: 'stakeholderGroup', column: 'private_sector', for: 0, against: 1 },
				{ dimension: 'region', column: 'Asia', for: 1, against: 1 }
			]
		});
	});

	it('does not bridge what nobody spoke on', () => {
		expect(bridgingOf([]).bridges).toBe(false);
	});

	it('never starts bridging because of a reservation or an objection (property)', () => {
		const arb = fc.record({ stance: fc.constantFrom(...STANCES), stakeholderGroup: fc.constantFrom('government', 'civil_society', 'private_sector'), region: fc.constantFrom('Africa', 'Asia', 'Europe', null) });
		fc.assert(
			fc.property(fc.array(arb, { maxLength: 12 }), arb, fc.constantFrom('reservation' as const, 'objection' as const), (positions, added, stance) => {
				const before = bridgingOf(positions).bridges;
				const after = bridgingOf([...positions, { ...added, stance }]).bridges;
				if (positions.length > 0) expect(!after || before).toBe(true);
			})
		);
	});
});
