import { actsForSecretariat } from '../../core/contributions/eligibility';
import type { CallPhase } from '../../core/contributions/window';
import { can } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { ContributionStatus } from '../../core/shared/vocabulary';

/** A submitter row as stored: an organisation or a person, confirmed or pending. */
export interface SubmitterRef {
	organisationId: string | null;
	personId: string | null;
	confirmed: boolean;
}

/** What the page needs of a contribution to decide who may see it and act on it. */
export interface ContributionFacts {
	bodyId: string;
	callId: string | null;
	published: boolean;
	status: ContributionStatus;
	createdByUserId: string | null;
}

/** Where a reader stands towards one contribution. */
export interface ContributionAccess {
	/** Acts for the body's secretariat (or administers the installation). */
	secretariat: boolean;
	/** Speaks for it as the commands understand it: the account that submitted it, a confirmed submitting delegation or person. */
	speaksFor: boolean;
	/** Named on it in any way, pending co-submitters included. */
	named: boolean;
	/** A delegation the reader sits for is named as co-submitter and has not confirmed. */
	mayConfirm: boolean;
	/** May read it at all: published, or the reader is the secretariat or named on it. */
	mayRead: boolean;
}

/**
 * Where `actor` stands towards a contribution. A held (unpublished) contribution is readable only
 * by its submitters and the secretariat — a pending co-submitter counts, since it must read what it
 * is asked to confirm. Speaking for it follows the revise and withdraw commands' own rule.
 */
export function contributionAccess(actor: Actor, c: ContributionFacts, submitters: readonly SubmitterRef[]): ContributionAccess {
	const secretariat = actsForSecretariat(actor, c.bodyId);
	const delegations = new Set(actor.memberships.filter((m) => m.bodyId === c.bodyId && m.organisationId).map((m) => m.organisationId as string));
	const isMine = (s: SubmitterRef) => (s.organisationId !== null && delegations.has(s.organisationId)) || (s.personId !== null && s.personId === actor.personId);
	const author = actor.userId !== null && c.createdByUserId === actor.userId;
	const speaksFor = author || submitters.some((s) => s.confirmed && isMine(s));
	const named = author || submitters.some(isMine);
	const mayConfirm = actor.userId !== null && submitters.some((s) => !s.confirmed && s.organisationId !== null && delegations.has(s.organisationId));
	return { secretariat, speaksFor, named, mayConfirm, mayRead: c.published || secretariat || named };
}

/** The actions a contribution's page offers the reader, as the server allows them. */
export interface ContributionAbilities {
	revise: boolean;
	withdraw: boolean;
	confirm: boolean;
	manage: boolean;
}

/**
 * What the reader may do on a contribution's page. Revising needs the call open unless the reader
 * is the secretariat; nothing is revised or withdrawn once withdrawn; managing is the policy's
 * `contribution.manage`.
 */
export function contributionAbilities(actor: Actor, c: ContributionFacts, access: ContributionAccess, phase: CallPhase | null): ContributionAbilities {
	const live = c.status !== 'withdrawn';
	return {
		revise: live && c.callId !== null && phase !== null && can(actor, 'contribution.revise', c.bodyId) && (access.secretariat || (access.speaksFor && phase === 'open')),
		withdraw: live && can(actor, 'contribution.withdraw', c.bodyId) && (access.secretariat || access.speaksFor),
		confirm: access.mayConfirm && can(actor, 'contribution.confirm', c.bodyId),
		manage: can(actor, 'contribution.manage', c.bodyId)
	};
}
