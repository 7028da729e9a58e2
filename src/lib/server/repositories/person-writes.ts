import { asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { persons, users } from '../db/schema';
import type { PersonRow } from './organisations';

export type PersonValues = Pick<PersonRow, 'name' | 'slug' | 'honorific' | 'organisationId'>;

export async function insertPerson(db: DbOrTx, values: PersonValues): Promise<PersonRow> {
	const [row] = await db.insert(persons).values(values).returning();
	return row;
}

export async function updatePersonRow(db: DbOrTx, id: string, values: PersonValues): Promise<PersonRow> {
	const [row] = await db
		.update(persons)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(persons.id, id))
		.returning();
	return row;
}

/** A choice in the "person" select of a membership form. */
export interface PersonOption {
	/** A person's id, or `user:<id>` for a registered user without a person record. */
	value: string;
	name: string;
	honorific: string | null;
	/** The person is a registered user (so a seat gives them the role's abilities). */
	registered: boolean;
}

/**
 * Everyone a seat can be given to, by name: all persons (marking those who have an account) and,
 * when `includeUsersWithoutPerson`, registered users who have no person record yet.
 */
export async function listPersonOptions(db: DbOrTx, includeUsersWithoutPerson: boolean): Promise<PersonOption[]> {
	const rows = await db
		.select({ id: persons.id, name: persons.name, honorific: persons.honorific, userId: users.id })
		.from(persons)
		.leftJoin(users, eq(users.personId, persons.id))
		.orderBy(asc(persons.name));
	const seen = new Set<string>();
	const out: PersonOption[] = [];
	for (const r of rows) {
		if (seen.has(r.id)) continue;
		seen.add(r.id);
		out.push({ value: r.id, name: r.name, honorific: r.honorific, registered: r.userId !== null });
	}
	if (includeUsersWithoutPerson) {
		const loose = await db.select({ id: users.id, name: users.displayName }).from(users).where(isNull(users.personId)).orderBy(asc(users.displayName));
		for (const u of loose) out.push({ value: `user:${u.id}`, name: u.name, honorific: null, registered: true });
	}
	return out;
}
