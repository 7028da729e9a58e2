/**
 * Dated data file — where `world-countries` 5.1.0 (the source of our names) differs from the
 * United Nations' own usage, recorded rather than hand-edited.
 *
 * Why record instead of fix: the names come from one maintained package so that a package update
 * brings corrections for everyone; patching a few by hand would make it impossible to tell which
 * names are the package's and which are ours. When the package changes one of these values, the
 * test that pins them fails and this list (and the README) should be updated or shortened.
 *
 * UN forms: the UN Terminology Database (UNTERM) formal names and the UN list of Member States,
 * as known on 2024-12-13 (the same date as `development-status.json`).
 */
export interface PackageDifference {
	iso2: string;
	/** Which value: a language of `names`, or the membership flag. */
	field: 'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh' | 'unMember';
	/** The package's value, exactly as it appears in `world-countries`. */
	packageValue: string | boolean;
	/** What the UN uses. */
	unValue: string | boolean;
}

export const PACKAGE_DIFFERENCES: readonly PackageDifference[] = [
	// English official names (`name.official`).
	{ iso2: 'VA', field: 'en', packageValue: 'Vatican City State', unValue: 'Holy See' },
	{ iso2: 'BN', field: 'en', packageValue: 'Nation of Brunei, Abode of Peace', unValue: 'Brunei Darussalam' },
	{ iso2: 'KN', field: 'en', packageValue: 'Federation of Saint Christopher and Nevis', unValue: 'Saint Kitts and Nevis' },
	{ iso2: 'VN', field: 'en', packageValue: 'Socialist Republic of Vietnam', unValue: 'Socialist Republic of Viet Nam' },
	{ iso2: 'UY', field: 'en', packageValue: 'Oriental Republic of Uruguay', unValue: 'Eastern Republic of Uruguay' },
	{ iso2: 'IE', field: 'en', packageValue: 'Republic of Ireland', unValue: 'Ireland' },
	{ iso2: 'AU', field: 'en', packageValue: 'Commonwealth of Australia', unValue: 'Australia' },
	{ iso2: 'KI', field: 'en', packageValue: 'Independent and Sovereign Republic of Kiribati', unValue: 'Republic of Kiribati' },
	{ iso2: 'SM', field: 'en', packageValue: 'Most Serene Republic of San Marino', unValue: 'Republic of San Marino' },
	// Other languages (`translations.<ara|fra|rus|spa|zho>.official`).
	{ iso2: 'US', field: 'fr', packageValue: "Les états-unis d'Amérique", unValue: "États-Unis d'Amérique" },
	{ iso2: 'CI', field: 'fr', packageValue: "République de Côte d' Ivoire", unValue: "République de Côte d'Ivoire" },
	{ iso2: 'CI', field: 'ar', packageValue: 'جمهورية ساحل العاج', unValue: 'جمهورية كوت ديفوار' },
	{ iso2: 'CN', field: 'ru', packageValue: 'Народная Республика Китай', unValue: 'Китайская Народная Республика' },
	{ iso2: 'KP', field: 'ru', packageValue: 'Корейская Народно-Демократическая Республика Корея', unValue: 'Корейская Народно-Демократическая Республика' },
	{ iso2: 'SZ', field: 'ru', packageValue: 'Королевство Свазиленд', unValue: 'Королевство Эсватини' },
	// Traditional characters; the UN uses simplified Chinese.
	{ iso2: 'MK', field: 'zh', packageValue: '北馬其頓共和國', unValue: '北马其顿共和国' },
	// Membership: the package marks the Holy See as a Member State. It is a non-member observer
	// State; this one value *is* overridden in countries.ts, because membership is not a name.
	{ iso2: 'VA', field: 'unMember', packageValue: true, unValue: false }
];
