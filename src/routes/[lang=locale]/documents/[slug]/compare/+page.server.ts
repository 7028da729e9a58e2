import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { compareVersions } from '$lib/core/drafting';
import { db } from '$lib/server/runtime';
import { findDocumentBySlug, listVersions } from '$lib/server/repositories/documents';
import { unitsOf, versionTextOf } from '$lib/server/repositories/versions';
import { abilities } from '$lib/core/policies/policies';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const d = await db();
	const document = await findDocumentBySlug(d, params.slug);
	if (!document || !document.published) error(404, 'Not found');
	const versions = (await listVersions(d, document.id)).filter((v) => v.publishedAt !== null);
	const numbers = versions.map((v) => v.number);
	const pick = (name: string, fallback: number | undefined) => {
		const raw = url.searchParams.get(name);
		if (raw === null || raw === '') return fallback;
		const n = Number(raw);
		if (!numbers.includes(n)) error(404, 'Not found');
		return n;
	};
	const to = pick('to', numbers.at(-1));
	const from = pick('from', numbers.length > 1 ? numbers.at(-2) : numbers.at(-1));
	const view = url.searchParams.get('view') === 'side' ? 'side' : 'inline';
	const a = versions.find((v) => v.number === from);
	const b = versions.find((v) => v.number === to);
	const rows = a && b ? compareVersions(versionTextOf(await unitsOf(d, a.id)), versionTextOf(await unitsOf(d, b.id))) : [];
	return {
		document: { slug: document.slug, title: document.title, lang: document.lang, isDraft: document.kind === 'draft' },
		can: abilities(locals.actor, document.bodyId),
		versions: versions.map((v) => ({ number: v.number, at: (v.publishedAt ?? v.createdAt).toISOString(), renumbering: v.renumbering })),
		from: from ?? null,
		to: to ?? null,
		view,
		rows
	};
};
