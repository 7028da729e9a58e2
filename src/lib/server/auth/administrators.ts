import { administratorInput, emailField } from '../../core/accounts/schemas';
import { fail, ok, type Result } from '../../core/shared/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import { findUserByEmail, insertPersonForAccount, insertUser, setAdministrator } from '../repositories/users';
import { invalidDetail } from './invalid';
import { hashPassword } from './passwords';
import { uniqueViolation } from './unique-violation';

export type AdministratorOutcome = 'created' | 'promoted' | 'unchanged';
export type AdministratorError = 'invalid' | 'email_taken';

export interface AdministratorRequest {
	email: string;
	name: string;
	password: string;
	/** When the e-mail already has an account: make that account an administrator (its password is kept). */
	promote?: boolean;
}

/**
 * createAdministrator (for `plenary admin create`): creates an administrator's account and person.
 * Safe to run twice: an e-mail that already has an account is refused as 'email_taken' and nothing
 * changes — unless `promote` is set, in which case that account becomes an administrator
 * ('promoted'), or stays one ('unchanged'). The audit log names the system as the actor.
 * 'invalid' carries `problems` (field → catalog key or zod code) in its detail.
 */
export async function createAdministrator(
	db: Db,
	request: AdministratorRequest
): Promise<Result<{ userId: string; outcome: AdministratorOutcome }, AdministratorError>> {
	const email = emailField.safeParse(request.email);
	if (!email.success) return fail('invalid', invalidDetail(administratorInput.safeParse(request).error!));
	const existing = await findUserByEmail(db, email.data);
	if (existing) {
		if (!request.promote) return fail('email_taken', { userId: existing.id, isAdmin: existing.isAdmin });
		if (existing.isAdmin) return ok({ userId: existing.id, outcome: 'unchanged' });
		await db.transaction(async (tx) => {
			await setAdministrator(tx, existing.id, true);
			await recordAudit(tx, 'system', {
				action: 'user.promote',
				entityType: 'user',
				entityId: existing.id,
				summary: `${existing.displayName} <${existing.email}> made an administrator`,
				changes: { isAdmin: { from: false, to: true } }
			});
		});
		return ok({ userId: existing.id, outcome: 'promoted' });
	}

	const parsed = administratorInput.safeParse(request);
	if (!parsed.success) return fail('invalid', invalidDetail(parsed.error));
	const { name, password } = parsed.data;
	const passwordHash = await hashPassword(password);
	for (let attempt = 1; ; attempt++) {
		try {
			const userId = await db.transaction(async (tx) => {
				const person = await insertPersonForAccount(tx, name);
				const user = await insertUser(tx, { email: email.data, passwordHash, displayName: name, personId: person.id, isAdmin: true });
				await recordAudit(tx, 'system', {
					action: 'user.createAdministrator',
					entityType: 'user',
					entityId: user.id,
					summary: `Administrator ${name} <${email.data}> created`,
					changes: {
						email: { from: null, to: email.data },
						displayName: { from: null, to: name },
						isAdmin: { from: null, to: true },
						person: { from: null, to: person.slug }
					}
				});
				return user.id;
			});
			return ok({ userId, outcome: 'created' });
		} catch (e) {
			const constraint = uniqueViolation(e);
			if (constraint === null) throw e;
			if (constraint === 'persons_slug_unique' && attempt < 5) continue;
			if (constraint === 'users_email_unique' || (await findUserByEmail(db, email.data))) return fail('email_taken');
			throw e;
		}
	}
}
