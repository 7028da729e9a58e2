import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleContributions } from '$lib/server/api/contributions';

export const GET: RequestHandler = async ({ url }) => handleContributions(await db(), url);
