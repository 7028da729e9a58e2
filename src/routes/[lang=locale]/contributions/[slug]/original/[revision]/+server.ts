import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { originalOfRevision } from '$lib/server/repositories/contribution-reads';
import { contributionOr404 } from '$lib/server/contributions/contribution-page';
import { attachmentHeaders } from '$lib/server/contributions/download';

/**
 * The original file a revision was converted from, byte for byte, as a download: never shown
 * inline (an uploaded file is not trusted to be what it says), under the same rule as the page —
 * a held contribution's file only for its submitters and the secretariat.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!/^[1-9][0-9]{0,5}$/.test(params.revision)) error(404, 'Not found');
	const d = await db();
	const { contribution } = await contributionOr404(d, params.slug, locals.actor);
	const file = await originalOfRevision(d, contribution.id, Number(params.revision));
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), { headers: attachmentHeaders(file) });
};
