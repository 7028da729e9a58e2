import { ContributionRecord } from '../../core/api/records';
import type { ContributionData } from '../repositories/open-data';

/**
 * A contribution with its submitters and items, validated against its schema. A co-submitter
 * that has not confirmed is left out: its name appears once it confirms. A held contribution is
 * presented only when the caller says the reader may see it (`held: 'readable'`, after the
 * repository's visibility rule chose it); otherwise presenting one is a bug and throws.
 */
export function presentContribution(data: ContributionData, options: { held?: 'refused' | 'readable' } = {}): ContributionRecord {
	const c = data.contribution;
	if (!c.published && options.held !== 'readable') throw new Error(`Contribution ${c.slug} is not published and must not be presented.`);
	return ContributionRecord.parse({
		id: c.id,
		slug: c.slug,
		body: data.bodySlug,
		meetingNumber: data.meetingNumber,
		title: c.title,
		heading: c.heading,
		onBehalfOf: c.onBehalfOf,
		submittedOn: c.submittedOn,
		lang: c.lang,
		targetDocument: data.targetDocument,
		textDocument: data.textDocument,
		call: data.callSlug,
		status: c.status,
		late: c.late,
		revision: c.revision,
		mergedInto: data.mergedInto,
		receivedAt: c.receivedAt.toISOString(),
		published: c.published,
		submitters: data.submitters.filter((s) => s.confirmed).map((s) => ({ kind: s.kind, slug: s.slug, name: s.name })),
		items: data.items.map(({ item, category }) => ({
			position: item.position,
			kind: item.kind,
			number: item.number,
			text: item.text,
			category
		}))
	});
}
