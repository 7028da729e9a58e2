import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import type { Db } from '../db/client';
import { lockAdministrators } from '../repositories/admin-users';
import { findUserById, setAdministrator as setUserAdministrator } from '../repositories/users';
import { ActionFailure, perform, type ActionError } from './perform';

/**
 * Makes a user an administrator of the installation, or no longer one (administrators only).
 * Removing the last administrator is refused, so the installation always has someone in charge.
 * Outcomes: not_found; forbidden; conflict (detail.reason 'last_admin').
 */
export async function setAdministrator(db: Db, actor: Actor, userId: string, isAdmin: boolean): Promise<Result<{ userId: string; isAdmin: boolean }, ActionError>> {
	return perform(
		db,
		actor,
		'user.update',
		async (tx) => ((await findUserById(tx, userId)) ? { bodyId: null } : null),
		async (tx) => {
			const admins = await lockAdministrators(tx);
			const before = (await findUserById(tx, userId))!;
			if (!isAdmin && before.isAdmin && admins.length <= 1) throw new ActionFailure('conflict', { reason: 'last_admin' });
			if (before.isAdmin !== isAdmin) await setUserAdministrator(tx, userId, isAdmin);
			const changes: Record<string, { from: unknown; to: unknown }> = before.isAdmin === isAdmin ? {} : { isAdmin: { from: before.isAdmin, to: isAdmin } };
			return {
				value: { userId, isAdmin },
				audit: {
					action: 'user.setAdministrator',
					entityType: 'user',
					entityId: userId,
					summary: before.displayName,
					changes
				}
			};
		}
	);
}
