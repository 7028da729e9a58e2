import { asc, eq, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { organisations, persons } from '../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

export async function listOrganisations(db: DbOrTx): Promise<OrganisationRow[]> {
	return db.select().from(organisations).orderBy(asc(organisations.name));
}

export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
	const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
	return row;
}

export async function findOrganisationById(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
	const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
	return row;
}

export async function listPersons(db: DbOrTx): Promise<PersonRow[]> {
	return db.select().from(persons).orderBy(asc(persons.name));
}

export async function findPersonBySlug(db: DbOrTx, slug: string): Promise<PersonRow | undefined> {
	const [row] = await db.select().from(persons).where(eq(persons.slug, slug)).limit(1);
	return row;
}

export async function findPersonById(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
	const [row] = await db.select().from(persons).where(eq(persons.id, id)).limit(1);
	return row;
}

export async function searchOrganisations(db: DbOrTx, q: string, limit = 20): Promise<OrganisationRow[]> {
	const like = `%${q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
	return db
		.select()
		.from(organisations)
		.where(or(ilike(organisations.name, like), eq(organisations.iso2, q.toUpperCase())))
		.orderBy(asc(organisations.name))
		.limit(limit);
}
