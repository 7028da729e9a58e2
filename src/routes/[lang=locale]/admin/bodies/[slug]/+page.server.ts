import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { bodyInput } from '$lib/core/bodies/schemas';
import { recordIdInput } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { bodyOr404 } from '$lib/server/not-found';
import { updateBody } from '$lib/server/actions/bodies';
import { deleteMembership } from '$lib/server/actions/memberships';
import { deleteMeeting } from '$lib/server/actions/meetings';
import { findBodyBySlug, listMemberships } from '$lib/server/repositories/bodies';
import { findMembershipById } from '$lib/server/repositories/membership-writes';
import { findMeetingById, listMeetings } from '$lib/server/repositories/meetings';

const MANAGING = ['body.update', 'membership.create', 'membership.update', 'membership.delete', 'meeting.create', 'meeting.update', 'meeting.delete'] as const;

/** A body's administration page: its details, memberships and meetings, as far as the actor may act. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const body = await bodyOr404(d, params.slug);
	const can = abilities(actor, body.id);
	if (!MANAGING.some((a) => can[a])) error(403, 'Forbidden');
	const [memberships, meetings] = await Promise.all([listMemberships(d, body.id), listMeetings(d, body.id)]);
	return {
		body,
		memberships,
		meetings,
		can,
		notice: url.searchParams.has('saved') ? ('saved' as const) : url.searchParams.has('deleted') ? ('deleted' as const) : null
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await bodyOr404(d, params.slug);
		const form = await parseForm(request, bodyInput);
		if (!form.ok) return form.failure;
		const result = await updateBody(d, actor, body.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${result.value.slug}?saved=1`);
	},
	deleteMembership: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await findBodyBySlug(d, params.slug);
		const form = await parseForm(request, recordIdInput);
		if (!body || !form.ok) error(404, 'Not found');
		const membership = await findMembershipById(d, form.data.id);
		if (!membership || membership.bodyId !== body.id) error(404, 'Not found');
		const result = await deleteMembership(d, actor, membership.id);
		if (!result.ok) return failedOutcome(result);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?deleted=1`);
	},
	deleteMeeting: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const body = await findBodyBySlug(d, params.slug);
		const form = await parseForm(request, recordIdInput);
		if (!body || !form.ok) error(404, 'Not found');
		const meeting = await findMeetingById(d, form.data.id);
		if (!meeting || meeting.bodyId !== body.id) error(404, 'Not found');
		const result = await deleteMeeting(d, actor, meeting.id);
		if (!result.ok) return failedOutcome(result);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?deleted=1`);
	}
};
