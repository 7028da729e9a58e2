import type { LayoutServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { actor, locale } = locals;
	return {
		locale,
		viewer: actor.userId ? { displayName: actor.displayName, email: actor.email, isAdmin: actor.isAdmin } : null,
		globalAbilities: abilities(actor)
	};
};
