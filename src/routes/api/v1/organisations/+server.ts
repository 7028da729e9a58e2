import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handleOrganisations } from '$lib/server/api/organisations';

export const GET: RequestHandler = async ({ url }) => handleOrganisations(await db(), url);
