import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findOrganisationById, findPersonBySlug } from '$lib/server/repositories/organisations';
import { listContributions } from '$lib/server/repositories/contributions';
import { seatsOf } from '$lib/server/repositories/seats';

export const load: PageServerLoad = async ({ params }) => {
	const d = await db();
	const person = await findPersonBySlug(d, params.slug);
	if (!person) error(404, 'Not found');
	const [contributions, seats, organisation] = await Promise.all([
		listContributions(d, { personId: person.id }),
		seatsOf(d, { personId: person.id }),
		person.organisationId ? findOrganisationById(d, person.organisationId) : Promise.resolve(undefined)
	]);
	// Only public facts about a person: never their account, e-mail or gender.
	return {
		person: { slug: person.slug, name: person.name, honorific: person.honorific },
		organisation: organisation ? { slug: organisation.slug, name: organisation.name, names: organisation.names } : null,
		contributions,
		seats
	};
};
