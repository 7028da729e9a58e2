import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { isCalendarDate } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import { signedInActor } from '$lib/server/admin/outcomes';
import { auditFacets, auditReferenceNames, listAuditEvents } from '$lib/server/repositories/audit';
import { listBodies } from '$lib/server/repositories/bodies';

/** A short text filter from the query string: trimmed, bounded, or null. */
const text = (v: string | null, max: number) => {
	const s = v?.trim() ?? '';
	return s ? s.slice(0, max) : null;
};

/**
 * The audit log: administrators read every event; the secretariat of a body reads that body's
 * events only (events about shared records, such as organisations, have no body and stay with
 * the administrators). Everybody else gets 403.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const bodies = await listBodies(d);
	const viewAll = can(actor, 'audit.viewAll');
	const visible = viewAll ? bodies : bodies.filter((b) => can(actor, 'audit.view', b.id));
	if (!viewAll && visible.length === 0) error(403, 'Forbidden');

	const q = url.searchParams;
	const bodySlug = text(q.get('body'), 80);
	let body: (typeof bodies)[number] | undefined;
	if (bodySlug) {
		body = bodies.find((b) => b.slug === bodySlug);
		if (!body) error(404, 'Not found');
		if (!visible.includes(body)) error(403, 'Forbidden');
	}
	const rawFrom = text(q.get('from'), 10);
	const rawTo = text(q.get('to'), 10);
	const from = rawFrom && isCalendarDate(rawFrom) ? rawFrom : null;
	const to = rawTo && isCalendarDate(rawTo) ? rawTo : null;
	const filters = {
		body: body?.slug ?? '',
		action: text(q.get('action'), 100) ?? '',
		entity: text(q.get('entity'), 100) ?? '',
		actor: text(q.get('actor'), 200) ?? '',
		from: from ?? '',
		to: to ?? ''
	};
	const page = Number.parseInt(q.get('page') ?? '1', 10);
	const visibleBodies = viewAll ? ('all' as const) : visible.map((b) => b.id);
	const [result, facets] = await Promise.all([
		listAuditEvents(d, {
			visibleBodies,
			bodyId: body?.id ?? null,
			action: filters.action || null,
			entityType: filters.entity || null,
			actor: filters.actor || null,
			from,
			to,
			page: Number.isFinite(page) ? page : 1
		}),
		auditFacets(d, visibleBodies)
	]);
	return {
		result,
		names: await auditReferenceNames(d, result.events),
		facets,
		filters,
		ignoredDate: Boolean((rawFrom && !from) || (rawTo && !to)),
		body: body ? { slug: body.slug, shortName: body.shortName, lang: body.lang } : null,
		bodies: visible.map((b) => ({ slug: b.slug, shortName: b.shortName, lang: b.lang })),
		viewAll
	};
};
