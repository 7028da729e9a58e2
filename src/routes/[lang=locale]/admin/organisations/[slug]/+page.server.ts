import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { organisationInput } from '$lib/core/organisations/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { updateOrganisation } from '$lib/server/actions/organisations';
import { findOrganisationBySlug } from '$lib/server/repositories/organisations';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	if (!can(actor, 'organisation.update')) error(403, 'Forbidden');
	const organisation = await findOrganisationBySlug(await db(), params.slug);
	if (!organisation) error(404, 'Not found');
	return { organisation };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const organisation = await findOrganisationBySlug(d, params.slug);
		if (!organisation) error(404, 'Not found');
		const form = await parseForm(request, organisationInput);
		if (!form.ok) return form.failure;
		const result = await updateOrganisation(d, actor, organisation.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/organisations?saved=1`);
	}
};
