import type { Actor } from '../../core/shared/actor';
import { fail, ok, type Result } from '../../core/shared/result';
import { registerForm } from '../../core/accounts/schemas';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { findUserByEmail, insertPersonForAccount, insertUser, type UserRow } from '../repositories/users';
import { invalidDetail } from './invalid';
import { hashPassword } from './passwords';
import { rotateSession, type NewSession } from './sessions';
import { uniqueViolation } from './unique-violation';

export type RegisterError = 'email_taken' | 'invalid';

export interface RegisterRequest {
	name: string;
	email: string;
	password: string;
	/** The language the person registered in, remembered for their mail. */
	locale?: string | null;
	/** The session token the browser came with, if any: it is replaced. */
	previousToken?: string | null;
	now?: Date;
}

export interface Registration {
	userId: string;
	personId: string;
	personSlug: string;
	/** Registration signs the person in: the new session to put in the cookie. */
	session: NewSession;
}

/** The audit log's view of an account acting on itself. */
export function actorOfUser(user: Pick<UserRow, 'id' | 'personId' | 'email' | 'displayName' | 'isAdmin'>): Actor {
	return { userId: user.id, personId: user.personId, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, memberships: [] };
}

/**
 * registerUser: creates an account, the person it stands for (so an administrator can later give
 * that person a seat in a body) and a session — all in one transaction with its audit event.
 * A taken e-mail address changes nothing and answers 'email_taken'.
 */
export async function registerUser(db: Db, request: RegisterRequest): Promise<Result<Registration, RegisterError>> {
	const parsed = registerForm.safeParse(request);
	if (!parsed.success) return fail('invalid', invalidDetail(parsed.error));
	const { name, email, password } = parsed.data;
	const now = request.now ?? new Date();
	if (await findUserByEmail(db, email)) return fail('email_taken');
	const passwordHash = await hashPassword(password);

	// Two registrations can race for a person slug (both see "ana" free); the loser retries.
	for (let attempt = 1; ; attempt++) {
		try {
			const value = await db.transaction(async (tx) => {
				const person = await insertPersonForAccount(tx, name);
				const user = await insertUser(tx, { email, passwordHash, displayName: name, personId: person.id, preferredLocale: request.locale ?? null });
				await recordAudit(tx, actorOfUser(user), {
					action: 'user.register',
					entityType: 'user',
					entityId: user.id,
					summary: `Registered ${name} <${email}>`,
					changes: {
						email: { from: null, to: email },
						displayName: { from: null, to: name },
						person: { from: null, to: person.slug }
					}
				});
				const session = await rotateSession(tx, user.id, request.previousToken, now);
				return { userId: user.id, personId: person.id, personSlug: person.slug, session };
			});
			return ok(value);
		} catch (e) {
			const constraint = uniqueViolation(e);
			if (constraint === null) throw e;
			if (constraint === 'persons_slug_unique' && attempt < 5) continue;
			// The same address registered a moment ago by another request.
			if (constraint === 'users_email_unique' || (await findUserByEmail(db, email))) return fail('email_taken');
			throw e;
		}
	}
}
