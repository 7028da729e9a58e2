import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { amendmentInput } from '$lib/core/amendments/schemas';
import { AMENDMENT_KINDS } from '$lib/core/shared/vocabulary';
import { localName } from '$lib/i18n/names';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { proposeAmendment } from '$lib/server/actions/amendments';
import { listMemberDelegations } from '$lib/server/repositories/delegations';
import { draftOr404, unitChoices } from '$lib/server/drafting/draft-page';
import { draftingFailure } from '$lib/server/drafting/outcomes';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = signedInActor(locals, url);
	const d = await db();
	const draft = await draftOr404(d, params.slug, actor);
	if (!draft.isDraft || !draft.can['amendment.propose'] || !draft.delegation) error(403, 'Forbidden');
	const target = url.searchParams.get('target');
	const kind = url.searchParams.get('kind');
	const targetUnit = draft.units.find((u) => u.key === target && u.kind !== 'blank');
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		version: draft.version.number,
		units: unitChoices(draft.units),
		delegations: (await listMemberDelegations(d, draft.body.id)).filter((o) => o.organisationId !== draft.delegation).map((o) => ({ id: o.organisationId, ...localName(o.names, o.name, locals.locale) })),
		own: draft.delegation,
		preset: {
			kind: AMENDMENT_KINDS.includes(kind as never) ? kind : 'replace',
			targetKey: targetUnit?.key ?? '',
			afterKey: targetUnit?.key ?? '',
			resultText: targetUnit?.text ?? ''
		}
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const draft = await draftOr404(d, params.slug, actor);
		const form = await parseForm(request, amendmentInput);
		if (!form.ok) return form.failure;
		const result = await proposeAmendment(d, actor, draft.document.id, form.data);
		if (!result.ok) return draftingFailure(result, form.values);
		redirect(303, `/${locals.locale}/documents/${params.slug}/amendments/${result.value.number}?saved=proposed`);
	}
};
