import type { Locale } from './locales';

/** A name in the reader's language when one is known, else in its language of record. */
export function localName(names: Record<string, string> | null | undefined, fallback: string, locale: Locale): { text: string; lang: string } {
	const n = names?.[locale];
	return n ? { text: n, lang: locale } : { text: fallback, lang: 'en' };
}
