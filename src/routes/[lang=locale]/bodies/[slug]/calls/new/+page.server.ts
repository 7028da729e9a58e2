import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { callInput } from '$lib/core/contributions/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { bodyOr404 } from '$lib/server/not-found';
import { openCall } from '$lib/server/actions/calls';
import { contributionFailure } from '$lib/server/contributions/outcomes';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	if (!can(actor, 'call.create', body.id)) error(403, 'Forbidden');
	return {
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		// A month from today in the body's language: the usual shape of a call, changed at will.
		defaults: { eligibility: 'members', opensOn: day(0), closesOn: day(30), languages: [body.lang] }
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await bodyOr404(d, params.slug);
		const form = await parseForm(request, callInput);
		if (!form.ok) return form.failure;
		const result = await openCall(d, actor, body.id, form.data);
		if (!result.ok) return contributionFailure(result, form.values);
		redirect(303, `/${locals.locale}/calls/${result.value.slug}?saved=opened`);
	}
};
