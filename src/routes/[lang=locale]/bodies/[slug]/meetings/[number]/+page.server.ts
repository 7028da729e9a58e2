import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { db } from '$lib/server/runtime';
import { findBodyBySlug } from '$lib/server/repositories/bodies';
import { findMeeting } from '$lib/server/repositories/meetings';
import { listDocuments } from '$lib/server/repositories/documents';
import { listContributions } from '$lib/server/repositories/contributions';

/** A meeting's public page: number, dates, venue, remote participation, its documents and contributions. */
export const load: PageServerLoad = async ({ params, locals }) => {
	if (!/^[1-9][0-9]{0,3}$/.test(params.number)) error(404, 'Not found');
	const d = await db();
	const body = await findBodyBySlug(d, params.slug);
	const meeting = body ? await findMeeting(d, body.id, Number(params.number)) : undefined;
	if (!body || !meeting) error(404, 'Not found');
	const [documents, contributions] = await Promise.all([listDocuments(d, { meetingId: meeting.id }), listContributions(d, { meetingId: meeting.id })]);
	return {
		body: { slug: body.slug, name: body.name, shortName: body.shortName, lang: body.lang },
		meeting,
		documents,
		contributions,
		can: abilities(locals.actor, body.id)
	};
};
