import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isId } from '$lib/core/shared/form-fields';
import { db } from '$lib/server/runtime';
import { postingActor } from '$lib/server/admin/outcomes';
import { confirmCoSubmission, mergeContribution, recategoriseItem, setContributionPublished, withdrawContribution } from '$lib/server/actions/contributions';
import { findBodyById } from '$lib/server/repositories/bodies';
import { frameworkOf } from '$lib/server/repositories/calls';
import { callContributions, lineageOf, revisionsOf, type LineageLink } from '$lib/server/repositories/contribution-reads';
import { contributionItemsWithCategories } from '$lib/server/repositories/contributions';
import { findDocumentById } from '$lib/server/repositories/documents';
import { findMeetingById } from '$lib/server/repositories/meetings';
import { ITEM_SEPARATOR } from '$lib/server/repositories/similar-contributions';
import { citationLine } from '$lib/server/contributions/citation';
import { contributionOr404 } from '$lib/server/contributions/contribution-page';
import { similarContributions } from '$lib/server/contributions/editor';
import { contributionFailure } from '$lib/server/contributions/outcomes';
import { receivedOn } from '$lib/server/contributions/present';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const d = await db();
	const actor = locals.actor;
	const { contribution: c, access, call, phase, abilities } = await contributionOr404(d, params.slug, actor);
	const [items, body, meeting, target, textDocument, lineage, revisions, framework] = await Promise.all([
		contributionItemsWithCategories(d, c.id),
		findBodyById(d, c.bodyId),
		c.meetingId ? findMeetingById(d, c.meetingId) : Promise.resolve(undefined),
		c.targetDocumentId ? findDocumentById(d, c.targetDocumentId) : Promise.resolve(undefined),
		c.textDocumentId ? findDocumentById(d, c.textDocumentId) : Promise.resolve(undefined),
		lineageOf(d, c),
		revisionsOf(d, c.id),
		c.callId ? frameworkOf(d, c.callId) : Promise.resolve([])
	]);
	// A held contribution in the lineage is named only to those who may read it.
	const visible = (l: LineageLink) => l.published || access.secretariat;
	const link = (l: LineageLink) => (visible(l) ? { slug: l.slug, title: l.title, lang: l.lang } : null);
	const date = receivedOn(c);
	const manage = abilities.manage;
	const [similar, siblings] = manage
		? await Promise.all([
				similarContributions(d, { bodyId: c.bodyId, text: items.map(({ item }) => item.text).join(ITEM_SEPARATOR), excludeId: c.id, includeUnpublished: true }),
				c.callId ? callContributions(d, c.callId, { includeUnpublished: true }) : Promise.resolve([])
			])
		: [[], []];
	return {
		contribution: {
			id: c.id,
			slug: c.slug,
			title: c.title,
			heading: c.heading,
			lang: c.lang,
			onBehalfOf: c.onBehalfOf,
			receivedOn: date,
			late: c.late,
			withdrawn: c.status === 'withdrawn',
			withdrawnOn: c.withdrawnAt ? c.withdrawnAt.toISOString().slice(0, 10) : null,
			held: !c.published,
			revision: c.revision,
			submitters: c.submitters.map((s) => ({ kind: s.kind, slug: s.slug, name: s.name, names: s.names, confirmed: s.confirmed }))
		},
		items: items.map(({ item, category }) => ({
			position: item.position,
			kind: item.kind,
			number: item.number,
			text: item.text,
			notes: item.notes,
			category: category ? { code: category.code, title: category.title } : null
		})),
		body: body ? { slug: body.slug, name: body.name, shortName: body.shortName, lang: body.lang } : null,
		call: call ? { slug: call.slug, title: call.title, phase } : null,
		framework: framework.map((f) => ({ code: f.code, title: f.title })),
		meeting: meeting ? { number: meeting.number } : null,
		target: target?.published ? { slug: target.slug, title: target.title, lang: target.lang } : null,
		textDocument: textDocument?.published ? { slug: textDocument.slug, title: textDocument.title, lang: textDocument.lang } : null,
		mergedInto: lineage.into ? { link: link(lineage.into) } : null,
		mergedFrom: lineage.from.filter(visible).map((l) => ({ slug: l.slug, title: l.title, lang: l.lang })),
		// The first revision is what was received (an imported one was stored long after).
		revisions: revisions.map((r) => ({ number: r.number, title: r.title, on: r.number === 1 ? date : r.createdAt.toISOString().slice(0, 10), file: r.file })),
		citation: citationLine(locals.locale, {
			submitters: c.submitters,
			title: c.title,
			callTitle: call?.title ?? null,
			bodyName: body?.name ?? '',
			date,
			revision: c.revision,
			url: `${url.origin}/${locals.locale}/contributions/${c.slug}`
		}),
		abilities,
		similar,
		mergeTargets: siblings.filter((s) => s.id !== c.id).map((s) => ({ value: s.id, label: s.title, lang: s.lang })),
		mergedIntoId: c.mergedIntoId
	};
};

/** The contribution a post names, if the reader may see it (404 otherwise), and the database. */
async function target(locals: App.Locals, slug: string) {
	const actor = postingActor(locals);
	const d = await db();
	const { contribution } = await contributionOr404(d, slug, actor);
	return { actor, d, contribution, done: (saved: string, anchor = '') => redirect(303, `/${locals.locale}/contributions/${contribution.slug}?saved=${saved}${anchor}`) };
}

async function readForm(request: Request): Promise<Record<string, string>> {
	const form = await request.formData().catch(() => null);
	if (!form) error(400, 'Bad request');
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !(k in out)) out[k] = v;
	return out;
}

export const actions: Actions = {
	withdraw: async ({ locals, params, request }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const form = await readForm(request);
		if (form.confirm !== 'on') return fail(400, { problems: { confirm: { key: 'contributions.withdraw.confirmRequired' as const } }, values: {} });
		const result = await withdrawContribution(d, actor, contribution.id);
		if (!result.ok) return contributionFailure(result);
		done('withdrawn');
	},
	confirm: async ({ locals, params }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const result = await confirmCoSubmission(d, actor, contribution.id);
		if (!result.ok) return contributionFailure(result);
		done('confirmed');
	},
	publish: async ({ locals, params }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const result = await setContributionPublished(d, actor, contribution.id, true);
		if (!result.ok) return contributionFailure(result);
		done('published');
	},
	hold: async ({ locals, params }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const result = await setContributionPublished(d, actor, contribution.id, false);
		if (!result.ok) return contributionFailure(result);
		done('held');
	},
	merge: async ({ locals, params, request }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const form = await readForm(request);
		const into = (form.into ?? '').trim();
		if (into !== '' && !isId(into)) return fail(400, { problems: { into: { key: 'contributions.error.mergeTarget' as const } }, values: { into } });
		const result = await mergeContribution(d, actor, contribution.id, into || null);
		if (!result.ok) return contributionFailure(result, { into });
		done(into ? 'merged' : 'unmerged');
	},
	recategorise: async ({ locals, params, request }) => {
		const { actor, d, contribution, done } = await target(locals, params.slug);
		const form = await readForm(request);
		const position = Number(form.position);
		const category = (form.category ?? '').trim();
		if (!Number.isInteger(position) || position < 1 || category.length > 20) return fail(400, { problems: { category: { key: 'common.invalid' as const } }, values: {} });
		const result = await recategoriseItem(d, actor, contribution.id, position, category || null);
		if (!result.ok) return contributionFailure(result, { position: String(position), category });
		done('recategorised', `#item-${position}`);
	}
};
