import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { bodyInput } from '$lib/core/bodies/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { createBody } from '$lib/server/actions/bodies';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!can(signedInActor(locals, url), 'body.create')) error(403, 'Forbidden');
	return {};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = postingActor(locals);
		const form = await parseForm(request, bodyInput);
		if (!form.ok) return form.failure;
		const result = await createBody(await db(), actor, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${result.value.slug}?saved=1`);
	}
};
