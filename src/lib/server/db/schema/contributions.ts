import { boolean, date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies, categories } from './bodies';
import { createdAt, id, updatedAt } from './common';
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
	sourceName: text('source_name'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const contributionSubmitters = pgTable(
	'contribution_submitters',
	{
		id: id(),
		contributionId: uuid('contribution_id')
			.notNull()
			.references(() => contributions.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
		personId: uuid('person_id').references(() => persons.id, { onDelete: 'restrict' }),
		position: integer('position').notNull().default(0)
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
		source: text('source').notNull()
	},
	(t) => [uniqueIndex('contribution_items_pos').on(t.contributionId, t.position)]
);
