import type { Actor } from '../shared/actor';
import type { MembershipRole } from '../shared/vocabulary';

/**
 * Who may do what, declared once. Everything not listed here is denied.
 *
 * A grant names who is allowed:
 * - 'admin'            — an administrator of the installation;
 * - 'anyone'           — anyone, signed in or not (answering an open questionnaire);
 * - 'signed_in'        — any signed-in person;
 * - a membership role  — a person holding that role in the body the action concerns
 *                        (e.g. 'secretariat' of WGEC 2016–2018 may add its meetings);
 * - 'any:<role>'       — a person holding that role in any body (e.g. a secretariat may add an
 *                        organisation, which is shared across bodies).
 *
 * Pages receive the resulting abilities from the server; nothing re-derives them in the browser.
 */
export type Grant = 'admin' | 'anyone' | 'signed_in' | MembershipRole | `any:${MembershipRole}`;

export const POLICIES = {
	'body.create': ['admin'],
	'body.update': ['admin', 'secretariat'],
	'organisation.create': ['admin', 'any:secretariat'],
	'organisation.update': ['admin', 'any:secretariat'],
	'person.create': ['admin', 'any:secretariat'],
	'person.update': ['admin', 'any:secretariat'],
	'membership.create': ['admin', 'secretariat'],
	'membership.update': ['admin', 'secretariat'],
	'membership.delete': ['admin', 'secretariat'],
	'meeting.create': ['admin', 'secretariat'],
	'meeting.update': ['admin', 'secretariat'],
	'meeting.delete': ['admin', 'secretariat'],
	'call.create': ['admin', 'secretariat'],
	'call.update': ['admin', 'secretariat'],
	// Who may answer a call is the call's own rule (members, observers, anyone): the command
	// checks it, and that the actor is a submitter for revisions, withdrawals and confirmations.
	'contribution.submit': ['signed_in'],
	'contribution.revise': ['signed_in'],
	'contribution.withdraw': ['signed_in'],
	'contribution.confirm': ['signed_in'],
	'contribution.manage': ['admin', 'secretariat'],
	'compilation.generate': ['admin', 'secretariat'],
	'questionnaire.create': ['admin', 'secretariat'],
	'questionnaire.update': ['admin', 'secretariat'],
	'questionnaire.analyse': ['admin', 'secretariat'],
	// Whether an account is needed, and whether the questionnaire is open, is the questionnaire's
	// own rule: the command checks both.
	'questionnaire.respond': ['anyone'],
	'version.create': ['chair', 'secretariat'],
	'amendment.propose': ['member', 'vice_chair'],
	'amendment.withdraw': ['member', 'vice_chair', 'secretariat'],
	'amendment.decide': ['chair', 'secretariat'],
	'comment.create': ['chair', 'vice_chair', 'member', 'observer', 'secretariat', 'coordinator'],
	'comment.resolve': ['chair', 'secretariat'],
	'audit.view': ['admin', 'secretariat'],
	'audit.viewAll': ['admin'],
	'outbox.view': ['admin'],
	'user.list': ['admin'],
	'user.update': ['admin'],
	'account.view': ['signed_in']
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof POLICIES;
export const ACTIONS = Object.keys(POLICIES) as Action[];

/** Actions whose grants refer to a particular body (they need a bodyId to be allowed by role). */
export const BODY_SCOPED: ReadonlySet<Action> = new Set(
	ACTIONS.filter((a) => (POLICIES[a] as readonly Grant[]).some((g) => g !== 'admin' && g !== 'anyone' && g !== 'signed_in' && !g.startsWith('any:')))
);

/** May `actor` do `action` (in the body `bodyId`, for body-scoped actions)? Deny unless a grant allows. */
export function can(actor: Actor, action: Action, bodyId?: string | null): boolean {
	const grants = POLICIES[action] as readonly Grant[] | undefined;
	if (!grants) return false;
	for (const grant of grants) {
		if (grant === 'anyone') {
			return true;
		} else if (grant === 'admin') {
			if (actor.isAdmin) return true;
		} else if (grant === 'signed_in') {
			if (actor.userId) return true;
		} else if (grant.startsWith('any:')) {
			const role = grant.slice(4);
			if (actor.memberships.some((m) => m.role === role)) return true;
		} else if (bodyId) {
			if (actor.memberships.some((m) => m.bodyId === bodyId && m.role === grant)) return true;
		}
	}
	return false;
}

/** Every action the actor may take in a body's context: what a page may offer. */
export function abilities(actor: Actor, bodyId?: string | null): Partial<Record<Action, true>> {
	const out: Partial<Record<Action, true>> = {};
	for (const a of ACTIONS) if (can(actor, a, bodyId)) out[a] = true;
	return out;
}
