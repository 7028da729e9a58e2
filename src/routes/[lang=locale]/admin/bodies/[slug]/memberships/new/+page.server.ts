import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { membershipInput } from '$lib/core/memberships/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { bodyOr404 } from '$lib/server/not-found';
import { organisationChoices } from '$lib/server/admin/select-options';
import { createMembership } from '$lib/server/actions/memberships';
import { listOrganisations } from '$lib/server/repositories/organisations';
import { listPersonOptions } from '$lib/server/repositories/person-writes';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	if (!can(actor, 'membership.create', body.id)) error(403, 'Forbidden');
	const [organisations, persons] = await Promise.all([listOrganisations(d), listPersonOptions(d, can(actor, 'user.update'))]);
	return {
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		organisations: organisationChoices(organisations, locals.locale),
		persons,
		// A link from elsewhere (e.g. a person's page) may choose the person in advance.
		preset: { role: url.searchParams.get('role') ?? 'member', personId: url.searchParams.get('personId') ?? '' }
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await bodyOr404(d, params.slug);
		const form = await parseForm(request, membershipInput);
		if (!form.ok) return form.failure;
		const result = await createMembership(d, actor, body.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?saved=1#memberships`);
	}
};
