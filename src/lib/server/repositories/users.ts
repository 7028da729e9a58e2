import { eq, like, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { persons, users } from '../db/schema';
import { personSlugBase, uniqueSlug } from '../../core/accounts/person-slug';

export type UserRow = typeof users.$inferSelect;

/** The account with this (already normalised, lower-case) e-mail address. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
	return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
	return row;
}

/**
 * Creates the person an account stands for, with a slug made from the name and numbered when
 * taken ("ana-perez", "ana-perez-2"…). Under concurrent registrations two may pick the same slug;
 * the unique index then refuses one, and the caller retries.
 */
export async function insertPersonForAccount(db: DbOrTx, name: string): Promise<{ id: string; slug: string }> {
	const base = personSlugBase(name);
	const taken = await db
		.select({ slug: persons.slug })
		.from(persons)
		.where(or(eq(persons.slug, base), like(persons.slug, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)));
	const slug = uniqueSlug(base, new Set(taken.map((t) => t.slug)));
	const [row] = await db.insert(persons).values({ slug, name }).returning({ id: persons.id, slug: persons.slug });
	return row;
}

export async function insertUser(
	db: DbOrTx,
	values: { email: string; passwordHash: string; displayName: string; personId: string | null; isAdmin?: boolean; preferredLocale?: string | null }
): Promise<UserRow> {
	const [row] = await db.insert(users).values(values).returning();
	return row;
}

export async function setPasswordHash(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
	await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function setAdministrator(db: DbOrTx, userId: string, isAdmin: boolean): Promise<void> {
	await db.update(users).set({ isAdmin, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** The person an account stands for, for the account page. */
export async function personOfUser(db: DbOrTx, personId: string | null): Promise<{ id: string; slug: string; name: string } | undefined> {
	if (!personId) return undefined;
	const [row] = await db.select({ id: persons.id, slug: persons.slug, name: persons.name }).from(persons).where(eq(persons.id, personId)).limit(1);
	return row;
}
