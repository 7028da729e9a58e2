import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleContribution } from '$lib/server/api/contributions';

// The session's actor: a signed-in reader may also get a held contribution they may see.
export const GET: RequestHandler = async ({ url, params, locals }) => handleContribution(await db(), url, params.slug, locals.actor);
