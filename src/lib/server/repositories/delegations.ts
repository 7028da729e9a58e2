import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { memberships, organisations } from '../db/schema';

/** Roles whose delegations may propose amendments: the body's members. */
export const PROPOSING_ROLES = ['member', 'vice_chair'] as const;

export interface Delegation {
	organisationId: string;
	slug: string;
	name: string;
	names: Record<string, string>;
}

/** The member delegations of a body (organisations holding a member or vice-chair seat), by name. */
export async function listMemberDelegations(db: DbOrTx, bodyId: string): Promise<Delegation[]> {
	const rows = await db
		.selectDistinct({ organisationId: organisations.id, slug: organisations.slug, name: organisations.name, names: organisations.names })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(and(eq(memberships.bodyId, bodyId), inArray(memberships.role, [...PROPOSING_ROLES]), isNotNull(memberships.organisationId)))
		.orderBy(asc(organisations.name));
	return rows;
}
