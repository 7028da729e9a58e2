import type { RequestHandler } from './$types';
import { handleUnknownAddress } from '$lib/server/api/openapi';

export const GET: RequestHandler = ({ url }) => handleUnknownAddress(url);
