import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchKey } from './search-key';

describe('searchKey', () => {
	it('turns the worked examples into their keys', () => {
		expect(searchKey('the Russian Federation')).toBe('russianfederation');
		expect(searchKey('Côte d’Ivoire')).toBe('cotedivoire');
		expect(searchKey("Cote d'Ivoire")).toBe('cotedivoire');
		expect(searchKey('Cote d Ivoire')).toBe('cotedivoire');
		expect(searchKey('Gambia, The')).toBe('gambia');
		expect(searchKey('St. Kitts & Nevis')).toBe('saintkittsandnevis');
		expect(searchKey('U.S.A.')).toBe('usa');
		expect(searchKey('Российская Федерация')).toBe('россиискаяфедерация');
		expect(searchKey('São Tomé and Príncipe')).toBe('saotomeandprincipe');
		expect(searchKey('Федерация Ёё')).toBe(searchKey('федерация ее'));
	});

	it('keeps a lone "the" and turns nothing into nothing', () => {
		expect(searchKey('The')).toBe('the');
		expect(searchKey('  ,.;  ')).toBe('');
	});

	it('is idempotent', () => {
		fc.assert(fc.property(fc.string(), (s) => searchKey(searchKey(s)) === searchKey(s)));
	});

	it('ignores case, spacing and punctuation between words', () => {
		const word = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => w !== 'the' && w !== 'st');
		const separator = fc.constantFrom(' ', '  ', ', ', '-', ' - ', '/', '\t');
		fc.assert(
			fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), separator, fc.boolean(), (words, sep, upper) => {
				const written = words.join(sep);
				return searchKey(upper ? written.toUpperCase() : written) === words.join('');
			})
		);
	});
});
