import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { compositionOf } from '$lib/core/bodies/composition';
import { db } from '$lib/server/runtime';
import { findBodyBySlug, listCategories, listMemberships } from '$lib/server/repositories/bodies';
import { listMeetings } from '$lib/server/repositories/meetings';
import { listDocuments } from '$lib/server/repositories/documents';
import { listContributions } from '$lib/server/repositories/contributions';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const body = await findBodyBySlug(d, params.slug);
	if (!body) error(404, 'Not found');
	const [memberships, meetings, documents, contributions, categories] = await Promise.all([
		listMemberships(d, body.id),
		listMeetings(d, body.id),
		listDocuments(d, { bodyId: body.id }),
		listContributions(d, { bodyId: body.id }),
		listCategories(d, body.id)
	]);
	return {
		body,
		memberships,
		composition: compositionOf(memberships),
		meetings,
		documents,
		contributions,
		categories,
		can: abilities(locals.actor, body.id)
	};
};
