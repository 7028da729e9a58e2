import { can, type Action } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import { fail, ok, type Result } from '../../core/shared/result';
import { recordAudit, type AuditInput } from '../audit/record';
import type { Db, Tx } from '../db/client';

export type ActionError = 'forbidden' | 'not_found' | 'conflict' | 'invalid';

/** Raised inside a command to abort its transaction with a named outcome. */
export class ActionFailure extends Error {
	constructor(
		readonly code: ActionError,
		readonly detail?: Record<string, unknown>
	) {
		super(code);
	}
}

/**
 * Runs one command: a transaction in which the actor is authorised, the change is made and its
 * audit event written — all or nothing. The command returns its value and what to audit.
 */
export async function perform<T>(
	db: Db,
	actor: Actor,
	action: Action,
	scope: { bodyId?: string | null } | ((tx: Tx) => Promise<{ bodyId?: string | null } | null>),
	command: (tx: Tx) => Promise<{ value: T; audit: AuditInput }>
): Promise<Result<T, ActionError>> {
	try {
		const value = await db.transaction(async (tx) => {
			const resolved = typeof scope === 'function' ? await scope(tx) : scope;
			if (resolved === null) throw new ActionFailure('not_found');
			if (!can(actor, action, resolved.bodyId)) throw new ActionFailure('forbidden');
			const out = await command(tx);
			await recordAudit(tx, actor, { bodyId: resolved.bodyId, ...out.audit });
			return out.value;
		});
		return ok(value);
	} catch (e) {
		if (e instanceof ActionFailure) return fail(e.code, e.detail);
		if (isUniqueViolation(e)) return fail('conflict');
		throw e;
	}
}

function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
	return code === '23505';
}
