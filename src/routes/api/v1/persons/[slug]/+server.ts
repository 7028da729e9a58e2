import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { handlePerson } from '$lib/server/api/persons';

export const GET: RequestHandler = async ({ url, params }) => handlePerson(await db(), url, params.slug);
