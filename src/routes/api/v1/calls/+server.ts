import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleCalls } from '$lib/server/api/calls';

export const GET: RequestHandler = async ({ url }) => handleCalls(await db(), url);
