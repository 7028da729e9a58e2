import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { decisionInput } from '$lib/core/amendments/schemas';
import { trackChanges } from '$lib/core/drafting';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { postingActor } from '$lib/server/admin/outcomes';
import { decideAmendment, withdrawAmendment } from '$lib/server/actions/amendments';
import { findAmendment } from '$lib/server/repositories/amendments';
import { findVersionById, unitsOf, versionTextOf } from '$lib/server/repositories/versions';
import { listAuditFor } from '$lib/server/repositories/audit';
import { draftOr404, presentAmendment } from '$lib/server/drafting/draft-page';
import { toDraftAmendment } from '$lib/server/drafting/draft-amendment';
import { draftingFailure } from '$lib/server/drafting/outcomes';

const numberOf = (v: string) => (/^[1-9][0-9]{0,6}$/.test(v) ? Number(v) : error(404, 'Not found'));

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const draft = await draftOr404(d, params.slug, locals.actor);
	const a = await findAmendment(d, draft.document.id, numberOf(params.number));
	if (!a) error(404, 'Not found');
	const version = (await findVersionById(d, a.versionId))!;
	const units = await unitsOf(d, a.versionId);
	const tracked = trackChanges(versionTextOf(units), [toDraftAmendment(a)]).filter((u) => u.amendmentIds.includes(a.id));
	const history = await listAuditFor(d, 'amendment', a.id);
	const mine = a.proposers.some((p) => locals.actor.memberships.some((m) => m.bodyId === draft.body.id && m.organisationId === p.organisationId));
	const target = units.find((u) => u.key === (a.kind === 'insert' ? a.afterKey : a.targetKey));
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		mayWithdraw: a.status === 'proposed' && !!draft.can['amendment.withdraw'] && (mine || locals.actor.memberships.some((m) => m.bodyId === draft.body.id && m.role === 'secretariat')),
		mayDecide: !!draft.can['amendment.decide'] && !a.appliedInVersionId && !a.outdated && a.status !== 'withdrawn' && a.status !== 'superseded',
		onBehalf: !locals.actor.memberships.some((m) => m.bodyId === draft.body.id && m.role === 'chair'),
		amendment: presentAmendment(a, locals.locale),
		version: version.number,
		proposedOn: a.proposedOnVersionId === a.versionId ? version.number : ((await findVersionById(d, a.proposedOnVersionId))?.number ?? null),
		latest: draft.version.number,
		afterNumber: target?.number ?? null,
		tracked,
		history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, status: typeof h.changes.status?.to === 'string' ? h.changes.status.to : null }))
	};
};

export const actions: Actions = {
	withdraw: async ({ locals, params }) => {
		const actor = postingActor(locals);
		const d = await db();
		const draft = await draftOr404(d, params.slug, actor);
		const a = await findAmendment(d, draft.document.id, numberOf(params.number));
		if (!a) error(404, 'Not found');
		const result = await withdrawAmendment(d, actor, a.id);
		if (!result.ok) return draftingFailure(result);
		redirect(303, `/${locals.locale}/documents/${params.slug}/amendments/${a.number}?saved=withdrawn`);
	},
	decide: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const draft = await draftOr404(d, params.slug, actor);
		const a = await findAmendment(d, draft.document.id, numberOf(params.number));
		if (!a) error(404, 'Not found');
		const form = await parseForm(request, decisionInput);
		if (!form.ok) return form.failure;
		const result = await decideAmendment(d, actor, a.id, form.data);
		if (!result.ok) return draftingFailure(result, form.values);
		redirect(303, `/${locals.locale}/documents/${params.slug}/amendments/${a.number}?saved=decided`);
	}
};
