import { z } from 'zod';
import { endNotBeforeStart, optionalChoice, optionalDate, optionalId, optionalText, requiredChoice, requiredId } from '../shared/form-fields';
import { MEMBERSHIP_ROLES, STAKEHOLDER_GROUPS } from '../shared/vocabulary';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Who holds a seat: a person's id, or `user:<id>` for a registered user who has no person record
 * yet (the command then creates the person from the account's name; administrators only).
 */
export type PersonRef = { kind: 'person'; id: string } | { kind: 'user'; id: string };

export function parsePersonRef(value: string): PersonRef | null {
	if (new RegExp(`^${ID}$`, 'i').test(value)) return { kind: 'person', id: value.toLowerCase() };
	const m = new RegExp(`^user:(${ID})$`, 'i').exec(value);
	return m ? { kind: 'user', id: m[1].toLowerCase() } : null;
}

const personRef = z
	.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
		z
			.string()
			.refine((v) => parsePersonRef(v) !== null, { message: 'common.invalid' })
			.optional()
	)
	.transform((v) => (v ? parsePersonRef(v) : null));

/**
 * The membership form: a role in the body, the delegation (organisation) it acts for, the
 * stakeholder group, the person who holds it (optional: documents often name only the
 * delegation), the term and a note. A seat must name a person or an organisation.
 */
export const membershipInput = z
	.object({
		role: requiredChoice(MEMBERSHIP_ROLES),
		stakeholderGroup: optionalChoice(STAKEHOLDER_GROUPS),
		organisationId: optionalId(),
		personId: personRef,
		termStart: optionalDate(),
		termEnd: optionalDate(),
		note: optionalText(1000)
	})
	.superRefine(endNotBeforeStart('termStart', 'termEnd'))
	.superRefine((m, ctx) => {
		if (!m.organisationId && !m.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'admin.error.personOrOrganisation' });
	});

export type MembershipInput = z.infer<typeof membershipInput>;

/**
 * A seat given from the users list: a body and a role for a registered user's person (created
 * from the account when the user has none). The rest of the seat is completed on the body's
 * memberships page.
 */
export const userSeatInput = z.object({
	userId: requiredId(),
	bodyId: requiredId(),
	role: requiredChoice(MEMBERSHIP_ROLES)
});

export type UserSeatInput = z.infer<typeof userSeatInput>;
