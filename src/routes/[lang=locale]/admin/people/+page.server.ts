import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { signedInActor } from '$lib/server/admin/outcomes';
import { listPersonOptions } from '$lib/server/repositories/person-writes';
import { listPersons } from '$lib/server/repositories/organisations';

export const load: PageServerLoad = async ({ locals, url }) => {
	const can = abilities(signedInActor(locals, url));
	if (!can['person.create'] && !can['person.update']) error(403, 'Forbidden');
	const d = await db();
	const [persons, options] = await Promise.all([listPersons(d), listPersonOptions(d, false)]);
	const registered = new Set(options.filter((o) => o.registered).map((o) => o.value));
	return {
		persons: persons.map((p) => ({ id: p.id, slug: p.slug, name: p.name, honorific: p.honorific, registered: registered.has(p.id) })),
		can,
		saved: url.searchParams.has('saved')
	};
};
