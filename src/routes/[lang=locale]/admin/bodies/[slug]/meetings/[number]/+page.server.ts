import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { meetingInput } from '$lib/core/meetings/schemas';
import { db } from '$lib/server/runtime';
import type { DbOrTx } from '$lib/server/db/client';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { deleteMeeting, updateMeeting } from '$lib/server/actions/meetings';
import { findBodyBySlug } from '$lib/server/repositories/bodies';
import { findMeeting } from '$lib/server/repositories/meetings';

/** The body and the meeting the address names, or 404. */
async function meetingOf(d: DbOrTx, slug: string, number: string) {
	if (!/^[1-9][0-9]{0,3}$/.test(number)) error(404, 'Not found');
	const body = await findBodyBySlug(d, slug);
	const meeting = body ? await findMeeting(d, body.id, Number(number)) : undefined;
	if (!body || !meeting) error(404, 'Not found');
	return { body, meeting };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const { body, meeting } = await meetingOf(await db(), params.slug, params.number);
	const allowed = abilities(actor, body.id);
	if (!allowed['meeting.update'] && !allowed['meeting.delete']) error(403, 'Forbidden');
	return { body: { slug: body.slug, shortName: body.shortName, lang: body.lang }, meeting, can: allowed };
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { body, meeting } = await meetingOf(d, params.slug, params.number);
		const form = await parseForm(request, meetingInput);
		if (!form.ok) return form.failure;
		const result = await updateMeeting(d, actor, meeting.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?saved=1#meetings`);
	},
	delete: async ({ locals, params }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { body, meeting } = await meetingOf(d, params.slug, params.number);
		const result = await deleteMeeting(d, actor, meeting.id);
		if (!result.ok) return failedOutcome(result);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?deleted=1#meetings`);
	}
};
