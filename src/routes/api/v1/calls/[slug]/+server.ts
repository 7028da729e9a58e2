import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleCall } from '$lib/server/api/calls';

export const GET: RequestHandler = async ({ url, params }) => handleCall(await db(), url, params.slug);
