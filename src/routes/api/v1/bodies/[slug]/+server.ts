import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleBody } from '$lib/server/api/bodies';

export const GET: RequestHandler = async ({ url, params }) => handleBody(await db(), url, params.slug);
