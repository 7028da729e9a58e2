import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { loadAnswerPage, postAnswers } from '$lib/server/questionnaires/answer-page';

export const load: PageServerLoad = async (event) => loadAnswerPage(await db(), event, event.params.slug, null);

export const actions: Actions = {
	save: async (event) => postAnswers(await db(), event, event.params.slug, null, false),
	submit: async (event) => postAnswers(await db(), event, event.params.slug, null, true)
};
