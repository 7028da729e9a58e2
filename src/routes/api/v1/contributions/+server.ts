import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleContributions } from '$lib/server/api/contributions';

// The session's actor: a signed-in reader also gets the held contributions they may see.
export const GET: RequestHandler = async ({ url, locals }) => handleContributions(await db(), url, 'plain', locals.actor);
