import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, type MessageKey } from './catalogs';
import { DEFAULT_LOCALE, type Locale } from './locales';

export type { MessageKey };
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const cache = new Map<string, IntlMessageFormat>();

/** The Intl locale for dates and numbers: UN English writes "30 September 2016", as British English does. */
export const intlLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
	const id = `${locale}\u0000${key}`;
	let f = cache.get(id);
	if (!f) {
		const message = catalogs[locale][key] ?? catalogs[DEFAULT_LOCALE][key] ?? key;
		f = new IntlMessageFormat(message, locale);
		cache.set(id, f);
	}
	return f;
}

/** A translate function for one locale: ICU messages from the locale's catalog. */
export function translator(locale: Locale): Translate {
	return (key, values) => {
		const out = formatter(locale, key).format(values as Record<string, string | number>);
		return Array.isArray(out) ? out.join('') : String(out);
	};
}

/** Dates as the locale writes them ("11 November 2017", "11 novembre 2017", "٢٠١٧/١١/١١"…). */
export function formatDate(locale: Locale, iso: string | Date | null | undefined, style: 'long' | 'medium' = 'long'): string {
	if (!iso) return '';
	const d = typeof iso === 'string' ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso) : iso;
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: 'UTC' }).format(d);
}

/** A date range: "26–27 January 2017". */
export function formatDateRange(locale: Locale, from: string, to: string): string {
	const a = new Date(`${from}T00:00:00Z`);
	const b = new Date(`${to}T00:00:00Z`);
	const f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' });
	return from === to ? f.format(a) : f.formatRange(a, b);
}

export function formatNumber(locale: Locale, n: number): string {
	return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

export function formatList(locale: Locale, items: string[]): string {
	return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A body's period. When only the years are known (stored as 1 January – 31 December), only the
 * years are shown: "2016–2018" rather than dates nobody recorded.
 */
export function formatPeriod(locale: Locale, start: string | null, end: string | null): string {
	if (!start) return '';
	if (start.endsWith('-01-01') && (!end || end.endsWith('-12-31'))) {
		const y = (iso: string) => new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
		return end ? `${y(start)}–${y(end)}` : y(start);
	}
	return end ? formatDateRange(locale, start, end) : formatDate(locale, start);
}
