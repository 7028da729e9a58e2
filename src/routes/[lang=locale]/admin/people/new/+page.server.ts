import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { personInput } from '$lib/core/people/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { organisationChoices } from '$lib/server/admin/select-options';
import { createPerson } from '$lib/server/actions/persons';
import { listOrganisations } from '$lib/server/repositories/organisations';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!can(signedInActor(locals, url), 'person.create')) error(403, 'Forbidden');
	return { organisations: organisationChoices(await listOrganisations(await db()), locals.locale) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = postingActor(locals);
		const form = await parseForm(request, personInput);
		if (!form.ok) return form.failure;
		const result = await createPerson(await db(), actor, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/people?saved=1`);
	}
};
