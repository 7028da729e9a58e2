import { LOCALES, type Locale } from '../core/shared/vocabulary';

export { LOCALES, type Locale };

export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie that remembers the visitor's language. */
export const LOCALE_COOKIE = 'plenary_lang';

/** Each locale's name in its own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
	ar: 'العربية',
	en: 'English',
	es: 'Español',
	fr: 'Français',
	ru: 'Русский',
	zh: '中文'
};

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export const directionOf = (lang: string): 'rtl' | 'ltr' => (['ar', 'fa', 'he', 'ur'].includes(lang.slice(0, 2)) ? 'rtl' : 'ltr');

/** Picks the best supported locale from an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"). */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return DEFAULT_LOCALE;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return DEFAULT_LOCALE;
}

/** The same address in another locale: /fr/bodies/x → /ar/bodies/x. */
export function localisedPath(pathname: string, locale: Locale): string {
	const parts = pathname.split('/');
	if (isLocale(parts[1])) parts[1] = locale;
	else parts.splice(1, 0, locale);
	const joined = parts.join('/');
	return joined.endsWith('/') && joined.length > 1 ? joined.slice(0, -1) : joined;
}
