import { describe, expect, it } from 'vitest';
import { personInput, setAdministratorInput } from './schemas';

const org = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

describe('personInput', () => {
	it('parses a person with an organisation', () => {
		expect(personInput.parse({ name: ' Avri Doria ', slug: '', honorific: 'Ms.', organisationId: org })).toEqual({
			name: 'Avri Doria',
			slug: null,
			honorific: 'Ms.',
			organisationId: org
		});
	});
	it('requires a name and rejects a malformed organisation id', () => {
		const r = personInput.safeParse({ name: '', organisationId: 'abc' });
		expect(r.error?.issues.map((i) => i.path[0])).toEqual(['name', 'organisationId']);
	});
	it('rejects over-long names', () => {
		expect(personInput.safeParse({ name: 'x'.repeat(201) }).error?.issues[0].code).toBe('too_big');
	});
});

describe('setAdministratorInput', () => {
	it('reads the flag', () => {
		expect(setAdministratorInput.parse({ userId: org, isAdmin: 'true' })).toEqual({ userId: org, isAdmin: true });
		expect(setAdministratorInput.parse({ userId: org, isAdmin: 'false' }).isAdmin).toBe(false);
		expect(setAdministratorInput.safeParse({ userId: org, isAdmin: 'yes' }).success).toBe(false);
		expect(setAdministratorInput.safeParse({ userId: 'x', isAdmin: 'true' }).success).toBe(false);
	});
});
