import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { abilities } from '$lib/core/policies/policies';
import { actsForSecretariat, ineligibility } from '$lib/core/contributions/eligibility';
import { isId } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import { postingActor } from '$lib/server/admin/outcomes';
import { moveContribution } from '$lib/server/actions/contributions';
import { generateCompilation } from '$lib/server/actions/compilations';
import { compilationLinks } from '$lib/server/contributions/compilation-links';
import type { CallRow } from '$lib/server/repositories/calls';
import { callContributions, contributionById } from '$lib/server/repositories/contribution-reads';
import { callOr404, presentCall, type CompilationSlot } from '$lib/server/contributions/call-page';
import { contributionFailure } from '$lib/server/contributions/outcomes';
import { presentListed } from '$lib/server/contributions/present';

export const load: PageServerLoad = async ({ params, locals }) => {
	const d = await db();
	const { call, body, framework } = await callOr404(d, params.slug);
	const actor = locals.actor;
	const can = abilities(actor, body.id);
	const secretariat = actsForSecretariat(actor, body.id);
	const view = presentCall(call, framework);
	const rows = (await callContributions(d, call.id, { includeUnpublished: secretariat })).map(presentListed);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const why = ineligibility(actor, call);
	return {
		call: view,
		body: { slug: body.slug, name: body.name, shortName: body.shortName, lang: body.lang },
		contributions: rows.map(({ mergedIntoId, ...r }) => {
			const target = mergedIntoId ? byId.get(mergedIntoId) : undefined;
			return { ...r, mergedInto: mergedIntoId ? { slug: target?.slug ?? null, title: target?.title ?? '', lang: target?.lang ?? 'en' } : null };
		}),
		can,
		secretariat,
		/** Why the reader may not contribute now (null: they may): the call's phase first, then a reason of `ineligibility`. */
		contribute: view.phase !== 'open' && !secretariat ? view.phase : why,
		compilation: await compilationSlot(d, call, locals.locale, Boolean(can['compilation.generate']))
	};
};

/** The compilation's published versions with their downloads, and whether the reader may generate the next. */
async function compilationSlot(d: Awaited<ReturnType<typeof db>>, call: CallRow, locale: string, canGenerate: boolean): Promise<CompilationSlot | null> {
	const found = await compilationLinks(d, call, locale);
	if (!found && !canGenerate) return null;
	return { canGenerate, versions: found?.versions ?? [] };
}

export const actions: Actions = {
	/** The secretariat generates the compilation's next version. */
	generate: async ({ locals, params }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { call } = await callOr404(d, params.slug);
		const result = await generateCompilation(d, actor, call.id);
		if (!result.ok) return contributionFailure(result);
		redirect(303, `/${locals.locale}/calls/${call.slug}?saved=${result.value.created ? 'generated' : 'unchanged'}#compilation`);
	},
	/** The secretariat moves a contribution one place up or down in the call's order. */
	move: async ({ locals, params, request }) => {
		const actor = postingActor(locals);
		const d = await db();
		const { call } = await callOr404(d, params.slug);
		const form = await request.formData().catch(() => null);
		const id = form?.get('contribution');
		const direction = form?.get('direction');
		if (!isId(id) || (direction !== 'up' && direction !== 'down')) return fail(400, { problems: { _form: { key: 'common.invalid' as const } }, values: {} });
		// Only a contribution of this call moves from this page.
		if ((await contributionById(d, id))?.callId !== call.id) error(404, 'Not found');
		const result = await moveContribution(d, actor, id, direction);
		if (!result.ok) return contributionFailure(result);
		redirect(303, `/${locals.locale}/calls/${call.slug}?saved=moved#c-${result.value.slug}`);
	}
};
