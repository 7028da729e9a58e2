import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { bodies } from '../db/schema';
import type { BodyRow } from './bodies';

export type BodyValues = Pick<BodyRow, 'name' | 'shortName' | 'slug' | 'mandate' | 'lang' | 'periodStart' | 'periodEnd'>;

/** Inserts a body and returns it. */
export async function insertBody(db: DbOrTx, values: BodyValues): Promise<BodyRow> {
	const [row] = await db.insert(bodies).values(values).returning();
	return row;
}

/** Updates a body's editable fields and returns the new row. */
export async function updateBodyRow(db: DbOrTx, id: string, values: BodyValues): Promise<BodyRow> {
	const [row] = await db
		.update(bodies)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(bodies.id, id))
		.returning();
	return row;
}

/** Locks a body's row for the rest of the transaction and returns it. */
export async function lockBody(db: DbOrTx, id: string): Promise<BodyRow | undefined> {
	const [row] = await db.select().from(bodies).where(eq(bodies.id, id)).for('update');
	return row;
}
