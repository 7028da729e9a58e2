import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { compositionOf } from '$lib/core/bodies/composition';
import { db } from '$lib/server/runtime';
import { bodyOr404 } from '$lib/server/not-found';
import { listCategories, listMemberships } from '$lib/server/repositories/bodies';
import { listMeetings } from '$lib/server/repositories/meetings';
import { listDocuments } from '$lib/server/repositories/documents';
import { listContributions } from '$lib/server/repositories/contributions';
import { listCalls } from '$lib/server/repositories/calls';
import { presentCall } from '$lib/server/contributions/call-page';
import { compilationLinks } from '$lib/server/contributions/compilation-links';
import { listedQuestionnaires } from '$lib/server/questionnaires/page';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	const [memberships, meetings, documents, contributions, categories, calls] = await Promise.all([
		listMemberships(d, body.id),
		listMeetings(d, body.id),
		listDocuments(d, { bodyId: body.id }),
		listContributions(d, { bodyId: body.id }),
		listCategories(d, body.id),
		listCalls(d, body.id)
	]);
	const can = abilities(locals.actor, body.id);
	return {
		body,
		memberships,
		composition: compositionOf(memberships),
		meetings,
		documents,
		contributions,
		categories,
		calls: await Promise.all(
			calls.map(async (c) => {
				const v = presentCall(c, []);
				// The latest published compilation of each call is read from here, without an account.
				const compilation = await compilationLinks(d, c, locals.locale);
				return { slug: v.slug, title: v.title, opensOn: v.opensOn, closesOn: v.closesOn, phase: v.phase, compilationTitle: c.compilationTitle || c.title, latest: compilation?.versions[0] ?? null };
			})
		),
		questionnaires: await listedQuestionnaires(d, body.id, locals.locale, Boolean(can['questionnaire.update'])),
		can
	};
};
