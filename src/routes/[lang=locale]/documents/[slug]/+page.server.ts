import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { findBodyById } from '$lib/server/repositories/bodies';
import { findDocumentBySlug, latestVersion, listVersions, versionUnits } from '$lib/server/repositories/documents';
import { findMeetingById } from '$lib/server/repositories/meetings';
import { listContributionsTargeting } from '$lib/server/repositories/contributions';

export const load: PageServerLoad = async ({ params, url }) => {
	const d = await db();
	const document = await findDocumentBySlug(d, params.slug);
	if (!document || !document.published) error(404, 'Not found');
	const versions = await listVersions(d, document.id);
	const wanted = url.searchParams.get('version');
	const version = wanted ? versions.find((v) => String(v.number) === wanted) : await latestVersion(d, document.id);
	if (wanted && !version) error(404, 'Not found');
	const [units, body, meeting, comments] = await Promise.all([
		version ? versionUnits(d, version.id) : Promise.resolve([]),
		findBodyById(d, document.bodyId),
		document.meetingId ? findMeetingById(d, document.meetingId) : Promise.resolve(undefined),
		listContributionsTargeting(d, document.id)
	]);
	return {
		document,
		version: version ?? null,
		versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString() })),
		units: units.map((u) => ({ key: u.key, kind: u.kind, depth: u.depth, part: u.part, number: u.number, text: u.text, notes: u.notes, lang: u.lang })),
		body: body ? { slug: body.slug, name: body.name, lang: body.lang } : null,
		meeting: meeting ? { number: meeting.number, title: meeting.title } : null,
		comments: comments.map((c) => ({ slug: c.slug, title: c.title, lang: c.lang }))
	};
};
