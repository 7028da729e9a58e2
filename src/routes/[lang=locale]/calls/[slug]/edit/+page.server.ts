import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { callInput } from '$lib/core/contributions/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { updateCall } from '$lib/server/actions/calls';
import { callFormValues, callOr404 } from '$lib/server/contributions/call-page';
import { contributionFailure } from '$lib/server/contributions/outcomes';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const { call, body, framework } = await callOr404(d, params.slug);
	if (!can(actor, 'call.update', body.id)) error(403, 'Forbidden');
	return {
		call: { slug: call.slug, title: call.title },
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		values: callFormValues(call, framework)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { call } = await callOr404(d, params.slug);
		const form = await parseForm(request, callInput);
		if (!form.ok) return form.failure;
		const result = await updateCall(d, actor, call.id, form.data);
		if (!result.ok) return contributionFailure(result, form.values);
		redirect(303, `/${locals.locale}/calls/${result.value.slug}?saved=updated`);
	}
};
