import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { loadAnswerPage, postAnswers } from '$lib/server/questionnaires/answer-page';

export const load: PageServerLoad = async (event) => loadAnswerPage(await db(), event, event.params.slug, event.params.token);

export const actions: Actions = {
	save: async (event) => postAnswers(await db(), event, event.params.slug, event.params.token, false),
	submit: async (event) => postAnswers(await db(), event, event.params.slug, event.params.token, true)
};
