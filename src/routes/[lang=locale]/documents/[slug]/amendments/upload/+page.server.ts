import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { postingActor, signedInActor } from '$lib/server/admin/outcomes';
import { proposeAmendmentsFromCopy } from '$lib/server/actions/amendments';
import { draftOr404 } from '$lib/server/drafting/draft-page';
import { deriveForReview } from '$lib/server/drafting/derive-copy';
import { draftingFailure } from '$lib/server/drafting/outcomes';
import { echoReview, readReviewForm } from '$lib/server/drafting/review-form';
import { readUploadedFile } from '$lib/server/drafting/uploaded-file';

async function allowedDraft(locals: App.Locals, slug: string) {
	const d = await db();
	const draft = await draftOr404(d, slug, locals.actor);
	if (!draft.isDraft || !draft.can['amendment.propose'] || !draft.delegation) error(403, 'Forbidden');
	return { d, draft };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	signedInActor(locals, url);
	const { draft } = await allowedDraft(locals, params.slug);
	const numbers = new Map(draft.units.map((u) => [u.key, u.number]));
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		version: draft.version.number,
		numbers: Object.fromEntries(numbers)
	};
};

export const actions: Actions = {
	derive: async ({ locals, params, request }) => {
		postingActor(locals);
		const { draft } = await allowedDraft(locals, params.slug);
		let file: FormDataEntryValue | null;
		try {
			file = (await request.formData()).get('copy');
		} catch {
			return fail(400, { problems: { copy: { key: 'drafting.upload.error.too_large' as const } }, values: {} });
		}
		const read = await readUploadedFile(file, 'marked');
		if (!read.ok) return fail(400, { problems: { copy: read.problem }, values: {} });
		const items = deriveForReview(draft.units, read.upload);
		return { review: { copyName: (file as File).name, version: draft.version.number, items } };
	},
	submit: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const { d, draft } = await allowedDraft(locals, params.slug);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { problems: { _form: { key: 'common.invalid' as const } }, values: {} });
		}
		const read = readReviewForm(form);
		if (!read.ok) return fail(400, { problems: read.problems, values: {}, review: echoReview(form) });
		const result = await proposeAmendmentsFromCopy(d, actor, draft.document.id, read);
		if (!result.ok) {
			const failure = draftingFailure(result);
			return fail(failure.status, { ...failure.data, review: echoReview(form) });
		}
		const numbers = result.value.map((a) => a.number);
		redirect(303, `/${locals.locale}/documents/${params.slug}/amendments?submitted=${numbers.length}`);
	}
};
