import type { DbOrTx } from '../db/client';
import { throttleKeys, throttleState, type ThrottleState } from '../../core/accounts/throttle-rule';
import { clearFailures, failureRecords, recordFailures } from '../repositories/sign-in-failures';

export { throttleKeys };

/** Whether sign-in attempts with these keys are locked right now (see the core's throttle rule). */
export async function signInThrottle(db: DbOrTx, keys: string[], now: Date): Promise<ThrottleState> {
	return throttleState(await failureRecords(db, keys), now);
}

/** Counts a failed attempt against each key. */
export async function noteFailedSignIn(db: DbOrTx, keys: string[], now: Date): Promise<void> {
	await recordFailures(db, keys, now);
}

/**
 * Forgets the failures of these keys after a successful sign-in. The client address is cleared
 * too: at a meeting venue hundreds of delegates share one address, and one person's typos must
 * not lock the room out. Guessing one account stays limited by its e-mail key.
 */
export async function clearSignInFailures(db: DbOrTx, keys: string[]): Promise<void> {
	await clearFailures(db, keys);
}
