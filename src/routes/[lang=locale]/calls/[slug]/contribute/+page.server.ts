import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { contributionInput } from '$lib/core/contributions/schemas';
import type { Actor } from '$lib/core/shared/actor';
import { db } from '$lib/server/runtime';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { submitContribution } from '$lib/server/actions/contributions';
import type { ContributionRow } from '$lib/server/repositories/contributions';
import { callOr404, presentCall } from '$lib/server/contributions/call-page';
import { requireMayContribute, submitterChoices } from '$lib/server/contributions/contribute-page';
import { newFormToken } from '$lib/server/contributions/editor';
import { previewStep, submitStep, type EditorContext } from '$lib/server/contributions/editor-actions';

/** The call, and the editor's context for an actor who may answer it now (403 otherwise). */
async function writing(actor: Actor & { userId: string }, slug: string) {
	const d = await db();
	const { call, body, framework } = await callOr404(d, slug);
	const { secretariat, closedReason } = requireMayContribute(actor, call);
	const ctx: EditorContext = { db: d, actor, callId: call.id, bodyId: body.id, codes: new Set(framework.map((c) => c.code)), secretariat, closedReason };
	return { d, call, body, framework, secretariat, closedReason, ctx };
}

const signedIn = (actor: Actor) => actor as Actor & { userId: string };

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// A visitor who follows "Contribute" is asked to sign in and brought back here afterwards.
	if (!locals.actor.userId) redirect(303, `/${locals.locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	const actor = signedIn(signedInActor(locals, url));
	const { d, call, body, framework, secretariat, closedReason } = await writing(actor, params.slug);
	// The form is offered only while the call is open (and to the secretariat after it closes).
	if (closedReason) error(403, 'Forbidden');
	const view = presentCall(call, framework);
	return {
		call: view,
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		token: newFormToken(),
		secretariat,
		choices: await submitterChoices(d, actor, body, locals.locale, secretariat),
		defaults: { lang: call.languages.includes(locals.locale) ? locals.locale : (call.languages[0] ?? 'en') }
	};
};

export const actions: Actions = {
	preview: async ({ locals, params, request }) => {
		const { ctx } = await writing(signedIn(postingActor(locals)), params.slug);
		return previewStep(ctx, request);
	},
	submit: async ({ locals, params, request }) => {
		const actor = signedIn(postingActor(locals));
		const { d, call, ctx } = await writing(actor, params.slug);
		return submitStep(
			ctx,
			request,
			contributionInput,
			(input) => submitContribution(d, actor, call.id, input),
			(value) => redirect(303, `/${locals.locale}/contributions/${(value as ContributionRow).slug}?saved=submitted`)
		);
	}
};
