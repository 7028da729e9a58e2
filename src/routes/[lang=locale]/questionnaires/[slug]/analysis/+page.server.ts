import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { postingActor } from '$lib/server/admin/outcomes';
import { writeQuestionSummary, SUMMARY_LIMIT } from '$lib/server/actions/questionnaires';
import { loadAnalysis } from '$lib/server/questionnaires/analysis';
import { questionnaireOr404 } from '$lib/server/questionnaires/page';
import { presentQuestionnaire } from '$lib/server/questionnaires/present';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const { questionnaire, body, structure } = await questionnaireOr404(d, params.slug, locals.actor);
	const analyse = can(locals.actor, 'questionnaire.analyse', body.id);
	const view = presentQuestionnaire(questionnaire, structure, locals.locale);
	// Public once the questionnaire has closed; before that, the secretariat's working view.
	if (view.phase !== 'closed' && !analyse) error(403, 'Forbidden');
	return {
		questionnaire: { slug: view.slug, title: view.title, phase: view.phase },
		analysis: await loadAnalysis(d, questionnaire, structure, locals.locale),
		canSummarise: analyse,
		summaryLimit: SUMMARY_LIMIT
	};
};

export const actions: Actions = {
	/** The secretariat writes its summary of one question's answers. */
	summary: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { questionnaire, structure } = await questionnaireOr404(d, params.slug, actor);
		const form = await request.formData().catch(() => null);
		const question = form?.get('question');
		const text = form?.get('text');
		if (typeof question !== 'string' || typeof text !== 'string' || !structure.questions.some((q) => q.id === question)) {
			return fail(400, { question: '', problems: { _form: { key: 'common.invalid' as const } } });
		}
		const result = await writeQuestionSummary(d, actor, question, text);
		if (!result.ok) {
			if (result.error === 'forbidden') error(403, 'Forbidden');
			if (result.error === 'not_found') error(404, 'Not found');
			return fail(400, { question, text, problems: { text: { key: 'common.tooLong' as const, values: { max: SUMMARY_LIMIT } } } });
		}
		redirect(303, `/${locals.locale}/questionnaires/${questionnaire.slug}/analysis?saved=summary#q-${question}`);
	}
};
