import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../shared/actor';
import { ACTIONS, can, POLICIES } from './policies';

const body = 'b1';
const other = 'b2';
const actor = (over: Partial<Actor>): Actor => ({ ...ANONYMOUS, userId: 'u', ...over });

describe('policies', () => {
	it('deny an anonymous visitor every action but answering a questionnaire', () => {
		for (const a of ACTIONS) expect(can(ANONYMOUS, a, body), a).toBe(a === 'questionnaire.respond');
	});
	it('allow an administrator every action granted to admin', () => {
		const admin = actor({ isAdmin: true });
		for (const a of ACTIONS) expect(can(admin, a, body)).toBe(['admin', 'signed_in', 'anyone'].some((g) => (POLICIES[a] as readonly string[]).includes(g)));
	});
	it('scope a secretariat to its own body', () => {
		const sec = actor({ memberships: [{ bodyId: body, role: 'secretariat' }] });
		expect(can(sec, 'meeting.create', body)).toBe(true);
		expect(can(sec, 'meeting.create', other)).toBe(false);
		expect(can(sec, 'meeting.create')).toBe(false);
		expect(can(sec, 'organisation.create')).toBe(true);
		expect(can(sec, 'body.create')).toBe(false);
		expect(can(sec, 'outbox.view')).toBe(false);
	});
	it('give a member no administrative action: only its own account, contributions, amendments and comments', () => {
		const member = actor({ memberships: [{ bodyId: body, role: 'member' }] });
		const everyone = new Set(['questionnaire.respond', 'account.view', 'contribution.submit', 'contribution.revise', 'contribution.withdraw', 'contribution.confirm']);
		const theirs = new Set([...everyone, 'amendment.propose', 'amendment.withdraw', 'comment.create']);
		for (const a of ACTIONS) expect(can(member, a, body), a).toBe(theirs.has(a));
		for (const a of ACTIONS) expect(can(member, a, other), `${a} in another body`).toBe(everyone.has(a));
	});
	it('let only the chair and the secretariat decide amendments and publish versions', () => {
		for (const role of ['chair', 'secretariat'] as const) {
			const who = actor({ memberships: [{ bodyId: body, role }] });
			expect(can(who, 'amendment.decide', body)).toBe(true);
			expect(can(who, 'version.create', body)).toBe(true);
		}
		for (const role of ['vice_chair', 'member', 'observer', 'coordinator'] as const) {
			const who = actor({ memberships: [{ bodyId: body, role }] });
			expect(can(who, 'amendment.decide', body), role).toBe(false);
			expect(can(who, 'version.create', body), role).toBe(false);
		}
	});
});
