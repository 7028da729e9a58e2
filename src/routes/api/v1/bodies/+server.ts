import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleBodies } from '$lib/server/api/bodies';

export const GET: RequestHandler = async ({ url }) => handleBodies(await db(), url);
