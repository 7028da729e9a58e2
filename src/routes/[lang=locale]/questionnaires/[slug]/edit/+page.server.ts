import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { updateQuestionnaire } from '$lib/server/actions/questionnaires';
import { formOfQuestionnaire } from '$lib/server/questionnaires/build-form';
import { handleBuilderPost } from '$lib/server/questionnaires/builder-page';
import { questionnaireOr404 } from '$lib/server/questionnaires/page';
import { hasResponses } from '$lib/server/repositories/questionnaires';
import { textIn } from '$lib/core/questionnaires/questionnaire';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const { questionnaire, structure } = await questionnaireOr404(d, params.slug, actor);
	if (!can(actor, 'questionnaire.update', questionnaire.bodyId)) error(403, 'Forbidden');
	const title = textIn(questionnaire.title, locals.locale, questionnaire.originalLang);
	return {
		questionnaire: { slug: questionnaire.slug, title: { text: title.text, lang: title.lang } },
		builder: formOfQuestionnaire(questionnaire, structure),
		locked: await hasResponses(d, questionnaire.id)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { questionnaire } = await questionnaireOr404(d, params.slug, actor);
		if (!can(actor, 'questionnaire.update', questionnaire.bodyId)) error(403, 'Forbidden');
		const outcome = await handleBuilderPost(request, (input) => updateQuestionnaire(d, actor, questionnaire.id, input));
		if ('saved' in outcome) redirect(303, `/${locals.locale}/questionnaires/${outcome.saved.slug}?saved=updated`);
		return 'shown' in outcome ? outcome.shown : outcome;
	}
};
