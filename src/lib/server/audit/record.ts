import type { Actor } from '../../core/shared/actor';
import type { DbOrTx } from '../db/client';
import { auditEvents } from '../db/schema';

export interface AuditInput {
	action: string;
	entityType: string;
	entityId?: string | null;
	bodyId?: string | null;
	summary?: string;
	changes?: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Who made a change: an actor, the system (imports), or a questionnaire's respondent — whose
 * identity the log never records, so that the audit cannot tie answers to a person.
 */
export type AuditActor = Actor | 'system' | 'respondent';

/** Who the audit log names: a person's display name and e-mail, the system, or "respondent". */
export function actorLabel(actor: AuditActor): string {
	if (actor === 'system' || actor === 'respondent') return actor;
	if (!actor.userId) return 'anonymous';
	return actor.displayName ? `${actor.displayName} <${actor.email}>` : (actor.email ?? actor.userId);
}

/** Writes one audit event; call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, input: AuditInput): Promise<void> {
	await tx.insert(auditEvents).values({
		actorUserId: actor === 'system' || actor === 'respondent' ? null : actor.userId,
		actorLabel: actorLabel(actor),
		action: input.action,
		entityType: input.entityType,
		entityId: input.entityId ?? null,
		bodyId: input.bodyId ?? null,
		summary: input.summary ?? '',
		changes: input.changes ?? {}
	});
}

/** The fields that differ between two versions of a record, as {field: {from, to}}. */
export function changedFields<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
	const out: Record<string, { from: unknown; to: unknown }> = {};
	for (const key of Object.keys(after)) {
		if (key === 'updatedAt' || key === 'createdAt' || key === 'passwordHash') continue;
		const from = before ? (before[key] ?? null) : null;
		const to = after[key] ?? null;
		if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
	}
	return out;
}
