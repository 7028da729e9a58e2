import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findOrganisationBySlug } from '$lib/server/repositories/organisations';
import { listContributions } from '$lib/server/repositories/contributions';
import { seatsOf } from '$lib/server/repositories/seats';
import { listBodies } from '$lib/server/repositories/bodies';

export const load: PageServerLoad = async ({ params }) => {
	const d = await db();
	const organisation = await findOrganisationBySlug(d, params.slug);
	if (!organisation) error(404, 'Not found');
	const [contributions, seats, bodies] = await Promise.all([
		listContributions(d, { organisationId: organisation.id }),
		seatsOf(d, { organisationId: organisation.id }),
		listBodies(d)
	]);
	// A delegation's record across bodies reads as one history, body by body.
	const bodyOf = new Map(bodies.map((b) => [b.id, { slug: b.slug, shortName: b.shortName, lang: b.lang }]));
	return { organisation, contributions: contributions.map((c) => ({ ...c, body: bodyOf.get(c.bodyId)! })), seats };
};
