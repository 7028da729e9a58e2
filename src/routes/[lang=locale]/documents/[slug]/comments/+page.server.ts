import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { listComments } from '$lib/server/repositories/comments';
import { draftOr404 } from '$lib/server/drafting/draft-page';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const d = await db();
	const draft = await draftOr404(d, params.slug, locals.actor);
	const all = await listComments(d, draft.document.id);
	const showResolved = url.searchParams.get('resolved') === '1';
	const numbers = new Map(draft.units.map((u) => [u.key, u.number]));
	const threads = all.filter((c) => c.parentId === null && (showResolved || c.resolvedAt === null));
	return {
		document: { slug: draft.document.slug, title: draft.document.title, lang: draft.document.lang, isDraft: draft.isDraft },
		can: draft.can,
		showResolved,
		threads: threads.map((c) => ({
			id: c.id,
			unitKey: c.unitKey,
			unitNumber: numbers.get(c.unitKey) ?? null,
			author: c.authorLabel,
			text: c.text,
			at: c.createdAt.toISOString(),
			resolved: c.resolvedAt !== null,
			replies: all.filter((r) => r.parentId === c.id).length
		}))
	};
};
