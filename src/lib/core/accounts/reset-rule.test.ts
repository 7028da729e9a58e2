import { describe, expect, it } from 'vitest';
import { resetExpiry, resetStatus, RESET_TTL_MS } from './reset-rule';

describe('resetStatus', () => {
	const now = new Date('2024-01-01T10:00:00Z');
	it('tells unknown, used, expired and usable tokens apart', () => {
		expect(resetStatus(null, now)).toBe('unknown');
		expect(resetStatus({ expiresAt: resetExpiry(now), usedAt: now }, now)).toBe('used');
		expect(resetStatus({ expiresAt: now, usedAt: null }, now)).toBe('expired');
		expect(resetStatus({ expiresAt: resetExpiry(now), usedAt: null }, new Date(now.getTime() + RESET_TTL_MS - 1))).toBe('usable');
		expect(resetStatus({ expiresAt: resetExpiry(now), usedAt: null }, new Date(now.getTime() + RESET_TTL_MS))).toBe('expired');
	});

	it('lets a link live one hour', () => {
		expect(resetExpiry(now).toISOString()).toBe('2024-01-01T11:00:00.000Z');
	});
});
