import type { CallEligibility } from '../../../core/shared/vocabulary';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bodies } from './bodies';
import { createdAt, id, updatedAt } from './common';
import { documents } from './documents';

/**
 * A call for contributions on a body: guiding questions, a framework of categories (rows of
 * `categories` with this call's id), who may contribute, when, and in which languages. Its
 * compilation is a document of kind 'compilation' whose versions are the generations.
 */
export const calls = pgTable('calls', {
	id: id(),
	slug: text('slug').notNull().unique(),
	bodyId: uuid('body_id')
		.notNull()
		.references(() => bodies.id, { onDelete: 'cascade' }),
	title: text('title').notNull(),
	description: text('description').notNull().default(''),
	/** The guiding questions in order; categories cite them by 1-based number. */
	questions: jsonb('questions').$type<string[]>().notNull().default([]),
	eligibility: text('eligibility').$type<CallEligibility>().notNull().default('members'),
	opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
	closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
	/** Languages contributions may be written in (locale codes). */
	languages: jsonb('languages').$type<string[]>().notNull().default(['en']),
	/** The compilation's own title and abstract (the framework is named by the generator). */
	compilationTitle: text('compilation_title').notNull().default(''),
	compilationDocumentId: uuid('compilation_document_id').references(() => documents.id, { onDelete: 'set null' }),
	/** Annexes appended to the compilation (the message that set up the framework, the questionnaire…), as structured text. */
	annexes: jsonb('annexes').$type<{ title: string; text: string }[]>().notNull().default([]),
	position: integer('position').notNull().default(0),
	sourceName: text('source_name'),
	createdByUserId: uuid('created_by_user_id'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
