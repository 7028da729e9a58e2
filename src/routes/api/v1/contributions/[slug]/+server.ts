import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleContribution } from '$lib/server/api/contributions';

export const GET: RequestHandler = async ({ url, params }) => handleContribution(await db(), url, params.slug);
