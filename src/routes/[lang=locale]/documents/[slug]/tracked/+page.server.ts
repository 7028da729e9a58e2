import type { PageServerLoad } from './$types';
import { isInPlay } from '$lib/core/shared/vocabulary';
import { trackChanges } from '$lib/core/drafting';
import { db } from '$lib/server/runtime';
import { listAmendments } from '$lib/server/repositories/amendments';
import { versionTextOf } from '$lib/server/repositories/versions';
import { draftOr404, presentAmendment } from '$lib/server/drafting/draft-page';
import { toDraftAmendment } from '$lib/server/drafting/draft-amendment';
import { amendmentLabels } from '$lib/server/drafting/labels';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const d = await db();
	const draft = await draftOr404(d, params.slug, locals.actor);
	const current = (await listAmendments(d, draft.document.id, { versionId: draft.version.id })).filter((a) => !a.outdated && !a.appliedInVersionId);
	// Without a choice: every amendment still in play (proposed or accepted). With `a=`: exactly those.
	const chosen = url.searchParams.getAll('a').map(Number).filter(Number.isInteger);
	const shown = chosen.length > 0 ? current.filter((a) => chosen.includes(a.number)) : current.filter((a) => isInPlay(a.status));
	const presented = shown.map((a) => presentAmendment(a, locals.locale));
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		version: draft.version.number,
		chosen: chosen.length > 0,
		amendments: presented.map((a) => ({ id: a.id, number: a.number, status: a.status, proposers: a.proposers })),
		labels: amendmentLabels(presented),
		units: trackChanges(versionTextOf(draft.units), shown.map(toDraftAmendment))
	};
};
