import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isInPlay } from '$lib/core/shared/vocabulary';
import { commentInput } from '$lib/core/amendments/schemas';
import { findConflicts, trackChanges } from '$lib/core/drafting';
import { isId } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { postingActor } from '$lib/server/admin/outcomes';
import { addComment, resolveComment } from '$lib/server/actions/comments';
import { listAmendments } from '$lib/server/repositories/amendments';
import { listComments } from '$lib/server/repositories/comments';
import { versionTextOf } from '$lib/server/repositories/versions';
import { draftOr404, presentAmendment } from '$lib/server/drafting/draft-page';
import { toDraftAmendment } from '$lib/server/drafting/draft-amendment';
import { amendmentLabels } from '$lib/server/drafting/labels';
import { draftingFailure } from '$lib/server/drafting/outcomes';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const draft = await draftOr404(d, params.slug, locals.actor);
	const unit = draft.units.find((u) => u.key === params.key && u.kind !== 'blank');
	if (!unit) error(404, 'Not found');
	const base = versionTextOf(draft.units);
	const touching = (await listAmendments(d, draft.document.id, { versionId: draft.version.id })).filter(
		(a) => !a.appliedInVersionId && (a.targetKey === unit.key || a.afterKey === unit.key || a.covers.includes(unit.key))
	);
	const open = touching.filter((a) => !a.outdated && isInPlay(a.status));
	const conflicts = findConflicts(base, open.map(toDraftAmendment));
	const presented = touching.map((a) => presentAmendment(a, locals.locale));
	const comments = await listComments(d, draft.document.id, unit.key);
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		version: draft.version.number,
		unit: { key: unit.key, kind: unit.kind, depth: unit.depth, part: unit.part, number: unit.number, text: unit.text, notes: unit.notes, lang: unit.lang },
		labels: amendmentLabels(presented),
		columns: presented.map((a, i) => ({
			amendment: a,
			units: trackChanges(base, [toDraftAmendment(touching[i])]).filter((u) => u.amendmentIds.includes(a.id)),
			conflictsWith: conflicts.filter((c) => c.a === a.id || c.b === a.id).map((c) => presented.find((p) => p.id === (c.a === a.id ? c.b : c.a))?.number ?? 0)
		})),
		comments: comments.map((c) => ({ id: c.id, parentId: c.parentId, author: c.authorLabel, text: c.text, at: c.createdAt.toISOString(), resolved: c.resolvedAt !== null }))
	};
};

async function context(locals: App.Locals, slug: string) {
	const actor = postingActor(locals);
	const d = await db();
	const draft = await draftOr404(d, slug, actor);
	return { actor, d, draft };
}

export const actions: Actions = {
	comment: async ({ locals, params, request }) => {
		const { actor, d, draft } = await context(locals, params.slug);
		const form = await parseForm(request, commentInput);
		if (!form.ok) return form.failure;
		const result = await addComment(d, actor, draft.document.id, params.key, form.data);
		if (!result.ok) return draftingFailure(result, form.values);
		redirect(303, `/${locals.locale}/documents/${params.slug}/units/${params.key}#comment-${result.value.id}`);
	},
	resolve: async ({ locals, params, request }) => {
		const { actor, d } = await context(locals, params.slug);
		const id = (await request.formData()).get('commentId');
		if (!isId(id)) error(404, 'Not found');
		const result = await resolveComment(d, actor, id);
		if (!result.ok) return draftingFailure(result);
		redirect(303, `/${locals.locale}/documents/${params.slug}/units/${params.key}#comments`);
	}
};
