import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { signedInActor } from '$lib/server/admin/outcomes';
import { listOrganisations } from '$lib/server/repositories/organisations';

export const load: PageServerLoad = async ({ locals, url }) => {
	const can = abilities(signedInActor(locals, url));
	if (!can['organisation.create'] && !can['organisation.update']) error(403, 'Forbidden');
	const rows = await listOrganisations(await db());
	return {
		organisations: rows.map((o) => ({ id: o.id, slug: o.slug, name: o.name, names: o.names, kind: o.kind, iso2: o.iso2, region: o.region, stakeholderGroup: o.stakeholderGroup })),
		can,
		saved: url.searchParams.has('saved')
	};
};
