import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleDocuments } from '$lib/server/api/documents';

export const GET: RequestHandler = async ({ url }) => handleDocuments(await db(), url);
