import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { STAKEHOLDER_GROUPS, CONTRIBUTION_STATUSES } from '$lib/core/shared/vocabulary';
import { localName } from '$lib/i18n/names';
import { db } from '$lib/server/runtime';
import { problemsFrom, type FieldProblems } from '$lib/server/forms';
import { allCalls, categoriesOfCalls, pageOfPublishedContributions, submittingOrganisations } from '$lib/server/repositories/contribution-reads';
import { LIST_PAGE_SIZE, listInput, listPageCount, listParamsSchema, listQueryString } from '$lib/server/contributions/list-params';
import { presentListed } from '$lib/server/contributions/present';

/**
 * The list of published contributions: a GET form of filters (so every selection has an
 * address and works without JavaScript), named by slug and code and resolved to ids here. A
 * filter that names nothing known is reported by its field, and nothing is listed until it is
 * corrected.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const d = await db();
	const locale = locals.locale;
	const input = listInput(url.searchParams);
	const collator = new Intl.Collator(locale);
	const [calls, organisations] = await Promise.all([allCalls(d), submittingOrganisations(d)]);

	const parsed = listParamsSchema.safeParse(input);
	const problems: FieldProblems = parsed.success ? {} : problemsFrom(parsed.error);
	const p = parsed.success ? parsed.data : null;
	const call = p?.call ? calls.find((c) => c.slug === p.call) : undefined;
	if (p?.call && !call) problems.call = { key: 'contributions.list.unknownFilter' };
	const categories = call ? await categoriesOfCalls(d, [call.id]) : [];
	const category = p?.category ? categories.find((c) => c.code === p.category) : undefined;
	if (p?.category && !category && !problems.call) problems.category = { key: call ? 'contributions.list.unknownFilter' : 'contributions.list.categoryNeedsCall' };
	const submitter = p?.submitter ? organisations.find((o) => o.slug === p.submitter) : undefined;
	if (p?.submitter && !submitter) problems.submitter = { key: 'contributions.list.unknownFilter' };
	const regions = [...new Set(organisations.map((o) => o.region).filter((r): r is string => !!r))].sort((a, b) => collator.compare(a, b));
	if (p?.region && !regions.includes(p.region)) problems.region = { key: 'contributions.list.unknownFilter' };

	let result = null;
	if (p && Object.keys(problems).length === 0) {
		const page = p.page ?? 1;
		const { rows, total } = await pageOfPublishedContributions(
			d,
			{ callId: call?.id, categoryId: category?.id, organisationId: submitter?.id, stakeholderGroup: p.group, region: p.region, from: p.from, to: p.to, status: p.status },
			{ limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE }
		);
		// A page past the last one (an old link, a hand-edited address) goes to the last page.
		if (rows.length === 0 && total > 0) redirect(303, `${url.pathname}?${listQueryString(input, listPageCount(total))}`);
		const titles = new Map(calls.map((c) => [c.id, { slug: c.slug, title: c.title, lang: c.bodyLang }]));
		result = {
			total,
			page,
			pages: listPageCount(total),
			firstNumber: (page - 1) * LIST_PAGE_SIZE + 1,
			rows: rows.map((r) => ({ ...presentListed(r), call: r.callId ? (titles.get(r.callId) ?? null) : null }))
		};
	}

	return {
		input,
		problems,
		filtered: Object.entries(input).some(([k, v]) => k !== 'page' && v !== ''),
		options: {
			calls: calls.map((c) => ({ value: c.slug, label: `${c.title} (${c.bodyShortName})`, lang: c.bodyLang })),
			categories: categories.map((c) => ({ value: c.code, label: `${c.code}. ${c.title}` })),
			submitters: organisations
				.map((o) => {
					const n = localName(o.names, o.name, locale);
					return { value: o.slug, label: n.text, lang: n.lang };
				})
				.sort((a, b) => collator.compare(a.label, b.label)),
			groups: [...STAKEHOLDER_GROUPS],
			regions,
			statuses: [...CONTRIBUTION_STATUSES]
		},
		pageLinks: result ? { previous: result.page > 1 ? listQueryString(input, result.page - 1) : null, next: result.page < result.pages ? listQueryString(input, result.page + 1) : null } : null,
		result
	};
};
