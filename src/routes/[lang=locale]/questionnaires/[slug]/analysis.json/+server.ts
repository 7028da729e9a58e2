import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { translator } from '$lib/i18n/translate';
import { analysisFileHeaders, readableAnalysis } from '$lib/server/questionnaires/analysis-access';
import { analysisJson } from '$lib/server/questionnaires/analysis-export';

/** The analysis's protected tables and frequent terms as JSON; readable by whoever may read the analysis page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { access, view } = await readableAnalysis(await db(), params.slug, locals.actor, locals.locale);
	return new Response(JSON.stringify(analysisJson(view, translator(locals.locale)('questionnaires.analysis.all'))), {
		headers: { 'content-type': 'application/json; charset=utf-8', ...analysisFileHeaders(access) }
	});
};
