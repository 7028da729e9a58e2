/**
 * Slowing down password guessing. Failed sign-ins are counted per key — the e-mail address tried
 * and the client's address — and a key with `MAX_FAILURES` failures in a row, each within
 * `WINDOW_MINUTES` of the one before, is locked until `WINDOW_MINUTES` after its last failure.
 * While locked, an attempt is refused without looking at the password (even the right one), so
 * guessing learns nothing; the refused attempt does not extend the lock.
 *
 * Worked example (window 15 minutes): failures at 10:00, 10:02, 10:03, 10:05, 10:06 → locked;
 * at 10:10 the answer is "try again in 11 minutes"; from 10:21 attempts are checked again, and
 * the next failure starts a new count at 1.
 */
export const MAX_FAILURES = 5;
/**
 * A client address gets many more: at a meeting venue hundreds of delegates share one address,
 * and a few people's typos must not lock the room out. It still stops one machine from guessing
 * across many accounts.
 */
export const MAX_FAILURES_PER_ADDRESS = 50;
/**
 * New anonymous questionnaire responses from one client address: each one counts like a failure,
 * so one machine cannot flood a consultation, while a room sharing an address still gets through.
 */
export const MAX_NEW_RESPONSES_PER_ADDRESS = 30;
export const WINDOW_MINUTES = 15;
export const WINDOW_MS = WINDOW_MINUTES * 60_000;

export interface FailureRecord {
	count: number;
	lastAt: Date;
	/** Failures in a row that lock this key (default MAX_FAILURES). */
	limit?: number;
}

/** How many failures in a row lock a key: an e-mail address 5, a client address 50, new responses from an address 30. */
export function failureLimit(key: string): number {
	if (key.startsWith('respond:')) return MAX_NEW_RESPONSES_PER_ADDRESS;
	return key.startsWith('address:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES;
}

export type ThrottleState = { locked: false } | { locked: true; retryAfterMinutes: number };

/** Whether any of the keys' records locks the attempt, and for how many more whole minutes. */
export function throttleState(records: readonly (FailureRecord | null | undefined)[], now: Date): ThrottleState {
	let until = 0;
	for (const r of records) {
		if (!r || r.count < (r.limit ?? MAX_FAILURES)) continue;
		const end = r.lastAt.getTime() + WINDOW_MS;
		if (end > now.getTime()) until = Math.max(until, end);
	}
	if (until === 0) return { locked: false };
	return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
}

/** The count after one more failure: a failure long after the previous one starts again at 1. */
export function countAfterFailure(record: FailureRecord | null | undefined, now: Date): number {
	if (!record || now.getTime() - record.lastAt.getTime() > WINDOW_MS) return 1;
	return record.count + 1;
}

/** The throttle keys of one attempt. */
export function throttleKeys(email: string, clientAddress: string | null | undefined): string[] {
	const keys = [`email:${email}`];
	if (clientAddress) keys.push(`address:${clientAddress}`);
	return keys;
}
