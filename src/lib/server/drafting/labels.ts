import type { PresentedAmendment } from './draft-page';

/** How tracked changes name each amendment: its number and its delegations. */
export function amendmentLabels(list: readonly PresentedAmendment[]): Record<string, { number: number; proposers: string }> {
	return Object.fromEntries(list.map((a) => [a.id, { number: a.number, proposers: a.proposers.map((p) => p.text).join(', ') }]));
}
