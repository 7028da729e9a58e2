import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleQuestionnaire } from '$lib/server/api/questionnaires';

export const GET: RequestHandler = async ({ url, params }) => handleQuestionnaire(await db(), url, params.slug);
