import type { ContributionSummary } from '../repositories/contributions';

/** The day a contribution was received, as recorded (imports) or as stamped on submission. */
export function receivedOn(c: Pick<ContributionSummary, 'submittedOn' | 'receivedAt'>): string {
	return c.submittedOn ?? c.receivedAt.toISOString().slice(0, 10);
}

/** A contribution in a list: what a line shows of it, nothing the reader does not need. */
export function presentListed(c: ContributionSummary) {
	return {
		id: c.id,
		slug: c.slug,
		title: c.title,
		lang: c.lang,
		submitters: c.submitters.map((s) => ({ kind: s.kind, slug: s.slug, name: s.name, names: s.names, confirmed: s.confirmed })),
		receivedOn: receivedOn(c),
		late: c.late,
		withdrawn: c.status === 'withdrawn',
		held: !c.published,
		mergedIntoId: c.mergedIntoId
	};
}
export type ListedContribution = ReturnType<typeof presentListed>;
