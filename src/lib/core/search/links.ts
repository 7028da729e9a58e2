/**
 * Where a search hit leads: the passage itself, by its stable anchor. Document units are anchored
 * `#u-{unitKey}` on the document page; contribution items `#item-{position}` on the contribution
 * page (the index stores an item's position as its unit key).
 *
 * Example: ({sourceKind:'document', documentSlug:'chair-draft', unitKey:'p-19'}, 'fr')
 *   → "/fr/documents/chair-draft#u-p-19".
 */
export interface HitLocation {
	sourceKind: string;
	documentSlug?: string | null;
	contributionSlug?: string | null;
	unitKey?: string | null;
}

export function hitPath(locale: string, hit: HitLocation): string | null {
	if (hit.sourceKind === 'contribution' && hit.contributionSlug) {
		const anchor = hit.unitKey ? `#item-${encodeURIComponent(hit.unitKey)}` : '';
		return `/${locale}/contributions/${encodeURIComponent(hit.contributionSlug)}${anchor}`;
	}
	if (hit.sourceKind === 'document' && hit.documentSlug) {
		const anchor = hit.unitKey ? `#u-${encodeURIComponent(hit.unitKey)}` : '';
		return `/${locale}/documents/${encodeURIComponent(hit.documentSlug)}${anchor}`;
	}
	return null;
}

const ROMAN = 'M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
const NUMBER_LABEL = new RegExp(`^[([]?(?:\\d+|(?=[MDCLXVI])${ROMAN}|(?=[mdclxvi])${ROMAN.toLowerCase()})[)\\].]?(?: (?:bis|ter|tres|quater|quinquies))?$`);

/**
 * True when a passage's label is a number ("19", "2 bis", "(3)", "IV", "5.") rather than the
 * heading of the section it sits in, so the page can say "No. 19" or "Under “Introduction”".
 */
export function isNumberLabel(label: string): boolean {
	return NUMBER_LABEL.test(label.trim());
}
