import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { bodies, memberships, persons, users } from '../db/schema';

/** A user as the administrators' list shows them: never the password hash. */
export interface AdminUserView {
	id: string;
	email: string;
	displayName: string;
	isAdmin: boolean;
	createdAt: Date;
	person: { id: string; slug: string; name: string } | null;
	memberships: { id: string; role: string; body: { id: string; slug: string; shortName: string } }[];
}

/** Every user with their person and seats, by name. */
export async function listUsersForAdmin(db: DbOrTx): Promise<AdminUserView[]> {
	const rows = await db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			isAdmin: users.isAdmin,
			createdAt: users.createdAt,
			personId: persons.id,
			personSlug: persons.slug,
			personName: persons.name
		})
		.from(users)
		.leftJoin(persons, eq(persons.id, users.personId))
		.orderBy(asc(users.displayName), asc(users.email));
	const personIds = rows.map((r) => r.personId).filter((id): id is string => id !== null);
	const seats = personIds.length
		? await db
				.select({ id: memberships.id, personId: memberships.personId, role: memberships.role, bodyId: bodies.id, slug: bodies.slug, shortName: bodies.shortName })
				.from(memberships)
				.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
				.where(inArray(memberships.personId, personIds))
				.orderBy(asc(bodies.periodStart), asc(bodies.shortName))
		: [];
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		displayName: r.displayName,
		isAdmin: r.isAdmin,
		createdAt: r.createdAt,
		person: r.personId ? { id: r.personId, slug: r.personSlug!, name: r.personName! } : null,
		memberships: seats
			.filter((s) => s.personId === r.personId)
			.map((s) => ({ id: s.id, role: s.role, body: { id: s.bodyId, slug: s.slug, shortName: s.shortName } }))
	}));
}

/**
 * The ids of the current administrators, their rows locked until the transaction ends, so two
 * administrators cannot each remove the other and leave nobody in charge.
 */
export async function lockAdministrators(db: DbOrTx): Promise<string[]> {
	const rows = await db.select({ id: users.id }).from(users).where(eq(users.isAdmin, true)).orderBy(asc(users.id)).for('update');
	return rows.map((r) => r.id);
}

/** Links a user to a person record, only if the user has none yet; true when it did. */
export async function linkUserToPerson(db: DbOrTx, userId: string, personId: string): Promise<boolean> {
	const done = await db
		.update(users)
		.set({ personId, updatedAt: new Date() })
		.where(and(eq(users.id, userId), isNull(users.personId)))
		.returning({ id: users.id });
	return done.length > 0;
}
