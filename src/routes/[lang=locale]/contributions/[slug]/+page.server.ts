import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findBodyById } from '$lib/server/repositories/bodies';
import { contributionItemsWithCategories, findContributionBySlug } from '$lib/server/repositories/contributions';
import { findDocumentById } from '$lib/server/repositories/documents';
import { findMeetingById } from '$lib/server/repositories/meetings';

export const load: PageServerLoad = async ({ params }) => {
	const d = await db();
	const contribution = await findContributionBySlug(d, params.slug);
	if (!contribution || !contribution.published) error(404, 'Not found');
	const [items, body, meeting, target, textDocument] = await Promise.all([
		contributionItemsWithCategories(d, contribution.id),
		findBodyById(d, contribution.bodyId),
		contribution.meetingId ? findMeetingById(d, contribution.meetingId) : Promise.resolve(undefined),
		contribution.targetDocumentId ? findDocumentById(d, contribution.targetDocumentId) : Promise.resolve(undefined),
		contribution.textDocumentId ? findDocumentById(d, contribution.textDocumentId) : Promise.resolve(undefined)
	]);
	return {
		contribution,
		items: items.map(({ item, category }) => ({
			position: item.position,
			kind: item.kind,
			number: item.number,
			text: item.text,
			category: category ? { code: category.code, title: category.title } : null
		})),
		body: body ? { slug: body.slug, name: body.name, lang: body.lang } : null,
		meeting: meeting ? { number: meeting.number } : null,
		target: target?.published ? { slug: target.slug, title: target.title, lang: target.lang } : null,
		textDocument: textDocument?.published ? { slug: textDocument.slug, title: textDocument.title, lang: textDocument.lang } : null
	};
};
