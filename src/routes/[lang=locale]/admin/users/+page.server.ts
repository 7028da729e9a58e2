import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { abilities, can } from '$lib/core/policies/policies';
import { setAdministratorInput } from '$lib/core/people/schemas';
import { userSeatInput } from '$lib/core/memberships/schemas';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { setAdministrator } from '$lib/server/actions/users';
import { createMembership } from '$lib/server/actions/memberships';
import { listUsersForAdmin } from '$lib/server/repositories/admin-users';
import { findUserById } from '$lib/server/repositories/users';
import { listBodies } from '$lib/server/repositories/bodies';

/** Registered users: their administrator flag, their person and their seats. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = signedInActor(locals, url);
	if (!can(actor, 'user.list')) error(403, 'Forbidden');
	const d = await db();
	const [users, bodies] = await Promise.all([listUsersForAdmin(d), listBodies(d)]);
	return {
		users,
		// Only the bodies in which the actor may give seats.
		bodies: bodies.filter((b) => can(actor, 'membership.create', b.id)).map((b) => ({ id: b.id, shortName: b.shortName, lang: b.lang })),
		can: abilities(actor),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	setAdministrator: async ({ locals, request }) => {
		const actor = postingActor(locals);
		const form = await parseForm(request, setAdministratorInput);
		if (!form.ok) return form.failure;
		const result = await setAdministrator(await db(), actor, form.data.userId, form.data.isAdmin);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/users?saved=1`);
	},
	giveSeat: async ({ locals, request }) => {
		const actor = postingActor(locals);
		const form = await parseForm(request, userSeatInput);
		if (!form.ok) return form.failure;
		const d = await db();
		const user = await findUserById(d, form.data.userId);
		if (!user) error(404, 'Not found');
		// The account's person when it has one; otherwise the command creates it from the account.
		const person = user.personId ? ({ kind: 'person', id: user.personId } as const) : ({ kind: 'user', id: user.id } as const);
		const result = await createMembership(d, actor, form.data.bodyId, {
			role: form.data.role,
			personId: person,
			organisationId: null,
			stakeholderGroup: null,
			termStart: null,
			termEnd: null,
			note: null
		});
		if (!result.ok) return failedOutcome(result.error === 'not_found' ? { error: 'invalid', detail: { field: 'bodyId' } } : result, form.values);
		redirect(303, `/${locals.locale}/admin/users?saved=1`);
	}
};
