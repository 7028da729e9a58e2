import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { revisionInput } from '$lib/core/contributions/schemas';
import type { Actor } from '$lib/core/shared/actor';
import { db } from '$lib/server/runtime';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { reviseContribution } from '$lib/server/actions/contributions';
import { frameworkOf } from '$lib/server/repositories/calls';
import { contributionItemsWithCategories } from '$lib/server/repositories/contributions';
import { contributionOr404 } from '$lib/server/contributions/contribution-page';
import { buildPreview, itemSignature, newFormToken } from '$lib/server/contributions/editor';
import { previewStep, submitStep, type EditorContext } from '$lib/server/contributions/editor-actions';

/**
 * The contribution and the editor's context, for a reader who may revise it: a submitter while
 * the call is open, the secretariat at any time. Anyone else, or a withdrawn contribution: 403.
 */
async function revising(actor: Actor & { userId: string }, slug: string) {
	const d = await db();
	const { contribution, access, call, phase, abilities } = await contributionOr404(d, slug, actor);
	const allowed = contribution.status !== 'withdrawn' && call !== null && (access.secretariat || access.speaksFor);
	if (!allowed || !call) error(403, 'Forbidden');
	const framework = await frameworkOf(d, call.id);
	const ctx: EditorContext = {
		db: d,
		actor,
		callId: call.id,
		bodyId: contribution.bodyId,
		codes: new Set(framework.map((f) => f.code)),
		secretariat: access.secretariat,
		contributionId: contribution.id,
		closedReason: access.secretariat || phase === 'open' ? null : 'closed'
	};
	return { d, contribution, call, framework, abilities, ctx };
}

const signedIn = (actor: Actor) => actor as Actor & { userId: string };

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedIn(signedInActor(locals, url));
	const { d, contribution: c, call, framework, abilities, ctx } = await revising(actor, params.slug);
	if (!abilities.revise) error(403, 'Forbidden');
	const token = newFormToken();
	// The editor opens on the current text, each item in the category it has now.
	const current = await contributionItemsWithCategories(d, c.id);
	const preview = await buildPreview(d, {
		bodyId: c.bodyId,
		text: c.sourceText,
		previous: current.map(({ item, category }) => ({ sig: itemSignature(item.text), number: item.number, code: category?.code ?? '' })),
		codes: ctx.codes,
		token,
		userId: actor.userId,
		includeUnpublished: ctx.secretariat,
		excludeId: c.id
	});
	return {
		contribution: { slug: c.slug, title: c.title, lang: c.lang, revision: c.revision },
		call: { slug: call.slug, title: call.title },
		framework: framework.map((f) => ({ code: f.code, title: f.title })),
		token,
		values: { title: c.title, text: c.sourceText },
		preview
	};
};

export const actions: Actions = {
	preview: async ({ locals, params, request }) => {
		const { ctx } = await revising(signedIn(postingActor(locals)), params.slug);
		return previewStep(ctx, request);
	},
	submit: async ({ locals, params, request }) => {
		const actor = signedIn(postingActor(locals));
		const { d, contribution, ctx } = await revising(actor, params.slug);
		return submitStep(
			ctx,
			request,
			revisionInput,
			(input) => reviseContribution(d, actor, contribution.id, input),
			() => redirect(303, `/${locals.locale}/contributions/${contribution.slug}?saved=revised`)
		);
	}
};
