import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { AREAS, catalogFiles } from './catalogs';
import { LOCALES } from './locales';

/** The ICU argument names a message uses, with their types ("count:plural"), sorted. */
function argumentsOf(message: string): string[] {
	const out = new Set<string>();
	const walk = (els: MessageFormatElement[]) => {
		for (const el of els) {
			if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
			if ('value' in el && typeof el.value === 'string') out.add(`${el.value}:${TYPE[el.type]}`);
			if ('options' in el) for (const opt of Object.values(el.options)) walk(opt.value);
			if ('children' in el) walk(el.children);
		}
	};
	walk(parse(message, { ignoreTag: true }));
	return [...out].sort();
}

/**
 * Keys whose English text is legitimately the same in another language: proper names, codes
 * and symbols. Anything else identical to English counts as untranslated.
 */
const SAME_AS_ENGLISH_ALLOWED = new Set(['site.name', 'document.paragraphLink']);

describe('message catalogs', () => {
	const en = catalogFiles.en;
	for (const locale of LOCALES.filter((l) => l !== 'en')) {
		describe(locale, () => {
			for (const area of AREAS) {
				it(`has every key of ${area} with the same ICU arguments`, () => {
					const other = catalogFiles[locale][area];
					for (const [key, message] of Object.entries(en[area])) {
						expect(other, `${locale}/${area}.json lacks ${key}`).toHaveProperty([key]);
						expect(argumentsOf(other[key]), `${locale}/${area}.json ${key}`).toEqual(argumentsOf(message));
					}
					for (const key of Object.keys(other)) expect(en[area], `${locale}/${area}.json has a key English lacks: ${key}`).toHaveProperty([key]);
				});
			}
			it('is translated: at most 5 % of its messages equal English (proper names allowed)', () => {
				let same = 0;
				let total = 0;
				for (const area of AREAS) {
					for (const [key, message] of Object.entries(en[area])) {
						if (SAME_AS_ENGLISH_ALLOWED.has(key)) continue;
						total++;
						if (catalogFiles[locale][area][key] === message) same++;
					}
				}
				expect(same / Math.max(total, 1)).toBeLessThanOrEqual(0.05);
			});
		});
	}
	it('every English message parses as ICU', () => {
		for (const area of AREAS) for (const message of Object.values(en[area])) expect(() => parse(message)).not.toThrow();
	});
});
