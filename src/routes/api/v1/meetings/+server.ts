import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleMeetings } from '$lib/server/api/meetings';

export const GET: RequestHandler = async ({ url }) => handleMeetings(await db(), url);
