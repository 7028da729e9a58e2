import { describe, expect, it } from 'vitest';
import { bodyInput } from './schemas';

const valid = { name: 'Working Group on Enhanced Cooperation', shortName: 'WGEC 2016–2018', slug: 'wgec-2016-2018', mandate: 'To develop recommendations.', lang: 'en', periodStart: '2016-09-01', periodEnd: '2018-05-31' };

function issues(input: Record<string, unknown>) {
	const r = bodyInput.safeParse(input);
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('bodyInput', () => {
	it('accepts a complete body', () => {
		expect(bodyInput.parse(valid)).toEqual(valid);
	});
	it('turns blank optional fields into nulls and defaults', () => {
		const out = bodyInput.parse({ name: 'X', shortName: 'X', slug: '', mandate: '', lang: '', periodStart: '', periodEnd: '' });
		expect(out).toEqual({ name: 'X', shortName: 'X', slug: null, mandate: '', lang: 'en', periodStart: null, periodEnd: null });
	});
	it('requires a name and short name', () => {
		const r = bodyInput.safeParse({ ...valid, name: '  ', shortName: undefined });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['name', 'shortName']);
	});
	it('rejects an end before the start, on the end field', () => {
		expect(issues({ ...valid, periodEnd: '2016-01-01' })).toEqual({ periodEnd: 'admin.error.endBeforeStart' });
	});
	it('rejects dates that are not ISO days', () => {
		expect(issues({ ...valid, periodStart: '01/09/2016' })).toEqual({ periodStart: 'admin.error.date' });
		expect(issues({ ...valid, periodStart: '2016-02-30' })).toEqual({ periodStart: 'admin.error.date' });
	});
	it('rejects malformed slugs and over-long texts', () => {
		expect(issues({ ...valid, slug: 'WGEC 2016' })).toEqual({ slug: 'admin.error.slug' });
		expect(issues({ ...valid, slug: 'a--b' })).toEqual({ slug: 'admin.error.slug' });
		expect(issues({ ...valid, slug: 'a'.repeat(81) })).toHaveProperty('slug');
		expect(bodyInput.safeParse({ ...valid, name: 'x'.repeat(201) }).error?.issues[0].code).toBe('too_big');
		expect(bodyInput.safeParse({ ...valid, mandate: 'x'.repeat(20_001) }).error?.issues[0].code).toBe('too_big');
	});
	it('accepts only the six languages', () => {
		expect(issues({ ...valid, lang: 'de' })).toHaveProperty('lang');
		expect(bodyInput.parse({ ...valid, lang: 'ar' }).lang).toBe('ar');
	});
});
