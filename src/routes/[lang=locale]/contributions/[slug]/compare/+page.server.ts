import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findRevision, revisionsOf } from '$lib/server/repositories/contribution-reads';
import { compareRevisionTexts } from '$lib/server/contributions/compare';
import { contributionOr404 } from '$lib/server/contributions/contribution-page';

/** Two revisions of a contribution word by word (default: the latest against the one before). */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const d = await db();
	const { contribution: c } = await contributionOr404(d, params.slug, locals.actor);
	const revisions = await revisionsOf(d, c.id);
	const numbers = revisions.map((r) => r.number);
	const pick = (name: string, fallback: number | undefined) => {
		const raw = url.searchParams.get(name);
		if (raw === null || raw === '') return fallback;
		const n = Number(raw);
		if (!numbers.includes(n)) error(404, 'Not found');
		return n;
	};
	const to = pick('to', numbers.at(-1));
	const from = pick('from', numbers.length > 1 ? numbers.at(-2) : numbers.at(-1));
	const [a, b] = from !== undefined && to !== undefined ? await Promise.all([findRevision(d, c.id, from), findRevision(d, c.id, to)]) : [undefined, undefined];
	return {
		contribution: { slug: c.slug, title: c.title, lang: c.lang },
		revisions: revisions.map((r) => ({ number: r.number, on: r.createdAt.toISOString().slice(0, 10) })),
		from: from ?? null,
		to: to ?? null,
		titles: a && b ? { from: a.title, to: b.title } : null,
		rows: a && b ? compareRevisionTexts(a.sourceText, b.sourceText) : []
	};
};
