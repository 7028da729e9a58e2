import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handlePersons } from '$lib/server/api/persons';

export const GET: RequestHandler = async ({ url }) => handlePersons(await db(), url, 'csv');
