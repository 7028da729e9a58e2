import type { DocumentKind, UnitKind } from '../../../core/shared/vocabulary';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies } from './bodies';
import { createdAt, id, updatedAt } from './common';
import { meetings } from './meetings';

/** A document of a body: a draft, a compilation, a report… Its text lives in versions. */
export const documents = pgTable('documents', {
	id: id(),
	slug: text('slug').notNull().unique(),
	bodyId: uuid('body_id')
		.notNull()
		.references(() => bodies.id, { onDelete: 'cascade' }),
	meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
	kind: text('kind').$type<DocumentKind>().notNull(),
	title: text('title').notNull(),
	symbol: text('symbol'),
	lang: text('lang').notNull().default('en'),
	issuedOn: date('issued_on'),
	published: boolean('published').notNull().default(true),
	/** Where the text came from, e.g. the corpus file name; never the text itself. */
	sourceName: text('source_name'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** An immutable version of a document, made of units. */
export const documentVersions = pgTable(
	'document_versions',
	{
		id: id(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		/** SHA-256 of the source the version was parsed from, to recognise a re-import. */
		sourceHash: text('source_hash').notNull(),
		note: text('note').notNull().default(''),
		/** How the version was made: 'import', 'editor', 'upload' or 'amendments'. */
		origin: text('origin').notNull().default('import'),
		/** Numbers changed when the version was published renumbered: stable unit key, old number, new number. */
		renumbering: jsonb('renumbering').$type<{ key: string; from: string; to: string }[]>().notNull().default([]),
		createdByUserId: uuid('created_by_user_id'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('document_versions_doc_number').on(t.documentId, t.number)]
);

/**
 * A structural unit of a version: heading, paragraph, list item, footnote, annex…
 * `key` is stable across versions (the same paragraph keeps its key when renumbered);
 * `source` is the exact source text so the original can be reproduced.
 */
export const units = pgTable(
	'units',
	{
		id: id(),
		versionId: uuid('version_id')
			.notNull()
			.references(() => documentVersions.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		position: integer('position').notNull(),
		kind: text('kind').$type<UnitKind>().notNull(),
		depth: integer('depth').notNull().default(0),
		parentKey: text('parent_key'),
		/** The part the unit sits in: 'body', 'annex-1'… */
		part: text('part').notNull().default('body'),
		number: text('number'),
		text: text('text').notNull(),
		source: text('source').notNull(),
		/** Character ranges [start, end) of the version's source that belong to this unit. */
		spans: jsonb('spans').$type<[number, number][]>().notNull().default([]),
		/** Footnote references inside the text: marker and character offset in `text`. */
		notes: jsonb('notes').$type<{ marker: string; offset: number }[]>().notNull().default([]),
		lang: text('lang').notNull().default('en')
	},
	(t) => [uniqueIndex('units_version_key').on(t.versionId, t.key), index('units_version_position').on(t.versionId, t.position)]
);
