import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findOrganisationBySlug } from '$lib/server/repositories/organisations';
import { listContributions } from '$lib/server/repositories/contributions';
import { seatsOf } from '$lib/server/repositories/seats';

export const load: PageServerLoad = async ({ params }) => {
	const d = await db();
	const organisation = await findOrganisationBySlug(d, params.slug);
	if (!organisation) error(404, 'Not found');
	const [contributions, seats] = await Promise.all([
		listContributions(d, { organisationId: organisation.id }),
		seatsOf(d, { organisationId: organisation.id })
	]);
	return { organisation, contributions, seats };
};
