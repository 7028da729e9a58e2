import type { AmendmentKindName, AmendmentStatus } from '../../../core/shared/vocabulary';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common';
import { documents, documentVersions } from './documents';
import { organisations, users } from './people';

/**
 * A proposed change to one unit of a published version of a draft. `targetKey` and `afterKey` are
 * stable unit keys of `versionId`; when a new version is published, a proposed amendment is carried
 * forward to it (versionId moves on) or flagged `outdated` for its delegation — never re-aimed.
 */
export const amendments = pgTable(
	'amendments',
	{
		id: id(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		/** The version the amendment applies to now. */
		versionId: uuid('version_id')
			.notNull()
			.references(() => documentVersions.id, { onDelete: 'cascade' }),
		/** The version it was proposed against. */
		proposedOnVersionId: uuid('proposed_on_version_id')
			.notNull()
			.references(() => documentVersions.id, { onDelete: 'cascade' }),
		/** Per document: amendment 1, 2, 3… — also orders insertions after the same unit. */
		number: integer('number').notNull(),
		kind: text('kind').$type<AmendmentKindName>().notNull(),
		targetKey: text('target_key').notNull(),
		/** The target's number as it stood ('2 bis'); for an insertion, the number proposed for the new unit. */
		targetNumber: text('target_number'),
		afterKey: text('after_key'),
		deletedText: text('deleted_text').notNull().default(''),
		insertedText: text('inserted_text').notNull().default(''),
		resultText: text('result_text').notNull().default(''),
		/** A deletion's further units (a whole left-out part). */
		covers: jsonb('covers').$type<string[]>().notNull().default([]),
		wholePart: boolean('whole_part').notNull().default(false),
		explanation: text('explanation').notNull().default(''),
		status: text('status').$type<AmendmentStatus>().notNull().default('proposed'),
		/** Why it no longer applies to the current version: 'target-gone' | 'text-changed' | 'place-gone'; null when it applies. */
		outdated: text('outdated'),
		/** 'form' (written in the browser) or 'copy' (derived from an uploaded edited copy). */
		origin: text('origin').notNull().default('form'),
		copyName: text('copy_name'),
		/** Authors of Word tracked changes in the copy for this unit. */
		trackedAuthors: jsonb('tracked_authors').$type<string[]>().notNull().default([]),
		proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
		decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
		decidedByLabel: text('decided_by_label'),
		/** The secretariat recorded the decision on the Chair's behalf. */
		decidedOnBehalf: boolean('decided_on_behalf').notNull().default(false),
		decisionReason: text('decision_reason').notNull().default(''),
		/** The text as the Chair modified it (accepted as modified). */
		modifiedText: text('modified_text'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** The version that took the accepted amendment in. */
		appliedInVersionId: uuid('applied_in_version_id').references(() => documentVersions.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('amendments_document_number').on(t.documentId, t.number), index('amendments_version').on(t.versionId)]
);

/** The delegations proposing an amendment, in the order named. */
export const amendmentProposers = pgTable(
	'amendment_proposers',
	{
		id: id(),
		amendmentId: uuid('amendment_id')
			.notNull()
			.references(() => amendments.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('amendment_proposers_pair').on(t.amendmentId, t.organisationId)]
);

/** A comment on a paragraph (unit) of a draft, threaded by `parentId`; the Chair resolves them. */
export const unitComments = pgTable(
	'unit_comments',
	{
		id: id(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		versionId: uuid('version_id')
			.notNull()
			.references(() => documentVersions.id, { onDelete: 'cascade' }),
		unitKey: text('unit_key').notNull(),
		parentId: uuid('parent_id'),
		authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
		authorLabel: text('author_label').notNull(),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('unit_comments_document_unit').on(t.documentId, t.unitKey)]
);
