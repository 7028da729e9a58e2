import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ACCEPTED_STATUSES } from '$lib/core/shared/vocabulary';
import { versionInput } from '$lib/core/amendments/schemas';
import { db } from '$lib/server/runtime';
import { formValues, problemsFrom } from '$lib/server/forms';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { previewVersion, publishVersion, type PublishInput } from '$lib/server/actions/versions';
import { listAmendments } from '$lib/server/repositories/amendments';
import { versionTextOf } from '$lib/server/repositories/versions';
import { draftOr404, presentAmendment } from '$lib/server/drafting/draft-page';
import { draftingFailure } from '$lib/server/drafting/outcomes';
import { readUploadedFile } from '$lib/server/drafting/uploaded-file';

async function allowed(locals: App.Locals, slug: string) {
	const d = await db();
	const draft = await draftOr404(d, slug, locals.actor);
	if (!draft.isDraft || !draft.can['version.create']) error(403, 'Forbidden');
	return { d, draft };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	signedInActor(locals, url);
	const { d, draft } = await allowed(locals, params.slug);
	const accepted = (await listAmendments(d, draft.document.id, { statuses: [...ACCEPTED_STATUSES], versionId: draft.version.id })).filter((a) => !a.appliedInVersionId);
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		version: draft.version.number,
		text: versionTextOf(draft.units).text,
		accepted: accepted.map((a) => presentAmendment(a, locals.locale))
	};
};

/** Reads the publish form (multipart: the file is optional) into the command's input, or a 400 answer. */
async function readForm(request: Request) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { failure: fail(400, { problems: { _form: { key: 'drafting.upload.error.too_large' as const } }, values: {} }) };
	}
	const values = formValues(form);
	const choice = values.source === 'file' ? 'text' : values.source;
	const parsed = versionInput.safeParse({ ...values, source: choice });
	if (!parsed.success) return { failure: fail(400, { problems: problemsFrom(parsed.error), values }) };
	const input: PublishInput = { ...parsed.data, origin: 'editor' };
	if (values.source === 'file') {
		const read = await readUploadedFile(form.get('file'), 'accepted');
		if (!read.ok) return { failure: fail(400, { problems: { file: read.problem }, values }) };
		input.text = read.upload.text;
		input.origin = 'upload';
	}
	return { input, values: { ...values, text: input.text } };
}

export const actions: Actions = {
	preview: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const { d, draft } = await allowed(locals, params.slug);
		const read = await readForm(request);
		if ('failure' in read) return read.failure;
		const result = await previewVersion(d, actor, draft.document.id, read.input);
		if (!result.ok) return draftingFailure(result, read.values);
		const v = result.value;
		return {
			values: read.values,
			preview: {
				units: v.units.map((u, i) => ({ key: v.keys[i], kind: u.kind, depth: u.depth, part: u.part, number: u.number, text: u.text, notes: u.notes, lang: draft.document.lang })),
				renumbering: v.renumbering,
				applied: v.applied.map((a) => a.number)
			}
		};
	},
	publish: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const { d, draft } = await allowed(locals, params.slug);
		const read = await readForm(request);
		if ('failure' in read) return read.failure;
		const result = await publishVersion(d, actor, draft.document.id, read.input);
		if (!result.ok) return draftingFailure(result, read.values);
		redirect(303, `/${locals.locale}/documents/${params.slug}/compare?from=${draft.version.number}&to=${result.value.number}&published=1`);
	}
};
