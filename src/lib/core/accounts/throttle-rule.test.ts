import { describe, expect, it } from 'vitest';
import { countAfterFailure, failureLimit, MAX_FAILURES, MAX_FAILURES_PER_ADDRESS, throttleKeys, throttleState, WINDOW_MS } from './throttle-rule';

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1, 10, 0) + minutes * 60_000);

describe('throttleState', () => {
	it('does not lock below the maximum', () => {
		expect(throttleState([{ count: MAX_FAILURES - 1, lastAt: at(0) }], at(1))).toEqual({ locked: false });
		expect(throttleState([null, undefined], at(1))).toEqual({ locked: false });
		// A shared client address tolerates more failures than one account does.
		expect(throttleState([{ count: MAX_FAILURES, lastAt: at(0), limit: failureLimit('address:10.0.0.1') }], at(1))).toEqual({ locked: false });
		expect(throttleState([{ count: MAX_FAILURES_PER_ADDRESS, lastAt: at(0), limit: failureLimit('address:10.0.0.1') }], at(1))).toMatchObject({ locked: true });
		expect(failureLimit('email:a@example.org')).toBe(MAX_FAILURES);
	});

	it('locks at the maximum until the window after the last failure has passed', () => {
		const rec = { count: MAX_FAILURES, lastAt: at(6) };
		expect(throttleState([rec], at(10))).toEqual({ locked: true, retryAfterMinutes: 11 });
		expect(throttleState([rec], at(20.5))).toEqual({ locked: true, retryAfterMinutes: 1 });
		expect(throttleState([rec], at(21))).toEqual({ locked: false });
	});

	it('takes the longest lock of several keys', () => {
		const s = throttleState([{ count: 5, lastAt: at(0) }, { count: 9, lastAt: at(5) }], at(6));
		expect(s).toEqual({ locked: true, retryAfterMinutes: 14 });
	});
});

describe('countAfterFailure', () => {
	it('counts failures in a row and starts again after a quiet window', () => {
		expect(countAfterFailure(null, at(0))).toBe(1);
		expect(countAfterFailure({ count: 3, lastAt: at(0) }, at(14))).toBe(4);
		expect(countAfterFailure({ count: 3, lastAt: at(0) }, new Date(at(0).getTime() + WINDOW_MS + 1))).toBe(1);
	});
});

describe('throttleKeys', () => {
	it('keys by e-mail and, when known, by client address', () => {
		expect(throttleKeys('a@b.org', '10.0.0.1')).toEqual(['email:a@b.org', 'address:10.0.0.1']);
		expect(throttleKeys('a@b.org', null)).toEqual(['email:a@b.org']);
	});
});
