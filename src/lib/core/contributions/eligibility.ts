import type { Actor } from '../shared/actor';
import type { CallEligibility } from '../shared/vocabulary';

/** Why an actor may not answer a call, or null when they may. */
export type IneligibleReason = 'sign_in' | 'not_member' | 'not_member_or_observer' | null;

/**
 * Whether an actor may answer a call by its own rule. The secretariat of the body and
 * administrators may always submit (for instance a contribution received by e-mail).
 */
export function ineligibility(actor: Actor, call: { bodyId: string; eligibility: CallEligibility }): IneligibleReason {
	if (!actor.userId) return 'sign_in';
	if (actor.isAdmin) return null;
	const roles = actor.memberships.filter((m) => m.bodyId === call.bodyId).map((m) => m.role);
	if (roles.includes('secretariat')) return null;
	if (call.eligibility === 'anyone') return null;
	const member = roles.some((r) => r === 'member' || r === 'chair' || r === 'vice_chair');
	if (call.eligibility === 'members') return member ? null : 'not_member';
	return member || roles.includes('observer') ? null : 'not_member_or_observer';
}

/** True when the actor acts for the body's secretariat (or administers the installation). */
export function actsForSecretariat(actor: Actor, bodyId: string): boolean {
	return actor.isAdmin || actor.memberships.some((m) => m.bodyId === bodyId && m.role === 'secretariat');
}
