import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../shared/actor';
import { heldReader, mayReadHeld, type HeldFacts } from './held-readers';

const WG = 'b0000000-0000-4000-8000-000000000001';
const OTHER = 'b0000000-0000-4000-8000-000000000002';
const BRAZIL = 'o0000000-0000-4000-8000-000000000001';
const EGYPT = 'o0000000-0000-4000-8000-000000000002';

const actor = (over: Partial<Actor>): Actor => ({ userId: 'u-1', personId: 'p-1', email: 'x@example.org', displayName: 'X', isAdmin: false, memberships: [], ...over });

const held: HeldFacts = {
	bodyId: WG,
	createdByUserId: 'u-author',
	submitters: [
		{ organisationId: BRAZIL, personId: null, confirmed: true },
		{ organisationId: EGYPT, personId: null, confirmed: false },
		{ organisationId: null, personId: 'p-jane', confirmed: true }
	]
};

describe('held contribution readers', () => {
	it('gives an anonymous visitor no reader: published contributions only', () => {
		expect(heldReader(ANONYMOUS)).toBeNull();
		expect(mayReadHeld(null, held)).toBe(false);
	});

	it('lets the secretariat of the body read it, not the secretariat of another body', () => {
		const ours = heldReader(actor({ memberships: [{ bodyId: WG, role: 'secretariat' }] }))!;
		expect(ours).toMatchObject({ all: false, secretariatOf: [WG] });
		expect(mayReadHeld(ours, held)).toBe(true);
		const theirs = heldReader(actor({ memberships: [{ bodyId: OTHER, role: 'secretariat' }] }))!;
		expect(mayReadHeld(theirs, held)).toBe(false);
		expect(mayReadHeld(heldReader(actor({ isAdmin: true }))!, held)).toBe(true);
	});

	it('lets its author and its confirmed submitters read it, not a pending co-submitter or another member', () => {
		expect(mayReadHeld(heldReader(actor({ userId: 'u-author' })), held)).toBe(true);
		expect(mayReadHeld(heldReader(actor({ personId: 'p-jane' })), held)).toBe(true);
		const brazil = heldReader(actor({ memberships: [{ bodyId: WG, role: 'member', organisationId: BRAZIL }] }))!;
		expect(brazil).toMatchObject({ secretariatOf: [], delegations: [{ bodyId: WG, organisationId: BRAZIL }] });
		expect(mayReadHeld(brazil, held)).toBe(true);
		expect(mayReadHeld(heldReader(actor({ memberships: [{ bodyId: WG, role: 'member', organisationId: EGYPT }] })), held)).toBe(false);
		// Seated for Brazil in another body only: not a delegation of this contribution's body.
		expect(mayReadHeld(heldReader(actor({ memberships: [{ bodyId: OTHER, role: 'member', organisationId: BRAZIL }] })), held)).toBe(false);
		expect(mayReadHeld(heldReader(actor({ memberships: [{ bodyId: WG, role: 'chair' }] })), held)).toBe(false);
	});
});
