import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { bodies, memberships, organisations, persons } from '../db/schema';

/** The seats an organisation or a person holds, across bodies, with the body's name. */
export async function seatsOf(db: DbOrTx, who: { organisationId?: string; personId?: string }) {
	const where = who.organisationId ? eq(memberships.organisationId, who.organisationId) : eq(memberships.personId, who.personId!);
	const rows = await db
		.select({ m: memberships, b: bodies, o: organisations, p: persons })
		.from(memberships)
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.leftJoin(persons, eq(persons.id, memberships.personId))
		.where(where)
		.orderBy(asc(bodies.periodStart));
	return rows.map(({ m, b, o, p }) => ({
		id: m.id,
		role: m.role,
		stakeholderGroup: m.stakeholderGroup,
		body: { slug: b.slug, name: b.name, lang: b.lang },
		organisation: o ? { slug: o.slug, name: o.name, names: o.names } : null,
		person: p ? { slug: p.slug, name: p.name } : null
	}));
}
