/** A slug: lower-case ASCII words joined by single hyphens ("wgec-2016-2018"). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/**
 * A slug made from a name, for when the form leaves the address blank. Accents are dropped
 * ("Côte d'Ivoire" → "cote-d-ivoire"); scripts without a Latin spelling give '' and the person
 * must then type the address themselves.
 *
 * @example slugify('WGEC 2016–2018') === 'wgec-2016-2018'
 */
export function slugify(text: string, max = SLUG_MAX): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return words.slice(0, max).replace(/-+$/, '');
}

/**
 * The n-th candidate when a derived slug is taken: "jane-doe", "jane-doe-2", "jane-doe-3"…,
 * shortened so the suffix still fits within SLUG_MAX.
 */
export function slugCandidate(base: string, n: number): string {
	if (n <= 1) return base;
	const suffix = `-${n}`;
	return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}
