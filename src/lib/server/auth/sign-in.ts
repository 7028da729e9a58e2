import { fail, ok, type Result } from '../../core/shared/result';
import type { Db } from '../db/client';
import { findUserByEmail } from '../repositories/users';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { rotateSession, type NewSession } from './sessions';
import { clearSignInFailures, noteFailedSignIn, signInThrottle, throttleKeys } from './throttle';

export type SignInError = 'invalid_credentials' | 'throttled';

export interface SignInRequest {
	email: string;
	password: string;
	/** The client's network address, as a second throttle key. */
	clientAddress?: string | null;
	/** The session token the browser came with, if any: it is replaced. */
	previousToken?: string | null;
	now?: Date;
}

/**
 * signIn: checks an e-mail and password and opens a new session. Wrong e-mail and wrong password
 * give the same answer, in about the same time. After repeated failures for the e-mail or the
 * client address the attempt is refused as 'throttled' (detail `retryAfterMinutes`) before the
 * password is looked at — even the right one.
 */
export async function signIn(db: Db, request: SignInRequest): Promise<Result<{ userId: string; session: NewSession }, SignInError>> {
	const now = request.now ?? new Date();
	const email = request.email.trim().toLowerCase();
	const keys = throttleKeys(email, request.clientAddress);
	const state = await signInThrottle(db, keys, now);
	if (state.locked) return fail('throttled', { retryAfterMinutes: state.retryAfterMinutes });

	const user = await findUserByEmail(db, email);
	const good = user ? await verifyPassword(user.passwordHash, request.password) : await verifyAgainstDecoy(request.password);
	if (!user || !good) {
		await noteFailedSignIn(db, keys, now);
		return fail('invalid_credentials');
	}
	const session = await db.transaction(async (tx) => {
		await clearSignInFailures(tx, keys);
		return rotateSession(tx, user.id, request.previousToken, now);
	});
	return ok({ userId: user.id, session });
}
