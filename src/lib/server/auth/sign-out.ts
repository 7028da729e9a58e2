import { ok, type Result } from '../../core/shared/result';
import type { DbOrTx } from '../db/client';
import { deleteSession } from './sessions';

/** signOut: ends the session of this token; `ended` is false when there was none (already signed out). */
export async function signOut(db: DbOrTx, token: string | null | undefined): Promise<Result<{ ended: boolean }, never>> {
	return ok({ ended: token ? await deleteSession(db, token) : false });
}
