import { describe, expect, it } from 'vitest';
import { compositionOf } from './composition';

describe('compositionOf', () => {
	it('counts seats by group and role in vocabulary order', () => {
		const c = compositionOf([
			{ role: 'member', stakeholderGroup: 'civil_society' },
			{ role: 'chair', stakeholderGroup: 'government' },
			{ role: 'member', stakeholderGroup: 'government' },
			{ role: 'observer', stakeholderGroup: null }
		]);
		expect(c.total).toBe(4);
		expect(c.byStakeholderGroup).toEqual([
			{ group: 'government', count: 2 },
			{ group: 'civil_society', count: 1 },
			{ group: 'unknown', count: 1 }
		]);
		expect(c.byRole).toEqual([
			{ role: 'chair', count: 1 },
			{ role: 'member', count: 2 },
			{ role: 'observer', count: 1 }
		]);
	});
	it('is empty for no seats', () => {
		expect(compositionOf([])).toEqual({ byStakeholderGroup: [], byRole: [], total: 0 });
	});
});
