import type { PageServerLoad } from './$types';
import { API_BASE, csvPath, ENDPOINTS, LIST_ENDPOINTS, OPENAPI_PATH } from '$lib/core/api/endpoints';
import { LIMIT_DEFAULT, LIMIT_MAX } from '$lib/core/api/params';
import { db } from '$lib/server/runtime';
import { listBodies } from '$lib/server/repositories/bodies';

/**
 * The open-data page lists the API's endpoints from their one declaration, as plain data (the
 * zod schemas stay on the server), with each body's filtered lists as examples.
 */
export const load: PageServerLoad = async () => {
	const bodies = await listBodies(await db());
	return {
		openapi: `${API_BASE}${OPENAPI_PATH}`,
		lists: LIST_ENDPOINTS.map((e) => ({ name: e.name, json: `${API_BASE}${e.path}`, csv: `${API_BASE}${csvPath(e)}`, filters: [...e.filters] })),
		items: ENDPOINTS.filter((e) => e.kind === 'item').map((e) => ({ name: e.name, path: `${API_BASE}${e.path}` })),
		bodyLists: LIST_ENDPOINTS.filter((e) => e.filters.includes('body')).map((e) => ({ name: e.name, json: `${API_BASE}${e.path}`, csv: `${API_BASE}${csvPath(e)}` })),
		bodies: bodies.map((b) => ({ slug: b.slug, name: b.name, lang: b.lang })),
		limits: { json: LIMIT_DEFAULT.json, csv: LIMIT_DEFAULT.csv, max: LIMIT_MAX }
	};
};
