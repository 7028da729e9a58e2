import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { bodies, categories, memberships, organisations, persons } from '../db/schema';

export type BodyRow = typeof bodies.$inferSelect;

export async function listBodies(db: DbOrTx): Promise<BodyRow[]> {
	return db.select().from(bodies).orderBy(asc(bodies.periodStart), asc(bodies.name));
}

export async function findBodyBySlug(db: DbOrTx, slug: string): Promise<BodyRow | undefined> {
	const [row] = await db.select().from(bodies).where(eq(bodies.slug, slug)).limit(1);
	return row;
}

export async function findBodyById(db: DbOrTx, id: string): Promise<BodyRow | undefined> {
	const [row] = await db.select().from(bodies).where(eq(bodies.id, id)).limit(1);
	return row;
}

export async function listCategories(db: DbOrTx, bodyId: string) {
	return db.select().from(categories).where(eq(categories.bodyId, bodyId)).orderBy(asc(categories.position));
}

export interface MembershipView {
	id: string;
	role: string;
	stakeholderGroup: string | null;
	termStart: string | null;
	termEnd: string | null;
	note: string | null;
	organisation: { id: string; slug: string; name: string; names: Record<string, string>; kind: string } | null;
	person: { id: string; slug: string; name: string; honorific: string | null } | null;
}

/** A body's memberships with their delegation and person, chairs first. */
export async function listMemberships(db: DbOrTx, bodyId: string): Promise<MembershipView[]> {
	const rows = await db
		.select({ m: memberships, o: organisations, p: persons })
		.from(memberships)
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.leftJoin(persons, eq(persons.id, memberships.personId))
		.where(eq(memberships.bodyId, bodyId))
		.orderBy(
			sql`case ${memberships.role} when 'chair' then 0 when 'vice_chair' then 1 when 'secretariat' then 2 when 'coordinator' then 3 when 'member' then 4 else 5 end`,
			asc(memberships.createdAt)
		);
	return rows.map(({ m, o, p }) => ({
		id: m.id,
		role: m.role,
		stakeholderGroup: m.stakeholderGroup,
		termStart: m.termStart,
		termEnd: m.termEnd,
		note: m.note,
		organisation: o ? { id: o.id, slug: o.slug, name: o.name, names: o.names, kind: o.kind } : null,
		person: p ? { id: p.id, slug: p.slug, name: p.name, honorific: p.honorific } : null
	}));
}
