import { buildOpenApi, OPENAPI_MEDIA_TYPE } from '../../core/api/openapi';
import { problem } from '../../core/api/params';
import { jsonAnswer, problemAnswer } from './respond';

let built: unknown = null;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, built once per process (it never changes while running). */
export function handleOpenApi(): Response {
	built ??= buildOpenApi();
	return jsonAnswer(built, { contentType: OPENAPI_MEDIA_TYPE });
}

/** Any other address under /api/v1: a 404 problem that points to the description of the API. */
export function handleUnknownAddress(url: URL): Response {
	return problemAnswer(problem(404, `There is no open-data address ${url.pathname}. The addresses are described at /api/v1/openapi.json.`));
}
