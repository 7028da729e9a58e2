import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { PAGE_SIZE, pageCount, SEARCH_KINDS, searchParamsFrom, searchParamsSchema, searchQueryString, submitterParam } from '$lib/core/search/query';
import { localName } from '$lib/i18n/names';
import { db } from '$lib/server/runtime';
import { problemsFrom, type FieldProblems } from '$lib/server/forms';
import { listSearchFacets } from '$lib/server/repositories/search-facets';
import { search, type SearchResult } from '$lib/server/search/query';

/**
 * The search page: a GET form (so every search has an address, and works without JavaScript),
 * validated by the core's schema; filters name bodies and submitters by slug and are resolved to
 * ids here from the facets, which list only what has published passages.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const d = await db();
	const locale = locals.locale;
	const input = searchParamsFrom(url.searchParams);
	const facets = await listSearchFacets(d);

	const collator = new Intl.Collator(locale);
	const bodies = facets.bodies.sort((a, b) => collator.compare(a.name, b.name)).map((b) => ({ slug: b.slug, name: b.name, lang: b.lang }));
	const submitters = facets.submitters
		.map((s) => {
			const n = s.kind === 'organisation' ? localName(s.names, s.name, locale) : { text: s.name, lang: 'en' };
			return { kind: s.kind, value: submitterParam(s.kind, s.slug), name: n.text, lang: n.lang };
		})
		.sort((a, b) => collator.compare(a.name, b.name));

	let problems: FieldProblems = {};
	let result: SearchResult | null = null;
	let query = '';
	let page = 1;
	const parsed = searchParamsSchema.safeParse(input);
	if (!parsed.success) {
		problems = problemsFrom(parsed.error);
	} else {
		query = parsed.data.q;
		page = parsed.data.page;
		const body = parsed.data.body ? facets.bodies.find((b) => b.slug === parsed.data.body) : undefined;
		if (parsed.data.body && !body) problems.body = { key: 'search.problem.unknownFilter' };
		const wanted = parsed.data.submitter;
		const submitter = wanted ? facets.submitters.find((s) => s.kind === wanted.kind && s.slug === wanted.slug) : undefined;
		if (wanted && !submitter) problems.submitter = { key: 'search.problem.unknownFilter' };
		if (query && Object.keys(problems).length === 0) {
			result = await search(d, {
				q: query,
				bodyId: body?.id,
				kind: parsed.data.kind,
				submitterId: submitter?.id,
				from: parsed.data.from,
				to: parsed.data.to,
				limit: PAGE_SIZE,
				offset: (page - 1) * PAGE_SIZE
			});
			// A page past the last one (an old link, a hand-edited address) goes to the last page.
			if (result.hits.length === 0 && result.total > 0) redirect(303, `${url.pathname}?${searchQueryString(input, pageCount(result.total))}`);
		}
	}

	return {
		input,
		query,
		problems,
		filtered: Boolean(input.body || input.kind || input.submitter || input.from || input.to),
		options: { bodies, kinds: [...SEARCH_KINDS], submitters },
		result: result && {
			total: result.total,
			page,
			pages: pageCount(result.total),
			firstNumber: (page - 1) * PAGE_SIZE + 1,
			hits: result.hits
		}
	};
};
