import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { abilities, can } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { signedInActor } from '$lib/server/admin/outcomes';
import { listBodies } from '$lib/server/repositories/bodies';

/** The administration index: links to what the actor may do, and nothing else. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = signedInActor(locals, url);
	const all = await listBodies(await db());
	const bodies = all
		.map((b) => ({ slug: b.slug, name: b.name, shortName: b.shortName, lang: b.lang, can: abilities(actor, b.id) }))
		.filter((b) => b.can['body.update'] || b.can['membership.create'] || b.can['meeting.create']);
	const global = abilities(actor);
	const audit = Boolean(global['audit.viewAll'] || all.some((b) => can(actor, 'audit.view', b.id)));
	const anything =
		bodies.length > 0 || global['body.create'] || global['organisation.create'] || global['person.create'] || global['user.list'] || global['outbox.view'] || audit;
	if (!anything) error(403, 'Forbidden');
	return { bodies, can: global, audit };
};
