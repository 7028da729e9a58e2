import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { presentQuestionnaire } from '$lib/server/questionnaires/present';
import { closingDay, openingDay, questionnaireOr404 } from '$lib/server/questionnaires/page';
import { responseCounts } from '$lib/server/repositories/questionnaires';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const { questionnaire, body, structure } = await questionnaireOr404(d, params.slug, locals.actor);
	const can = abilities(locals.actor, body.id);
	const view = presentQuestionnaire(questionnaire, structure, locals.locale);
	return {
		questionnaire: view,
		opensOn: openingDay(questionnaire),
		closesOn: closingDay(questionnaire),
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		can: { update: Boolean(can['questionnaire.update']), analyse: Boolean(can['questionnaire.analyse']) },
		// How many have answered is the secretariat's working figure; the public reads the analysis.
		counts: can['questionnaire.analyse'] ? await responseCounts(d, questionnaire.id) : null
	};
};
