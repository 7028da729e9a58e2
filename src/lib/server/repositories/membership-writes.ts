import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { memberships } from '../db/schema';

export type MembershipRow = typeof memberships.$inferSelect;
export type MembershipValues = Pick<MembershipRow, 'role' | 'stakeholderGroup' | 'organisationId' | 'personId' | 'termStart' | 'termEnd' | 'note'>;

/** One membership by id. */
export async function findMembershipById(db: DbOrTx, id: string): Promise<MembershipRow | undefined> {
	const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
	return row;
}

/** Inserts a seat in a body and returns it. */
export async function insertMembership(db: DbOrTx, bodyId: string, values: MembershipValues): Promise<MembershipRow> {
	const [row] = await db
		.insert(memberships)
		.values({ bodyId, ...values })
		.returning();
	return row;
}

/** Updates a seat's editable fields and returns the new row. */
export async function updateMembershipRow(db: DbOrTx, id: string, values: MembershipValues): Promise<MembershipRow> {
	const [row] = await db
		.update(memberships)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(memberships.id, id))
		.returning();
	return row;
}

export async function deleteMembershipRow(db: DbOrTx, id: string): Promise<void> {
	await db.delete(memberships).where(eq(memberships.id, id));
}
