import { and, asc, count, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditEvents, bodies, organisations, persons } from '../db/schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export interface AuditFilter {
	/**
	 * Which bodies' events the reader may see: 'all' for an administrator, otherwise the ids of
	 * the bodies whose log they may read (events without a body are then left out).
	 */
	visibleBodies: 'all' | string[];
	bodyId?: string | null;
	action?: string | null;
	entityType?: string | null;
	/** Part of the actor's name or e-mail, or a user id. */
	actor?: string | null;
	/** First day included, YYYY-MM-DD (UTC). */
	from?: string | null;
	/** Last day included, YYYY-MM-DD (UTC). */
	to?: string | null;
	page?: number;
	pageSize?: number;
}

export interface AuditEventView extends AuditEventRow {
	body: { slug: string; shortName: string } | null;
}

export interface AuditPage {
	events: AuditEventView[];
	total: number;
	page: number;
	pageSize: number;
	pages: number;
}

export const AUDIT_PAGE_SIZE = 50;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function nextDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

function conditions(filter: AuditFilter): SQL | undefined {
	const where: (SQL | undefined)[] = [];
	if (filter.visibleBodies !== 'all') {
		// Nothing visible: a condition that is never true, rather than an empty IN list.
		where.push(filter.visibleBodies.length ? inArray(auditEvents.bodyId, filter.visibleBodies) : sql`false`);
	}
	if (filter.bodyId) where.push(eq(auditEvents.bodyId, filter.bodyId));
	if (filter.action) where.push(eq(auditEvents.action, filter.action));
	if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
	if (filter.actor) {
		const like = `%${filter.actor.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
		where.push(ID.test(filter.actor) ? eq(auditEvents.actorUserId, filter.actor) : ilike(auditEvents.actorLabel, like));
	}
	if (filter.from) where.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) where.push(lt(auditEvents.at, new Date(`${nextDay(filter.to)}T00:00:00Z`)));
	return and(...where);
}

/** One page of audit events matching the filter, newest first, with the body each concerns. */
export async function listAuditEvents(db: DbOrTx, filter: AuditFilter): Promise<AuditPage> {
	const pageSize = Math.min(Math.max(filter.pageSize ?? AUDIT_PAGE_SIZE, 1), 200);
	const where = conditions(filter);
	const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(where);
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(Math.trunc(filter.page ?? 1), 1), pages);
	const rows = await db
		.select({ e: auditEvents, slug: bodies.slug, shortName: bodies.shortName })
		.from(auditEvents)
		.leftJoin(bodies, eq(bodies.id, auditEvents.bodyId))
		.where(where)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return {
		events: rows.map((r) => ({ ...r.e, body: r.slug ? { slug: r.slug, shortName: r.shortName! } : null })),
		total,
		page,
		pageSize,
		pages
	};
}

/** The actions and entity types that occur in the events the reader may see, for the filter's menus. */
export async function auditFacets(db: DbOrTx, visibleBodies: 'all' | string[]): Promise<{ actions: string[]; entityTypes: string[] }> {
	const where = conditions({ visibleBodies });
	const [actions, types] = await Promise.all([
		db.selectDistinct({ v: auditEvents.action }).from(auditEvents).where(where).orderBy(auditEvents.action),
		db.selectDistinct({ v: auditEvents.entityType }).from(auditEvents).where(where).orderBy(auditEvents.entityType)
	]);
	return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}

/**
 * Names for the person and organisation ids that audit events mention (a membership's
 * `personId`, `organisationId`), so the log can say who rather than show an id. Ids of records
 * deleted since are simply missing.
 */
export async function auditReferenceNames(db: DbOrTx, events: Pick<AuditEventRow, 'changes'>[]): Promise<Record<string, string>> {
	const ids = new Set<string>();
	for (const e of events) {
		for (const [field, c] of Object.entries(e.changes)) {
			if (field !== 'personId' && field !== 'organisationId') continue;
			for (const v of [c.from, c.to]) if (typeof v === 'string' && ID.test(v)) ids.add(v);
		}
	}
	if (ids.size === 0) return {};
	const list = [...ids];
	const [people, orgs] = await Promise.all([
		db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, list)),
		db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, list))
	]);
	return Object.fromEntries([...people, ...orgs].map((r) => [r.id, r.name]));
}

/** The events of one record, oldest first: a record's public history (its pages show no e-mail address). */
export async function listAuditFor(db: DbOrTx, entityType: string, entityId: string): Promise<AuditEventRow[]> {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
		.orderBy(asc(auditEvents.at));
}
