import type { MembershipRole, StakeholderGroup } from '../../../core/shared/vocabulary';
import { date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bodies } from './bodies';
import { createdAt, id, updatedAt } from './common';
import { organisations, persons } from './people';

/**
 * A seat in a body: a role, the delegation (organisation) it acts for, the stakeholder group,
 * and the person who holds it when known. A delegation seat without a named person is allowed:
 * the documents often name the Member State but not its delegates.
 */
export const memberships = pgTable('memberships', {
	id: id(),
	bodyId: uuid('body_id')
		.notNull()
		.references(() => bodies.id, { onDelete: 'cascade' }),
	role: text('role').$type<MembershipRole>().notNull(),
	stakeholderGroup: text('stakeholder_group').$type<StakeholderGroup>(),
	organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
	personId: uuid('person_id').references(() => persons.id, { onDelete: 'restrict' }),
	termStart: date('term_start'),
	termEnd: date('term_end'),
	note: text('note'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
