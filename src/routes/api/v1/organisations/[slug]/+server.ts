import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleOrganisation } from '$lib/server/api/organisations';

export const GET: RequestHandler = async ({ url, params }) => handleOrganisation(await db(), url, params.slug);
