import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { postingActor } from '$lib/server/admin/outcomes';
import { generateAnalysis } from '$lib/server/actions/analysis';
import { writeQuestionSummary, SUMMARY_LIMIT } from '$lib/server/actions/questionnaires';
import { versionLinks } from '$lib/server/contributions/compilation-links';
import { loadAnalysis } from '$lib/server/questionnaires/analysis';
import { analysisOrError } from '$lib/server/questionnaires/analysis-access';
import { questionnaireOr404 } from '$lib/server/questionnaires/page';
import { generatedVersions } from '$lib/server/repositories/generated-versions';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	// Public once the questionnaire has closed; before that, the secretariat's working view.
	const { questionnaire, structure, canAnalyse } = await analysisOrError(d, params.slug, locals.actor);
	const analysis = await loadAnalysis(d, questionnaire, locals.locale, structure);
	const found = await generatedVersions(d, questionnaire.analysisDocumentId);
	return {
		analysis,
		document: found && { slug: found.slug, versions: found.versions.map((v, i) => versionLinks(locals.locale, found.slug, v.number, v.publishedAt, found.versions[i + 1]?.number ?? null)) },
		canSummarise: canAnalyse,
		canGenerate: canAnalyse && analysis.questionnaire.phase === 'closed' && questionnaire.published,
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
	},
	/** The secretariat generates the next version of the analysis document. */
	generate: async ({ locals, params }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { questionnaire } = await questionnaireOr404(d, params.slug, actor);
		const result = await generateAnalysis(d, actor, questionnaire.id);
		if (!result.ok) {
			if (result.error === 'forbidden') error(403, 'Forbidden');
			if (result.error === 'not_found') error(404, 'Not found');
			return fail(409, { question: '', problems: { _form: { key: 'questionnaires.analysis.notClosedForDocument' as const } } });
		}
		redirect(303, `/${locals.locale}/questionnaires/${questionnaire.slug}/analysis?saved=${result.value.created ? 'generated' : 'unchanged'}#document`);
	}
};
