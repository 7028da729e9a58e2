import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { organisations } from '../db/schema';
import type { OrganisationRow } from './organisations';

export type OrganisationValues = Pick<
	OrganisationRow,
	'kind' | 'name' | 'names' | 'slug' | 'iso2' | 'iso3' | 'm49' | 'region' | 'subregion' | 'developmentStatus' | 'stakeholderGroup' | 'website'
>;

/** The organisation that holds an ISO 3166-1 alpha-2 code, if any. */
export async function findOrganisationByIso2(db: DbOrTx, iso2: string): Promise<OrganisationRow | undefined> {
	const [row] = await db.select().from(organisations).where(eq(organisations.iso2, iso2)).limit(1);
	return row;
}

export async function insertOrganisation(db: DbOrTx, values: OrganisationValues): Promise<OrganisationRow> {
	const [row] = await db.insert(organisations).values(values).returning();
	return row;
}

export async function updateOrganisationRow(db: DbOrTx, id: string, values: OrganisationValues): Promise<OrganisationRow> {
	const [row] = await db
		.update(organisations)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(organisations.id, id))
		.returning();
	return row;
}
