import { can } from '../policies/policies';
import type { Actor } from '../shared/actor';

/**
 * Who may read held (unpublished) contributions, as facts a database query can test: the
 * secretariat of their body and their own submitters, nobody else. A held contribution is
 * readable by an actor when any of these holds:
 * - the actor manages contributions of every body (`all`: an administrator);
 * - the actor manages the contributions of its body (`secretariatOf`, from `contribution.manage`);
 * - the actor's account submitted it (`userId` = its `createdByUserId`);
 * - a **confirmed** submitter is the actor's person, or a delegation the actor sits for in its body
 *   (`delegations`). A co-submitter that has not confirmed is not yet a submitter.
 *
 * Example: a member of WGEC 2016–2018 seated for Brazil reads a held contribution of that body
 * whose submitters are Brazil (confirmed) and Egypt (pending); a member seated for Egypt does not,
 * until Egypt confirms; the body's secretariat reads every held contribution of the body.
 */
export interface HeldReader {
	all: boolean;
	secretariatOf: string[];
	userId: string;
	personId: string | null;
	delegations: { bodyId: string; organisationId: string }[];
}

/** The held contributions `actor` may read, as a `HeldReader`; null for an anonymous visitor (published ones only). */
export function heldReader(actor: Actor): HeldReader | null {
	if (!actor.userId) return null;
	const bodies = [...new Set(actor.memberships.map((m) => m.bodyId))];
	const delegations = new Map<string, { bodyId: string; organisationId: string }>();
	for (const m of actor.memberships) if (m.organisationId) delegations.set(`${m.bodyId}|${m.organisationId}`, { bodyId: m.bodyId, organisationId: m.organisationId });
	return {
		// `contribution.manage` without a body is granted only to those who manage every body.
		all: can(actor, 'contribution.manage', null),
		secretariatOf: bodies.filter((b) => can(actor, 'contribution.manage', b)).sort(),
		userId: actor.userId,
		personId: actor.personId,
		delegations: [...delegations.values()]
	};
}

/** A held contribution as `mayReadHeld` needs it: its body, its account and its submitters with their confirmation. */
export interface HeldFacts {
	bodyId: string;
	createdByUserId: string | null;
	submitters: readonly { organisationId: string | null; personId: string | null; confirmed: boolean }[];
}

/**
 * The rule of `HeldReader` for one contribution in memory: the same test the database queries
 * make, for code and tests that hold the rows already.
 */
export function mayReadHeld(reader: HeldReader | null, c: HeldFacts): boolean {
	if (!reader) return false;
	if (reader.all || reader.secretariatOf.includes(c.bodyId)) return true;
	if (c.createdByUserId !== null && c.createdByUserId === reader.userId) return true;
	return c.submitters.some(
		(s) =>
			s.confirmed &&
			((reader.personId !== null && s.personId === reader.personId) ||
				(s.organisationId !== null && reader.delegations.some((d) => d.bodyId === c.bodyId && d.organisationId === s.organisationId)))
	);
}
