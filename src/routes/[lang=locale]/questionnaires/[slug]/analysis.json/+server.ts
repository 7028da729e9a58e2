import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { translator } from '$lib/i18n/translate';
import { loadAnalysis } from '$lib/server/questionnaires/analysis';
import { analysisOrError } from '$lib/server/questionnaires/analysis-access';
import { analysisJson } from '$lib/server/questionnaires/analysis-export';

/** The analysis's protected tables and frequent terms as JSON; readable by whoever may read the analysis page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const d = await db();
	const access = await analysisOrError(d, params.slug, locals.actor);
	const view = await loadAnalysis(d, access.questionnaire, locals.locale, access.structure);
	return new Response(JSON.stringify(analysisJson(view, translator(locals.locale)('questionnaires.analysis.all'))), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'x-content-type-options': 'nosniff',
			...(access.isPublic ? { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } : { 'cache-control': 'private, no-store' })
		}
	});
};
