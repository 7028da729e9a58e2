import { type AnyPgColumn, date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calls } from './calls';
import { createdAt, id, updatedAt } from './common';

export const bodies = pgTable('bodies', {
	id: id(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	shortName: text('short_name').notNull(),
	mandate: text('mandate').notNull().default(''),
	/** Language of the body's own texts (name, mandate), e.g. 'en'. */
	lang: text('lang').notNull().default('en'),
	periodStart: date('period_start'),
	periodEnd: date('period_end'),
	/** Rules of procedure: who may take positions, what counts as consensus. */
	rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
	/** Composition as the body declared it (e.g. 22 Member States and 20 other members). */
	declaredComposition: jsonb('declared_composition')
		.$type<{ label: string; count: number }[]>()
		.notNull()
		.default([]),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/**
 * A framework category ("Group A"), tied to the questions it covers: a call's guiding questions
 * when it belongs to a call, otherwise the body's questionnaire.
 */
export const categories = pgTable(
	'categories',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		callId: uuid('call_id').references((): AnyPgColumn => calls.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		title: text('title').notNull(),
		questions: jsonb('questions').$type<number[]>().notNull().default([]),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('categories_body_call_code').on(t.bodyId, t.callId, t.code)]
);
