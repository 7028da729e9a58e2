import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { abilities, can } from '$lib/core/policies/policies';
import { membershipInput } from '$lib/core/memberships/schemas';
import { isId } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import type { DbOrTx } from '$lib/server/db/client';
import { parseForm } from '$lib/server/forms';
import { failedOutcome, postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { organisationChoices } from '$lib/server/admin/select-options';
import { deleteMembership, updateMembership } from '$lib/server/actions/memberships';
import { findBodyBySlug } from '$lib/server/repositories/bodies';
import { findMembershipById } from '$lib/server/repositories/membership-writes';
import { listOrganisations } from '$lib/server/repositories/organisations';
import { listPersonOptions } from '$lib/server/repositories/person-writes';

/** The body and the membership the address names; 404 unless the seat is in that body. */
async function seatOf(d: DbOrTx, slug: string, id: string) {
	if (!isId(id)) error(404, 'Not found');
	const [body, membership] = await Promise.all([findBodyBySlug(d, slug), findMembershipById(d, id)]);
	if (!body || !membership || membership.bodyId !== body.id) error(404, 'Not found');
	return { body, membership };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const { body, membership } = await seatOf(d, params.slug, params.id);
	const allowed = abilities(actor, body.id);
	if (!allowed['membership.update'] && !allowed['membership.delete']) error(403, 'Forbidden');
	const [organisations, persons] = await Promise.all([listOrganisations(d), listPersonOptions(d, can(actor, 'user.update'))]);
	return {
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		membership,
		organisations: organisationChoices(organisations, locals.locale),
		persons,
		can: allowed
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { body, membership } = await seatOf(d, params.slug, params.id);
		const form = await parseForm(request, membershipInput);
		if (!form.ok) return form.failure;
		const result = await updateMembership(d, actor, membership.id, form.data);
		if (!result.ok) return failedOutcome(result, form.values);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?saved=1#memberships`);
	},
	delete: async ({ locals, params }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { body, membership } = await seatOf(d, params.slug, params.id);
		const result = await deleteMembership(d, actor, membership.id);
		if (!result.ok) return failedOutcome(result);
		redirect(303, `/${locals.locale}/admin/bodies/${body.slug}?deleted=1#memberships`);
	}
};
