import type { StakeholderGroup } from '../../core/shared/vocabulary';
import type { MembershipInput, PersonRef } from '../../core/memberships/schemas';
import { can } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { changedFields, recordAudit } from '../audit/record';
import type { Db, DbOrTx } from '../db/client';
import { linkUserToPerson } from '../repositories/admin-users';
import { findUserById, insertPersonForAccount } from '../repositories/users';
import { findBodyById } from '../repositories/bodies';
import { deleteMembershipRow, findMembershipById, insertMembership, updateMembershipRow, type MembershipRow, type MembershipValues } from '../repositories/membership-writes';
import { findOrganisationById, findPersonById } from '../repositories/organisations';
import { createdFields, pick, removedFields } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

const FIELDS = ['role', 'stakeholderGroup', 'organisationId', 'personId', 'termStart', 'termEnd', 'note'] as const;

/**
 * The person id a seat goes to. For `user:<id>` (a registered user without a person record) the
 * person is created from the account's name and linked to the account — this edits a user, so
 * only those who may update users (administrators) can do it; both changes are audited.
 */
async function resolvePerson(tx: DbOrTx, actor: Actor, ref: PersonRef | null): Promise<string | null> {
	if (!ref) return null;
	if (ref.kind === 'person') {
		if (!(await findPersonById(tx, ref.id))) throw new ActionFailure('invalid', { field: 'personId', key: 'admin.error.unknownPerson' });
		return ref.id;
	}
	if (!can(actor, 'user.update')) throw new ActionFailure('forbidden');
	const user = await findUserById(tx, ref.id);
	if (!user) throw new ActionFailure('invalid', { field: 'personId', key: 'admin.error.unknownPerson' });
	if (user.personId) return user.personId;
	// The same person record registration would have made for the account.
	const person = await insertPersonForAccount(tx, user.displayName);
	await recordAudit(tx, actor, {
		action: 'person.create',
		entityType: 'person',
		entityId: person.id,
		summary: user.displayName,
		changes: createdFields({ name: user.displayName, slug: person.slug })
	});
	if (!(await linkUserToPerson(tx, user.id, person.id))) throw new ActionFailure('conflict', { field: 'personId' });
	await recordAudit(tx, actor, {
		action: 'user.update',
		entityType: 'user',
		entityId: user.id,
		summary: user.displayName,
		changes: { personId: { from: null, to: person.id } }
	});
	return person.id;
}

/**
 * The row to store. A seat left without a stakeholder group takes its delegation's group, so a
 * Member State's seat counts as "government" in the composition without retyping it.
 */
async function valuesFor(tx: DbOrTx, actor: Actor, input: MembershipInput): Promise<MembershipValues> {
	let stakeholderGroup: string | null = input.stakeholderGroup;
	if (input.organisationId) {
		const org = await findOrganisationById(tx, input.organisationId);
		if (!org) throw new ActionFailure('invalid', { field: 'organisationId', key: 'admin.error.unknownOrganisation' });
		stakeholderGroup ??= org.stakeholderGroup;
	}
	const personId = await resolvePerson(tx, actor, input.personId);
	return { role: input.role, stakeholderGroup: stakeholderGroup as StakeholderGroup | null, organisationId: input.organisationId, personId, termStart: input.termStart, termEnd: input.termEnd, note: input.note };
}

/**
 * How the audit log names a seat: who holds it and its role, e.g. "Pat Person / Russian
 * Federation (member)". Names are the records' names of record; the role is its code.
 */
async function seatLabel(tx: DbOrTx, m: Pick<MembershipRow, 'role' | 'personId' | 'organisationId'>): Promise<string> {
	const person = m.personId ? await findPersonById(tx, m.personId) : undefined;
	const org = m.organisationId ? await findOrganisationById(tx, m.organisationId) : undefined;
	const who = [person?.name, org?.name].filter(Boolean).join(' / ');
	return who ? `${who} (${m.role})` : m.role;
}

/**
 * Gives a seat in a body: role, delegation, stakeholder group, person, term, note (administrators
 * and the body's secretariat). A seat held by a registered user's person gives that user the
 * role's abilities in the body from their next request.
 * Outcomes: not_found (no such body); forbidden; invalid (unknown person or organisation).
 */
export async function createMembership(db: Db, actor: Actor, bodyId: string, input: MembershipInput): Promise<Result<MembershipRow, ActionError>> {
	return perform(
		db,
		actor,
		'membership.create',
		async (tx) => ((await findBodyById(tx, bodyId)) ? { bodyId } : null),
		async (tx) => {
			const values = await valuesFor(tx, actor, input);
			const row = await insertMembership(tx, bodyId, values);
			return {
				value: row,
				audit: { action: 'membership.create', entityType: 'membership', entityId: row.id, summary: await seatLabel(tx, row), changes: createdFields(values) }
			};
		}
	);
}

/** Changes a seat. Outcomes: not_found; forbidden; invalid. */
export async function updateMembership(db: Db, actor: Actor, membershipId: string, input: MembershipInput): Promise<Result<MembershipRow, ActionError>> {
	return perform(
		db,
		actor,
		'membership.update',
		async (tx) => {
			const m = await findMembershipById(tx, membershipId);
			return m ? { bodyId: m.bodyId } : null;
		},
		async (tx) => {
			const before = (await findMembershipById(tx, membershipId))!;
			const values = await valuesFor(tx, actor, input);
			const row = await updateMembershipRow(tx, membershipId, values);
			return {
				value: row,
				audit: { action: 'membership.update', entityType: 'membership', entityId: row.id, summary: await seatLabel(tx, row), changes: changedFields(pick(before, FIELDS), values) }
			};
		}
	);
}

/** Removes a seat (and with it the role's abilities of the person who held it). Outcomes: not_found; forbidden. */
export async function deleteMembership(db: Db, actor: Actor, membershipId: string): Promise<Result<MembershipRow, ActionError>> {
	return perform(
		db,
		actor,
		'membership.delete',
		async (tx) => {
			const m = await findMembershipById(tx, membershipId);
			return m ? { bodyId: m.bodyId } : null;
		},
		async (tx) => {
			const before = (await findMembershipById(tx, membershipId))!;
			await deleteMembershipRow(tx, membershipId);
			return {
				value: before,
				audit: { action: 'membership.delete', entityType: 'membership', entityId: membershipId, summary: await seatLabel(tx, before), changes: removedFields(before, FIELDS) }
			};
		}
	);
}
