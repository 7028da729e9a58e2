import { ContributionRecord } from '../../core/api/records';
import type { ContributionData } from '../repositories/open-data';

/** A published contribution with its submitters and items, validated against its schema. */
export function presentContribution(data: ContributionData): ContributionRecord {
	const c = data.contribution;
	if (!c.published) throw new Error(`Contribution ${c.slug} is not published and must not be presented.`);
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
		submitters: data.submitters.map((s) => ({ kind: s.kind, slug: s.slug, name: s.name })),
		items: data.items.map(({ item, category }) => ({
			position: item.position,
			kind: item.kind,
			number: item.number,
			text: item.text,
			category
		}))
	});
}
