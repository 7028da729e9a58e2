import { emailField, newPasswordField } from '../../core/accounts/schemas';
import { MAX_RESETS_PER_HOUR, resetExpiry, resetStatus, type ResetStatus } from '../../core/accounts/reset-rule';
import { throttleKeys } from '../../core/accounts/throttle-rule';
import { fail, ok, type Result } from '../../core/shared/result';
import type { Locale } from '../../core/shared/vocabulary';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/mailer';
import { MailDeliveryError } from '../mail/mailer';
import { countResetsSince, consumePasswordReset, findPasswordReset, insertPasswordReset, retireOpenResets } from '../repositories/password-resets';
import { findUserById, findUserByEmail, setPasswordHash } from '../repositories/users';
import { clearFailures } from '../repositories/sign-in-failures';
import { invalidDetail } from './invalid';
import { resetMail } from './reset-mail';
import { hashPassword } from './passwords';
import { actorOfUser } from './register';
import { deleteSessionsOfUser } from './sessions';
import { hashToken, newToken } from './tokens';

export interface ResetRequest {
	email: string;
	/** The language of the page the request came from; the mail is written in it and in English. */
	locale: Locale;
	/** The site's own address (https://plenary.example), to build the link. */
	origin: string;
	now?: Date;
}

/**
 * requestPasswordReset: when the address has an account, stores a new single-use link (its hash
 * only) valid for an hour and mails it. The caller answers the same whatever happened, so the
 * page never reveals whether an address has an account; `mailed` is for tests and logs only.
 * At most MAX_RESETS_PER_HOUR links per account and hour are sent.
 */
export async function requestPasswordReset(
	db: Db,
	mailer: Mailer,
	request: ResetRequest
): Promise<Result<{ mailed: boolean }, 'invalid'>> {
	const parsed = emailField.safeParse(request.email);
	if (!parsed.success) return fail('invalid');
	const now = request.now ?? new Date();
	const user = await findUserByEmail(db, parsed.data);
	if (!user) return ok({ mailed: false });
	if ((await countResetsSince(db, user.id, new Date(now.getTime() - 3_600_000))) >= MAX_RESETS_PER_HOUR) return ok({ mailed: false });

	const token = newToken();
	await insertPasswordReset(db, { tokenHash: hashToken(token), userId: user.id, expiresAt: resetExpiry(now), createdAt: now });
	const link = `${request.origin.replace(/\/+$/, '')}/${request.locale}/reset-password/${token}`;
	try {
		await mailer.send({ to: user.email, ...resetMail(request.locale, { link, name: user.displayName }) });
	} catch (e) {
		// Recorded in the outbox as failed (for an administrator to see); the person gets the usual answer.
		if (e instanceof MailDeliveryError) {
			console.error(`Plenary: a password-reset message could not be delivered (${e.message}).`);
			return ok({ mailed: false });
		}
		throw e;
	}
	return ok({ mailed: true });
}

/** What a reset link is worth right now, for the page that shows the new-password form. */
export async function passwordResetStatus(db: Db, token: string, now: Date = new Date()): Promise<ResetStatus> {
	if (!token || token.length > 200) return 'unknown';
	return resetStatus(await findPasswordReset(db, hashToken(token)), now);
}

export type ResetError = 'invalid' | 'unknown_token' | 'used_token' | 'expired_token';

/**
 * resetPassword: sets a new password through a reset link. The link is consumed in the same
 * transaction (a second use, or two at once, fail), the account's other links and all its
 * sessions end, its failed sign-ins are forgotten, and an audit event is written.
 */
export async function resetPassword(
	db: Db,
	request: { token: string; password: string; now?: Date }
): Promise<Result<{ userId: string; email: string }, ResetError>> {
	const parsed = newPasswordField.safeParse(request.password);
	if (!parsed.success) return fail('invalid', invalidDetail(parsed.error));
	const now = request.now ?? new Date();
	const status = await passwordResetStatus(db, request.token, now);
	if (status !== 'usable') return fail(`${status}_token` as const);
	const passwordHash = await hashPassword(parsed.data);

	const outcome = await db.transaction(async (tx) => {
		const consumed = await consumePasswordReset(tx, hashToken(request.token), now);
		if (!consumed) return null;
		const user = await findUserById(tx, consumed.userId);
		if (!user) return null;
		await setPasswordHash(tx, user.id, passwordHash);
		await retireOpenResets(tx, user.id, now);
		await deleteSessionsOfUser(tx, user.id);
		await clearFailures(tx, throttleKeys(user.email, null));
		await recordAudit(tx, actorOfUser(user), {
			action: 'user.resetPassword',
			entityType: 'user',
			entityId: user.id,
			summary: `Password reset through an e-mailed link for ${user.email}`
		});
		return { userId: user.id, email: user.email };
	});
	// Someone else used the link between our check and the transaction.
	return outcome ? ok(outcome) : fail('used_token');
}
