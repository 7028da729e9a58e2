import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { bodyOr404 } from '$lib/server/not-found';
import { createQuestionnaire } from '$lib/server/actions/questionnaires';
import { emptyForm } from '$lib/server/questionnaires/build-form';
import { handleBuilderPost } from '$lib/server/questionnaires/builder-page';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	if (!can(actor, 'questionnaire.create', body.id)) error(403, 'Forbidden');
	return { body: { slug: body.slug, shortName: body.shortName, lang: body.lang }, builder: emptyForm(locals.locale) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await bodyOr404(d, params.slug);
		if (!can(actor, 'questionnaire.create', body.id)) error(403, 'Forbidden');
		const outcome = await handleBuilderPost(request, (input) => createQuestionnaire(d, actor, body.id, input));
		if ('saved' in outcome) redirect(303, `/${locals.locale}/questionnaires/${outcome.saved.slug}?saved=created`);
		return 'shown' in outcome ? outcome.shown : outcome;
	}
};
