import type { DevelopmentStatus, OrganisationKind, StakeholderGroup } from '../../../core/shared/vocabulary';
import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common';

export const organisations = pgTable('organisations', {
	id: id(),
	slug: text('slug').notNull().unique(),
	kind: text('kind').$type<OrganisationKind>().notNull(),
	/** Name in the organisation's working language of record (English for the demo). */
	name: text('name').notNull(),
	/** Official names by locale (ar, en, es, fr, ru, zh) where known. */
	names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
	iso2: text('iso2').unique(),
	iso3: text('iso3'),
	m49: text('m49'),
	region: text('region'),
	subregion: text('subregion'),
	developmentStatus: jsonb('development_status').$type<DevelopmentStatus[]>().notNull().default([]),
	stakeholderGroup: text('stakeholder_group').$type<StakeholderGroup>(),
	website: text('website'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const persons = pgTable('persons', {
	id: id(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	honorific: text('honorific'),
	organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
	/** Only when the person chose to give it. */
	gender: text('gender'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const users = pgTable('users', {
	id: id(),
	email: text('email').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
	displayName: text('display_name').notNull(),
	isAdmin: boolean('is_admin').notNull().default(false),
	preferredLocale: text('preferred_locale'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
