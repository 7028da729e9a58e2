import type { RequestHandler } from './$types';
import { handleOpenApi } from '$lib/server/api/openapi';

export const GET: RequestHandler = () => handleOpenApi();
