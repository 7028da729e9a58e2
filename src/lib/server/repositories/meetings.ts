import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { meetings } from '../db/schema';

export type MeetingRow = typeof meetings.$inferSelect;

export async function listMeetings(db: DbOrTx, bodyId: string): Promise<MeetingRow[]> {
	return db.select().from(meetings).where(eq(meetings.bodyId, bodyId)).orderBy(asc(meetings.startsOn), asc(meetings.number));
}

export async function findMeeting(db: DbOrTx, bodyId: string, number: number): Promise<MeetingRow | undefined> {
	const [row] = await db.select().from(meetings).where(and(eq(meetings.bodyId, bodyId), eq(meetings.number, number))).limit(1);
	return row;
}

export async function findMeetingById(db: DbOrTx, id: string): Promise<MeetingRow | undefined> {
	const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
	return row;
}
