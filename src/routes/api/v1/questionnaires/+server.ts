import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleQuestionnaires } from '$lib/server/api/questionnaires';

export const GET: RequestHandler = async ({ url }) => handleQuestionnaires(await db(), url);
