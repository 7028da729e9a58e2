import { boolean, date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies } from './bodies';
import { createdAt, id, updatedAt } from './common';

export const meetings = pgTable(
	'meetings',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull().default(''),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		venue: text('venue').notNull().default(''),
		remoteParticipation: boolean('remote_participation').notNull().default(false),
		remoteNote: text('remote_note').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('meetings_body_number').on(t.bodyId, t.number)]
);
