import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleMemberships } from '$lib/server/api/memberships';

export const GET: RequestHandler = async ({ url }) => handleMemberships(await db(), url);
