import type { ContributionStatus } from '../../../core/shared/vocabulary';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies, categories } from './bodies';
import { calls } from './calls';
import { bytea, createdAt, id, updatedAt } from './common';
import { documents } from './documents';
import { meetings } from './meetings';
import { organisations, persons } from './people';

/** One submission: a contribution with one or more submitters and items in categories. */
export const contributions = pgTable('contributions', {
	id: id(),
	slug: text('slug').notNull().unique(),
	bodyId: uuid('body_id')
		.notNull()
		.references(() => bodies.id, { onDelete: 'cascade' }),
	/** The call it answers; null for contributions that came otherwise (e.g. comments on a draft). */
	callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
	meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
	/** The document the contribution comments on (e.g. comments on a Chair's draft). */
	targetDocumentId: uuid('target_document_id').references(() => documents.id, { onDelete: 'set null' }),
	/** The document that holds the contribution's full text, when it has one. */
	textDocumentId: uuid('text_document_id').references(() => documents.id, { onDelete: 'set null' }),
	title: text('title').notNull(),
	/** The heading as written by its source ("Draft recommendation submitted by …"). */
	heading: text('heading').notNull().default(''),
	onBehalfOf: text('on_behalf_of'),
	submittedOn: date('submitted_on'),
	lang: text('lang').notNull().default('en'),
	published: boolean('published').notNull().default(true),
	/** Order among the submissions of a compilation (the imported rolling document's order). */
	position: integer('position').notNull().default(0),
	status: text('status').$type<ContributionStatus>().notNull().default('submitted'),
	/** Received after the call closed and accepted by the secretariat. */
	late: boolean('late').notNull().default(false),
	/** The contribution the secretariat merged this one into (lineage; this one stays readable). */
	mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contributions.id, { onDelete: 'set null' }),
	/** The latest revision's number (1 for a contribution never revised). */
	revision: integer('revision').notNull().default(1),
	/** The structured text of the latest revision, as written or as converted from the upload. */
	sourceText: text('source_text').notNull().default(''),
	/** When it was received (the compilation's default order). */
	receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
	withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
	/** The token of the form that sent it: a second post of the same form finds this contribution. */
	submissionToken: text('submission_token').unique(),
	/** The account that submitted it: with the submitting delegations, who may revise or withdraw. */
	createdByUserId: uuid('created_by_user_id'),
	sourceName: text('source_name'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
}, (t) => [index('contributions_call').on(t.callId)]);

export const contributionSubmitters = pgTable(
	'contribution_submitters',
	{
		id: id(),
		contributionId: uuid('contribution_id')
			.notNull()
			.references(() => contributions.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
		personId: uuid('person_id').references(() => persons.id, { onDelete: 'restrict' }),
		position: integer('position').notNull().default(0),
		/** A co-submitting delegation is shown only once it confirms; until then it is pending. */
		confirmed: boolean('confirmed').notNull().default(true),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		confirmedByUserId: uuid('confirmed_by_user_id')
	},
	(t) => [uniqueIndex('contribution_submitters_pos').on(t.contributionId, t.position)]
);

/** An item of a contribution (a paragraph or list item), each with its own category. */
export const contributionItems = pgTable(
	'contribution_items',
	{
		id: id(),
		contributionId: uuid('contribution_id')
			.notNull()
			.references(() => contributions.id, { onDelete: 'cascade' }),
		categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
		position: integer('position').notNull(),
		kind: text('kind').notNull().default('paragraph'),
		number: text('number'),
		text: text('text').notNull(),
		source: text('source').notNull(),
		/** The item's footnotes: marker as printed and text. */
		notes: jsonb('notes').$type<{ marker: string; text: string }[]>().notNull().default([])
	},
	(t) => [uniqueIndex('contribution_items_pos').on(t.contributionId, t.position)]
);

/** Every revision of a contribution as submitted: title, structured text and items, kept for ever. */
export const contributionRevisions = pgTable(
	'contribution_revisions',
	{
		id: id(),
		contributionId: uuid('contribution_id')
			.notNull()
			.references(() => contributions.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		sourceText: text('source_text').notNull(),
		items: jsonb('items')
			.$type<{ number: string | null; kind: string; text: string; categoryCode: string | null; notes: { marker: string; text: string }[] }[]>()
			.notNull()
			.default([]),
		fileId: uuid('file_id'),
		createdByUserId: uuid('created_by_user_id'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('contribution_revisions_number').on(t.contributionId, t.number)]
);

/**
 * An uploaded original, kept byte for byte and downloadable. It is stored when converted for the
 * preview, under the form's token, and joins its contribution (and revision) on submission; one
 * never submitted is deleted a day later.
 */
export const contributionFiles = pgTable('contribution_files', {
	id: id(),
	contributionId: uuid('contribution_id').references(() => contributions.id, { onDelete: 'cascade' }),
	revision: integer('revision'),
	formToken: text('form_token').notNull(),
	uploadedByUserId: uuid('uploaded_by_user_id').notNull(),
	name: text('name').notNull(),
	mediaType: text('media_type').notNull(),
	format: text('format').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	bytes: bytea('bytes').notNull(),
	createdAt: createdAt()
});

/**
 * Sampled hashes of a contribution's word shingles, for finding similar contributions: a lookup
 * hashes the new text the same way and counts shared hashes per contribution.
 */
export const contributionFingerprints = pgTable(
	'contribution_fingerprints',
	{
		contributionId: uuid('contribution_id')
			.notNull()
			.references(() => contributions.id, { onDelete: 'cascade' }),
		bodyId: uuid('body_id').notNull(),
		hash: integer('hash').notNull()
	},
	(t) => [index('contribution_fingerprints_body_hash').on(t.bodyId, t.hash, t.contributionId), index('contribution_fingerprints_contribution').on(t.contributionId)]
);
