/**
 * Which PostgreSQL text search configuration reads a text in a given language. The configuration
 * decides stemming and stop words, so "droits" finds "droit" in French and "rights" finds "right"
 * in English. Chinese has no built-in PostgreSQL configuration: 'simple' keeps every token
 * unstemmed, which is the least surprising choice (it still matches words written with spaces,
 * such as Latin names or numbers, inside Chinese text).
 *
 * Example: tsConfigFor('fr-CA') → 'french'; tsConfigFor('zh') → 'simple'; tsConfigFor('xx') → 'simple'.
 */
export const TS_CONFIGS = {
	ar: 'arabic',
	en: 'english',
	es: 'spanish',
	fr: 'french',
	ru: 'russian',
	zh: 'simple'
} as const;

export type TsConfig = (typeof TS_CONFIGS)[keyof typeof TS_CONFIGS];

/** Every configuration a passage can be indexed with, each once: the search asks each of them. */
export const SEARCH_TS_CONFIGS: readonly TsConfig[] = [...new Set(Object.values(TS_CONFIGS))];

/** The text search configuration for a language tag; unknown languages get 'simple'. */
export function tsConfigFor(lang: string | null | undefined): TsConfig {
	const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
	return (TS_CONFIGS as Record<string, TsConfig>)[base] ?? 'simple';
}
