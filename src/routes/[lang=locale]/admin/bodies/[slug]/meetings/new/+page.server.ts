import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { meetingInput } from '$lib/core/meetings/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { bodyOr404 } from '$lib/server/not-found';
import { createMeeting } from '$lib/server/actions/meetings';
import { listMeetings } from '$lib/server/repositories/meetings';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	if (!can(actor, 'meeting.create', body.id)) error(403, 'Forbidden');
	// Offer the next free number: meetings are usually added in order.
	const numbers = (await listMeetings(d, body.id)).map((m) => m.number);
	return {
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		nextNumber: String(numbers.length ? Math.max(...numbers) + 1 : 1)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await bodyOr404(d, params.slug);
		const form = await parseForm(request, meetingInput);
		if (!form.ok) return form.failure;
		const result = await createMeeting(d, actor, body.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?saved=1#meetings`);
	}
};
