import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleDocument } from '$lib/server/api/documents';

export const GET: RequestHandler = async ({ url, params }) => handleDocument(await db(), url, params.slug);
