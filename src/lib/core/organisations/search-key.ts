/**
 * The key under which a country name is looked up: what is left of a name once everything a person
 * might type differently has been removed — case, accents, punctuation, spacing, "&", "St", a
 * leading or trailing article.
 *
 * Worked examples:
 *   'the Russian Federation'   → 'russianfederation'
 *   'Côte d’Ivoire'            → 'cotedivoire'   (accents, the typographic apostrophe, spaces go)
 *   "Cote d'Ivoire"            → 'cotedivoire'
 *   'Cote d Ivoire'            → 'cotedivoire'
 *   'Gambia, The'              → 'gambia'
 *   'St. Kitts & Nevis'        → 'saintkittsandnevis'
 *   'U.S.A.'                   → 'usa'
 *   'Российская Федерация'     → 'россиискаяфедерация'   (й → и: see below)
 *
 * Words are found first (any run of characters other than letters and digits separates them, except
 * apostrophes and full stops, which are simply deleted so that "U.S." stays one word), so that "st"
 * and the articles can be recognised as words; then they are joined without spaces, because spaces
 * are as unreliable as punctuation in what people type ("Guinea Bissau", "Timor Leste", "Cote d
 * Ivoire"). Country names do not collide when compacted this way; `findCountry` drops any key two
 * States would share.
 *
 * Dropping combining marks after NFKD also folds Cyrillic й → и and ё → е. That is harmless — both
 * sides of a lookup are folded alike — and ё/е is a real variation in written Russian.
 */
export function searchKey(text: string): string {
	const words = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’‘`ʼ.]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.filter((w) => w !== '')
		.map((w) => (w === 'st' ? 'saint' : w));
	// Articles only at the edges: "the Gambia", "Gambia, The", "the Russian Federation". Keep a
	// lone "the" (it is nobody's name, but an empty key would match nothing anyway).
	if (words.length > 1 && words[0] === 'the') words.shift();
	if (words.length > 1 && words[words.length - 1] === 'the') words.pop();
	return words.join('');
}
