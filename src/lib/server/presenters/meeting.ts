import { MeetingRecord } from '../../core/api/records';
import type { MeetingData } from '../repositories/open-data';

/** A meeting as the open-data API publishes it, validated against its schema. */
export function presentMeeting({ meeting: m, bodySlug }: MeetingData): MeetingRecord {
	return MeetingRecord.parse({
		id: m.id,
		body: bodySlug,
		number: m.number,
		title: m.title,
		startsOn: m.startsOn,
		endsOn: m.endsOn,
		venue: m.venue,
		remoteParticipation: m.remoteParticipation,
		remoteNote: m.remoteNote
	});
}
