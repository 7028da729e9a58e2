import { changePasswordForm } from '../../core/accounts/schemas';
import { throttleKeys } from '../../core/accounts/throttle-rule';
import { fail, ok, type Result } from '../../core/shared/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { findUserById, setPasswordHash } from '../repositories/users';
import { invalidDetail } from './invalid';
import { hashPassword, verifyPassword } from './passwords';
import { actorOfUser } from './register';
import { deleteSessionsOfUser } from './sessions';
import { clearSignInFailures, noteFailedSignIn, signInThrottle } from './throttle';

export type ChangePasswordError = 'invalid' | 'not_found' | 'wrong_password' | 'throttled';

/**
 * changePassword: a signed-in person replaces their password, proving they know the current one
 * (a borrowed or stolen session alone is not enough). Wrong guesses count against the same
 * throttle as sign-in. Every other session of the account ends; the one in use stays.
 */
export async function changePassword(
	db: Db,
	request: { userId: string; current: string; password: string; keepSessionToken?: string | null; now?: Date }
): Promise<Result<void, ChangePasswordError>> {
	const parsed = changePasswordForm.safeParse(request);
	if (!parsed.success) return fail('invalid', invalidDetail(parsed.error));
	const now = request.now ?? new Date();
	const user = await findUserById(db, request.userId);
	if (!user) return fail('not_found');
	const keys = throttleKeys(user.email, null);
	const state = await signInThrottle(db, keys, now);
	if (state.locked) return fail('throttled', { retryAfterMinutes: state.retryAfterMinutes });
	if (!(await verifyPassword(user.passwordHash, parsed.data.current))) {
		await noteFailedSignIn(db, keys, now);
		return fail('wrong_password');
	}
	const passwordHash = await hashPassword(parsed.data.password);
	await db.transaction(async (tx) => {
		await setPasswordHash(tx, user.id, passwordHash);
		await deleteSessionsOfUser(tx, user.id, request.keepSessionToken);
		await clearSignInFailures(tx, keys);
		await recordAudit(tx, actorOfUser(user), {
			action: 'user.changePassword',
			entityType: 'user',
			entityId: user.id,
			summary: `Password changed by ${user.email}`
		});
	});
	return ok(undefined);
}
