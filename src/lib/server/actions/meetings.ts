import type { MeetingInput } from '../../core/meetings/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { changedFields } from '../audit/record';
import type { Db } from '../db/client';
import { findBodyById } from '../repositories/bodies';
import { deleteMeetingRow, insertMeeting, updateMeetingRow } from '../repositories/meeting-writes';
import { findMeeting, findMeetingById, type MeetingRow } from '../repositories/meetings';
import { createdFields, pick, removedFields } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

const FIELDS = ['number', 'title', 'startsOn', 'endsOn', 'venue', 'remoteParticipation', 'remoteNote'] as const;

/** How the audit log names a meeting: "6" or "6 — Sixth meeting". */
const meetingLabel = (m: Pick<MeetingRow, 'number' | 'title'>) => (m.title ? `${m.number} — ${m.title}` : String(m.number));

/**
 * Adds a numbered meeting to a body (administrators and the body's secretariat).
 * Outcomes: not_found (no such body); forbidden; conflict (the body already has that number).
 */
export async function createMeeting(db: Db, actor: Actor, bodyId: string, input: MeetingInput): Promise<Result<MeetingRow, ActionError>> {
	return perform(
		db,
		actor,
		'meeting.create',
		async (tx) => ((await findBodyById(tx, bodyId)) ? { bodyId } : null),
		async (tx) => {
			if (await findMeeting(tx, bodyId, input.number)) throw new ActionFailure('conflict', { field: 'number' });
			const values = pick(input, FIELDS);
			const row = await insertMeeting(tx, bodyId, values);
			return {
				value: row,
				audit: { action: 'meeting.create', entityType: 'meeting', entityId: row.id, summary: meetingLabel(row), changes: createdFields(values) }
			};
		}
	);
}

/**
 * Changes a meeting's number, title, dates, venue or remote participation.
 * Outcomes: not_found; forbidden; conflict (another meeting of the body has that number).
 */
export async function updateMeeting(db: Db, actor: Actor, meetingId: string, input: MeetingInput): Promise<Result<MeetingRow, ActionError>> {
	return perform(
		db,
		actor,
		'meeting.update',
		async (tx) => {
			const m = await findMeetingById(tx, meetingId);
			return m ? { bodyId: m.bodyId } : null;
		},
		async (tx) => {
			const before = (await findMeetingById(tx, meetingId))!;
			const clash = await findMeeting(tx, before.bodyId, input.number);
			if (clash && clash.id !== meetingId) throw new ActionFailure('conflict', { field: 'number' });
			const values = pick(input, FIELDS);
			const row = await updateMeetingRow(tx, meetingId, values);
			return {
				value: row,
				audit: { action: 'meeting.update', entityType: 'meeting', entityId: row.id, summary: meetingLabel(row), changes: changedFields(pick(before, FIELDS), values) }
			};
		}
	);
}

/**
 * Deletes a meeting. Its documents and contributions stay published, no longer tied to a meeting.
 * Outcomes: not_found; forbidden.
 */
export async function deleteMeeting(db: Db, actor: Actor, meetingId: string): Promise<Result<MeetingRow, ActionError>> {
	return perform(
		db,
		actor,
		'meeting.delete',
		async (tx) => {
			const m = await findMeetingById(tx, meetingId);
			return m ? { bodyId: m.bodyId } : null;
		},
		async (tx) => {
			const before = (await findMeetingById(tx, meetingId))!;
			await deleteMeetingRow(tx, meetingId);
			return {
				value: before,
				audit: { action: 'meeting.delete', entityType: 'meeting', entityId: meetingId, summary: meetingLabel(before), changes: removedFields(before, FIELDS) }
			};
		}
	);
}
