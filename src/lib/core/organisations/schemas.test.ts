import { describe, expect, it } from 'vitest';
import { organisationInput } from './schemas';

function issues(input: Record<string, unknown>) {
	const r = organisationInput.safeParse(input);
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('organisationInput', () => {
	it('takes a Member State by its ISO code alone', () => {
		expect(organisationInput.parse({ kind: 'member_state', name: '', slug: '', iso2: ' ru ', stakeholderGroup: '', website: '' })).toEqual({
			kind: 'member_state',
			name: null,
			slug: null,
			iso2: 'RU',
			stakeholderGroup: null,
			website: null
		});
	});
	it('requires the ISO code of a Member State, and a name of anything else', () => {
		expect(issues({ kind: 'member_state' })).toEqual({ iso2: 'admin.error.iso2Required' });
		expect(issues({ kind: 'civil_society', name: '' })).toEqual({ name: 'common.required' });
	});
	it('rejects an ISO code on an organisation that is not a State', () => {
		expect(issues({ kind: 'intergovernmental', name: 'ITU', iso2: 'CH' })).toEqual({ iso2: 'admin.error.iso2OnlyStates' });
	});
	it('rejects malformed codes, web addresses and kinds', () => {
		expect(issues({ kind: 'member_state', iso2: 'RUS' })).toEqual({ iso2: 'admin.error.iso2' });
		expect(issues({ kind: 'company', name: 'X', website: 'javascript:alert(1)' })).toEqual({ website: 'admin.error.url' });
		expect(issues({ kind: 'club', name: 'X' })).toHaveProperty('kind');
		expect(organisationInput.parse({ kind: 'company', name: 'X', website: 'https://example.org' }).website).toBe('https://example.org');
	});
	it('rejects over-long names', () => {
		expect(organisationInput.safeParse({ kind: 'company', name: 'x'.repeat(301) }).error?.issues[0].code).toBe('too_big');
	});
});
