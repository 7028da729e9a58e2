import { listEndpoint } from '../../core/api/endpoints';
import { problem } from '../../core/api/params';
import type { DbOrTx } from '../db/client';
import { presentCitedResponse, presentQuestionnaire } from '../presenters/questionnaire';
import { pageOfCitedResponses, pageOfQuestionnaires, questionnaireDataBySlug, questionnaireIdBySlug } from '../repositories/open-data-questionnaires';
import { resolveBody } from './filters';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/questionnaires (and questionnaires.csv), optionally ?body=<slug>. */
export function handleQuestionnaires(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('questionnaires'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const page = await pageOfQuestionnaires(db, { limit: q.limit, offset: q.offset, bodyId: body.bodyId });
		return { records: page.rows.map(presentQuestionnaire), total: page.total };
	});
}

/** GET /api/v1/questionnaires/{slug}. */
export function handleQuestionnaire(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'questionnaire', slug, async (s) => {
		const data = await questionnaireDataBySlug(db, s);
		return data && presentQuestionnaire(data);
	});
}

/** GET /api/v1/questionnaire-responses (and .csv), optionally ?questionnaire=<slug>: cited responses only. */
export function handleQuestionnaireResponses(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('questionnaire-responses'), form, async (q) => {
		let questionnaireId: string | undefined;
		if (q.questionnaire !== undefined) {
			questionnaireId = await questionnaireIdBySlug(db, q.questionnaire);
			if (!questionnaireId) return { problem: problem(404, `No questionnaire has the slug "${q.questionnaire}" (given as the questionnaire parameter).`) };
		}
		const page = await pageOfCitedResponses(db, { limit: q.limit, offset: q.offset, questionnaireId });
		return { records: page.rows.map(presentCitedResponse), total: page.total };
	});
}
