import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { translator } from '$lib/i18n/translate';
import { loadAnalysis } from '$lib/server/questionnaires/analysis';
import { analysisOrError } from '$lib/server/questionnaires/analysis-access';
import { analysisCsv } from '$lib/server/questionnaires/analysis-export';

/** The analysis's protected tables as CSV, in tidy long form; readable by whoever may read the analysis page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const d = await db();
	const access = await analysisOrError(d, params.slug, locals.actor);
	const view = await loadAnalysis(d, access.questionnaire, locals.locale, access.structure);
	return new Response(analysisCsv(view, translator(locals.locale)('questionnaires.analysis.all')), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${access.questionnaire.slug}-analysis.csv"`,
			'x-content-type-options': 'nosniff',
			...(access.isPublic ? { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } : { 'cache-control': 'private, no-store' })
		}
	});
};
