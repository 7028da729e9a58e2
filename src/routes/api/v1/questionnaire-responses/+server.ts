import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleQuestionnaireResponses } from '$lib/server/api/questionnaires';

export const GET: RequestHandler = async ({ url }) => handleQuestionnaireResponses(await db(), url);
