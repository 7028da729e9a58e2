import { boolean, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tsvector } from './common';

/**
 * One searchable passage: a unit of a document's latest version or an item of a contribution.
 * Denormalised so a search with filters is a single indexed query; rebuilt whenever its source
 * changes. `ts_config` is the PostgreSQL text search configuration of the passage's language.
 */
export const searchEntries = pgTable(
	'search_entries',
	{
		id: id(),
		sourceKind: text('source_kind').notNull(),
		documentId: uuid('document_id'),
		contributionId: uuid('contribution_id'),
		unitKey: text('unit_key'),
		bodyId: uuid('body_id').notNull(),
		title: text('title').notNull(),
		label: text('label').notNull().default(''),
		text: text('text').notNull(),
		lang: text('lang').notNull(),
		tsConfig: text('ts_config').notNull(),
		issuedOn: date('issued_on'),
		submitterIds: jsonb('submitter_ids').$type<string[]>().notNull().default([]),
		published: boolean('published').notNull().default(true),
		tsv: tsvector('tsv')
	},
	(t) => [
		index('search_entries_tsv').using('gin', t.tsv),
		index('search_entries_document').on(t.documentId),
		index('search_entries_contribution').on(t.contributionId)
	]
);
