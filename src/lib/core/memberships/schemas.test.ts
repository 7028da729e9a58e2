import { describe, expect, it } from 'vitest';
import { membershipInput, parsePersonRef, userSeatInput } from './schemas';

const person = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const org = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('membershipInput', () => {
	it('parses a seat', () => {
		expect(
			membershipInput.parse({ role: 'secretariat', stakeholderGroup: '', organisationId: '', personId: person, termStart: '2016-09-01', termEnd: '2018-05-31', note: '' })
		).toEqual({ role: 'secretariat', stakeholderGroup: null, organisationId: null, personId: { kind: 'person', id: person }, termStart: '2016-09-01', termEnd: '2018-05-31', note: null });
	});
	it('allows a delegation seat without a named person', () => {
		const m = membershipInput.parse({ role: 'member', stakeholderGroup: 'government', organisationId: org });
		expect(m.personId).toBeNull();
		expect(m.organisationId).toBe(org);
	});
	it('accepts a registered user who has no person yet', () => {
		expect(membershipInput.parse({ role: 'member', personId: `user:${person}` }).personId).toEqual({ kind: 'user', id: person });
	});
	it('needs a person or an organisation', () => {
		const r = membershipInput.safeParse({ role: 'member' });
		expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['personId', 'admin.error.personOrOrganisation']]);
	});
	it('rejects unknown roles and groups, bad ids, reversed terms and long notes', () => {
		expect(membershipInput.safeParse({ role: 'president', personId: person }).success).toBe(false);
		expect(membershipInput.safeParse({ role: 'member', stakeholderGroup: 'media', personId: person }).success).toBe(false);
		expect(membershipInput.safeParse({ role: 'member', personId: 'user:abc' }).success).toBe(false);
		expect(membershipInput.safeParse({ role: 'member', personId: person, termStart: '2018-01-01', termEnd: '2017-01-01' }).error?.issues[0].path).toEqual(['termEnd']);
		expect(membershipInput.safeParse({ role: 'member', personId: person, note: 'x'.repeat(1001) }).error?.issues[0].code).toBe('too_big');
	});
	it('reports a missing role as required', () => {
		expect(membershipInput.safeParse({ role: '', personId: person }).error?.issues[0].message).toBe('common.required');
		expect(membershipInput.safeParse({ role: 'king', personId: person }).error?.issues[0].message).toBe('common.invalid');
	});
});

describe('parsePersonRef', () => {
	it('tells persons from users', () => {
		expect(parsePersonRef(person)).toEqual({ kind: 'person', id: person });
		expect(parsePersonRef(`user:${person.toUpperCase()}`)).toEqual({ kind: 'user', id: person });
		expect(parsePersonRef('person:' + person)).toBeNull();
	});
});

describe('userSeatInput', () => {
	it('takes a user, a body and a role', () => {
		expect(userSeatInput.parse({ userId: person, bodyId: org, role: 'secretariat' })).toEqual({ userId: person, bodyId: org, role: 'secretariat' });
		expect(userSeatInput.safeParse({ userId: person, bodyId: 'wgec', role: 'secretariat' }).success).toBe(false);
		expect(userSeatInput.safeParse({ userId: person, bodyId: org, role: 'owner' }).success).toBe(false);
	});
});
