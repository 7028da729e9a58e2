import type { MembershipRole } from './vocabulary';

/** A membership as the policies see it: which body, which role. */
export interface ActorMembership {
	bodyId: string;
	role: MembershipRole;
	/** The delegation the seat acts for, when it is one (a Member State, an organisation). */
	organisationId?: string | null;
}

/** Who is acting. Anonymous visitors have no user id and no memberships. */
export interface Actor {
	userId: string | null;
	personId: string | null;
	email: string | null;
	displayName: string | null;
	isAdmin: boolean;
	memberships: ActorMembership[];
}

export const ANONYMOUS: Actor = Object.freeze({
	userId: null,
	personId: null,
	email: null,
	displayName: null,
	isAdmin: false,
	memberships: []
}) as Actor;
