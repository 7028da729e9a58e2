import { describe, expect, it } from 'vitest';
import { uploadLimits } from './limits';

describe('uploadLimits', () => {
	it('defaults to 20 MB and 20 s', () => {
		expect(uploadLimits({})).toEqual({ maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, memoryMb: 512 });
	});

	it('reads PLENARY_MAX_UPLOAD_MB and PLENARY_UPLOAD_TIMEOUT_S, fractions included', () => {
		const limits = uploadLimits({ PLENARY_MAX_UPLOAD_MB: '2.5', PLENARY_UPLOAD_TIMEOUT_S: '0.5' });
		expect(limits.maxBytes).toBe(2.5 * 1024 * 1024);
		expect(limits.timeoutMs).toBe(500);
	});

	it('falls back to the defaults for values that are not positive numbers', () => {
		const limits = uploadLimits({ PLENARY_MAX_UPLOAD_MB: 'ten', PLENARY_UPLOAD_TIMEOUT_S: '-1' });
		expect(limits.maxBytes).toBe(20 * 1024 * 1024);
		expect(limits.timeoutMs).toBe(20_000);
	});
});
