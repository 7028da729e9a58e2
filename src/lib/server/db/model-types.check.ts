/**
 * The model is declared once in the core (zod schemas of each entity's input and of its public
 * record); the Drizzle tables must agree with it. These are compile-time checks: `npm test`
 * type-checks the project first, so a column renamed or retyped on one side and not the other
 * fails the suite. Nothing here runs.
 */
import type { z } from 'zod';
import type { bodyInput } from '../../core/bodies/schemas';
import type { meetingInput } from '../../core/meetings/schemas';
import type { membershipInput } from '../../core/memberships/schemas';
import type { organisationInput } from '../../core/organisations/schemas';
import type { personInput } from '../../core/people/schemas';
import type { BodyRecord, MeetingRecord, OrganisationRecord } from '../../core/api/records';
import type { bodies, meetings, memberships, organisations, persons } from './schema';

/** `true` when every field of the input is a column of the table with a compatible type. */
type Fits<Input, Row> = [keyof Input] extends [keyof Row] ? ([Input] extends [Pick<Row, keyof Input & keyof Row>] ? true : { mismatched: Input }) : { notColumns: Exclude<keyof Input, keyof Row> };

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Select<T extends { $inferSelect: unknown }> = T['$inferSelect'];

// Fields a command derives before writing (a slug from the name when left blank, a Member State's
// official name from its ISO code, a person picked by account) are left out of the comparison.
export const bodyFits: Fits<Omit<z.output<typeof bodyInput>, 'slug'>, Insert<typeof bodies>> = true;
export const meetingFits: Fits<z.output<typeof meetingInput>, Insert<typeof meetings>> = true;
export const organisationFits: Fits<Omit<z.output<typeof organisationInput>, 'slug' | 'name'>, Insert<typeof organisations>> = true;
export const personFits: Fits<Omit<z.output<typeof personInput>, 'slug'>, Insert<typeof persons>> = true;
export const membershipFits: Fits<Omit<z.output<typeof membershipInput>, 'personId'>, Insert<typeof memberships>> = true;

/** Every field of a public record that shares a name with a column has that column's value type. */
type FieldAgreement<Rec, Row> = { [K in keyof Rec & keyof Row]: [Row[K]] extends [Rec[K]] ? true : { column: K } };
type SharedFieldsAgree<Rec, Row> = [FieldAgreement<Rec, Row>[keyof FieldAgreement<Rec, Row>]] extends [true] ? true : FieldAgreement<Rec, Row>;
export const bodyRecordAgrees: SharedFieldsAgree<z.output<typeof BodyRecord>, Select<typeof bodies>> = true;
export const meetingRecordAgrees: SharedFieldsAgree<z.output<typeof MeetingRecord>, Select<typeof meetings>> = true;
export const organisationRecordAgrees: SharedFieldsAgree<z.output<typeof OrganisationRecord>, Select<typeof organisations>> = true;
