import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './common';
import { users } from './people';

/** Every change: who, when, what. Written in the same transaction as the change. */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: id(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id'),
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		bodyId: uuid('body_id'),
		summary: text('summary').notNull().default(''),
		changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({})
	},
	(t) => [index('audit_events_at').on(t.at), index('audit_events_body').on(t.bodyId)]
);

export const sessions = pgTable('sessions', {
	/** SHA-256 of the session token; the token itself only lives in the cookie. */
	id: text('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: createdAt()
});

export const passwordResets = pgTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: createdAt()
});

/** Failed sign-ins per key (e-mail and address), to slow down guessing. */
export const signInFailures = pgTable('sign_in_failures', {
	key: text('key').primaryKey(),
	count: integer('count').notNull().default(0),
	lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow()
});

/** Mail that Plenary sent or would send; read by administrators when no SMTP is configured. */
export const outbox = pgTable('outbox', {
	id: id(),
	to: text('to').notNull(),
	subject: text('subject').notNull(),
	text: text('text').notNull(),
	transport: text('transport').notNull(),
	sentAt: timestamp('sent_at', { withTimezone: true }),
	error: text('error'),
	createdAt: createdAt()
});

/** Small facts about the installation (e.g. when the demo data was loaded). */
export const settings = pgTable('settings', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
