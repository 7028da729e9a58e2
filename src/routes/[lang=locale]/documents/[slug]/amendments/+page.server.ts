import type { PageServerLoad } from './$types';
import { AMENDMENT_STATUSES, type AmendmentStatus, isInPlay } from '$lib/core/shared/vocabulary';
import { findConflicts } from '$lib/core/drafting';
import { db } from '$lib/server/runtime';
import { listAmendments } from '$lib/server/repositories/amendments';
import { draftOr404, presentAmendment } from '$lib/server/drafting/draft-page';
import { toDraftAmendment } from '$lib/server/drafting/draft-amendment';
import { versionTextOf } from '$lib/server/repositories/versions';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const d = await db();
	const draft = await draftOr404(d, params.slug, locals.actor);
	const status = url.searchParams.get('status');
	const delegation = url.searchParams.get('delegation');
	const all = await listAmendments(d, draft.document.id);
	const open = all.filter((a) => a.versionId === draft.version.id && !a.outdated && isInPlay(a.status) && !a.appliedInVersionId);
	const conflicts = findConflicts(versionTextOf(draft.units), open.map(toDraftAmendment));
	const conflictNumbers = new Map<string, number[]>();
	const numberOf = new Map(all.map((a) => [a.id, a.number]));
	for (const c of conflicts) {
		conflictNumbers.set(c.a, [...(conflictNumbers.get(c.a) ?? []), numberOf.get(c.b)!]);
		conflictNumbers.set(c.b, [...(conflictNumbers.get(c.b) ?? []), numberOf.get(c.a)!]);
	}
	const shown = all.filter((a) => (!status || !AMENDMENT_STATUSES.includes(status as AmendmentStatus) || a.status === status) && (!delegation || a.proposers.some((p) => p.slug === delegation)));
	const delegations = new Map(all.flatMap((a) => a.proposers.map((p) => [p.slug, p])));
	const unitNumber = new Map(draft.units.map((u) => [u.key, u.number]));
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		body: { slug: draft.body.slug, name: draft.body.name, lang: draft.body.lang },
		version: draft.version.number,
		can: draft.can,
		filter: { status: status ?? '', delegation: delegation ?? '' },
		delegations: [...delegations.values()].map((p) => ({ slug: p.slug, name: p.name })).sort((x, y) => x.name.localeCompare(y.name)),
		amendments: shown.map((a) => ({
			...presentAmendment(a, locals.locale),
			afterNumber: a.afterKey ? (unitNumber.get(a.afterKey) ?? null) : null,
			conflictsWith: conflictNumbers.get(a.id) ?? [],
			current: a.versionId === draft.version.id
		}))
	};
};
