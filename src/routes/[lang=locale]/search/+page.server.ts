import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { heldReader } from '$lib/core/contributions/held-readers';
import { PAGE_SIZE, pageCount, SEARCH_KINDS, searchParamsFrom, searchParamsSchema, searchQueryString, submitterParam } from '$lib/core/search/query';
import { localName } from '$lib/i18n/names';
import { db } from '$lib/server/runtime';
import { problemsFrom, type FieldProblems } from '$lib/server/forms';
import { listSearchFacets } from '$lib/server/repositories/search-facets';
import { search, type SearchResult } from '$lib/server/search/query';

/**
 * The search page: a GET form (so every search has an address, and works without JavaScript),
 * validated by the core's schema; filters name bodies and submitters by slug and are resolved to
 * ids here from the facets, which list only what has published passages. A signed-in reader also
 * finds the held contributions they may read (the secretariat of their body, their submitters).
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const d = await db();
	const locale = locals.locale;
	const reader = heldReader(locals.actor);
	const input = searchParamsFrom(url.searchParams);
	const facets = await listSearchFacets(d, reader);

	const collator = new Intl.Collator(locale);
	const bodies = facets.bodies.sort((a, b) => collator.compare(a.name, b.name)).map((b) => ({ slug: b.slug, name: b.name, lang: b.lang }));
	const submitters = facets.submitters
		.map((s) => {
			const n = s.kind === 'organisation' ? localName(s.names, s.name, locale) : { text: s.name, lang: 'en' };
			return { kind: s.kind, value: submitterParam(s.kind, s.slug), name: n.text, lang: n.lang };
		})
		.sort((a, b) => collator.compare(a.name, b.name));

	const parsed = searchParamsSchema.safeParse(input);
	const problems: FieldProblems = parsed.success ? {} : problemsFrom(parsed.error);
	// Filters that are well formed but name nothing searchable are reported too, by their field.
	const bodySlug = input.body?.trim();
	const body = bodySlug ? facets.bodies.find((b) => b.slug === bodySlug) : undefined;
	if (bodySlug && !body && !problems.body) problems.body = { key: 'search.problem.unknownFilter' };
	const submitterValue = input.submitter?.trim();
	const submitter = submitterValue ? facets.submitters.find((s) => submitterParam(s.kind, s.slug) === submitterValue) : undefined;
	if (submitterValue && !submitter && !problems.submitter) problems.submitter = { key: 'search.problem.unknownFilter' };

	let result: SearchResult | null = null;
	const query = parsed.success ? parsed.data.q : '';
	const page = parsed.success ? parsed.data.page : 1;
	if (parsed.success && query && Object.keys(problems).length === 0) {
		result = await search(
			d,
			{
				q: query,
				bodyId: body?.id,
				kind: parsed.data.kind,
				submitterId: submitter?.id,
				from: parsed.data.from,
				to: parsed.data.to,
				limit: PAGE_SIZE,
				offset: (page - 1) * PAGE_SIZE
			},
			{ includeUnpublished: false, reader }
		);
		// A page past the last one (an old link, a hand-edited address) goes to the last page.
		if (result.hits.length === 0 && result.total > 0) redirect(303, `${url.pathname}?${searchQueryString(input, pageCount(result.total))}`);
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
