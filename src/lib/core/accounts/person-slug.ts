/**
 * The address of a person's page, made from their name: lower case, accents dropped, any run of
 * other characters turned into one hyphen. Letters of every script are kept, so a name written
 * in Arabic, Chinese or Cyrillic keeps a readable address.
 *
 * Worked examples:
 *   'Ms. Avri Doria'     → 'ms-avri-doria'
 *   'José  Müller-Ñúñez' → 'jose-muller-nunez'
 *   'Иван Петров'        → 'иван-петров'
 *   '!!!'                → 'person'
 */
export function personSlugBase(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'person';
}

/** The first of `base`, `base-2`, `base-3`… that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}-${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}
