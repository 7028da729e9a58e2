import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { meetings } from '../db/schema';
import type { MeetingRow } from './meetings';

export type MeetingValues = Pick<MeetingRow, 'number' | 'title' | 'startsOn' | 'endsOn' | 'venue' | 'remoteParticipation' | 'remoteNote'>;

/** Inserts a meeting of a body and returns it. */
export async function insertMeeting(db: DbOrTx, bodyId: string, values: MeetingValues): Promise<MeetingRow> {
	const [row] = await db
		.insert(meetings)
		.values({ bodyId, ...values })
		.returning();
	return row;
}

/** Updates a meeting's editable fields and returns the new row. */
export async function updateMeetingRow(db: DbOrTx, id: string, values: MeetingValues): Promise<MeetingRow> {
	const [row] = await db
		.update(meetings)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(meetings.id, id))
		.returning();
	return row;
}

/** Deletes a meeting; its documents and contributions stay, no longer tied to a meeting. */
export async function deleteMeetingRow(db: DbOrTx, id: string): Promise<void> {
	await db.delete(meetings).where(eq(meetings.id, id));
}
