import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { personInput } from '$lib/core/people/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { organisationChoices } from '$lib/server/admin/select-options';
import { updatePerson } from '$lib/server/actions/persons';
import { findPersonBySlug, listOrganisations } from '$lib/server/repositories/organisations';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	if (!can(actor, 'person.update')) error(403, 'Forbidden');
	const d = await db();
	const person = await findPersonBySlug(d, params.slug);
	if (!person) error(404, 'Not found');
	return { person, organisations: organisationChoices(await listOrganisations(d), locals.locale) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const person = await findPersonBySlug(d, params.slug);
		if (!person) error(404, 'Not found');
		const form = await parseForm(request, personInput);
		if (!form.ok) return form.failure;
		const result = await updatePerson(d, actor, person.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/people?saved=1`);
	}
};
