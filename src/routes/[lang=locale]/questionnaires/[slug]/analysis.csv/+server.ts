import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { translator } from '$lib/i18n/translate';
import { analysisFileHeaders, readableAnalysis } from '$lib/server/questionnaires/analysis-access';
import { analysisCsv } from '$lib/server/questionnaires/analysis-export';

/** The analysis's protected tables as CSV, in tidy long form; readable by whoever may read the analysis page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { access, view } = await readableAnalysis(await db(), params.slug, locals.actor, locals.locale);
	return new Response(analysisCsv(view, translator(locals.locale)('questionnaires.analysis.all')), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${access.questionnaire.slug}-analysis.csv"`,
			...analysisFileHeaders(access)
		}
	});
};
