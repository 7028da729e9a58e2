import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isInPlay } from '$lib/core/shared/vocabulary';
import { db } from '$lib/server/runtime';
import { findBodyById } from '$lib/server/repositories/bodies';
import { findDocumentBySlug, latestVersion, listVersions, versionUnits } from '$lib/server/repositories/documents';
import { findMeetingById } from '$lib/server/repositories/meetings';
import { listContributionsTargeting } from '$lib/server/repositories/contributions';
import { listAmendments } from '$lib/server/repositories/amendments';
import { listComments } from '$lib/server/repositories/comments';
import { abilities } from '$lib/core/policies/policies';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const d = await db();
	const document = await findDocumentBySlug(d, params.slug);
	if (!document || !document.published) error(404, 'Not found');
	const versions = await listVersions(d, document.id);
	const wanted = url.searchParams.get('version');
	const version = wanted ? versions.find((v) => String(v.number) === wanted) : await latestVersion(d, document.id);
	if (wanted && !version) error(404, 'Not found');
	const published = versions.filter((v) => v.publishedAt !== null);
	const [units, body, meeting, comments, amendments, notes] = await Promise.all([
		version ? versionUnits(d, version.id) : Promise.resolve([]),
		findBodyById(d, document.bodyId),
		document.meetingId ? findMeetingById(d, document.meetingId) : Promise.resolve(undefined),
		listContributionsTargeting(d, document.id),
		document.kind === 'draft' && version ? listAmendments(d, document.id, { versionId: version.id }) : Promise.resolve([]),
		document.kind === 'draft' ? listComments(d, document.id) : Promise.resolve([])
	]);
	// Per unit: the amendments still in play and the comments, for the "amendments and comments" link.
	const counts: Record<string, number> = {};
	const add = (key: string | null) => {
		if (key) counts[key] = (counts[key] ?? 0) + 1;
	};
	for (const a of amendments) if (!a.appliedInVersionId && isInPlay(a.status)) add(a.kind === 'insert' ? a.afterKey : a.targetKey);
	for (const c of notes) add(c.unitKey);
	return {
		document,
		version: version ?? null,
		versions: published.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString() })),
		isDraft: document.kind === 'draft',
		isLatest: !!version && version.number === published.at(-1)?.number,
		can: abilities(locals.actor, document.bodyId),
		renumbering: version?.renumbering ?? [],
		counts,
		units: units.map((u) => ({ key: u.key, kind: u.kind, depth: u.depth, part: u.part, number: u.number, text: u.text, notes: u.notes, lang: u.lang })),
		body: body ? { slug: body.slug, name: body.name, lang: body.lang } : null,
		meeting: meeting ? { number: meeting.number, title: meeting.title } : null,
		comments: comments.map((c) => ({ slug: c.slug, title: c.title, lang: c.lang }))
	};
};
