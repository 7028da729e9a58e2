import { z } from 'zod';
import { checkbox, endNotBeforeStart, optionalDate, requiredDate, textOrEmpty } from '../shared/form-fields';

/** Meeting numbers as bodies count them: 1, 2, 3… */
export const MEETING_NUMBER_MAX = 9999;

/**
 * The meeting form. A one-day meeting may leave the end date blank: it ends the day it starts.
 * Remote participation is a checkbox, with a note on how to join or its limits.
 */
export const meetingInput = z
	.object({
		number: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
			z
				.string()
				.regex(/^[1-9][0-9]{0,3}$/, { message: 'admin.error.meetingNumber' })
				.transform(Number)
		),
		title: textOrEmpty(300),
		startsOn: requiredDate(),
		endsOn: optionalDate(),
		venue: textOrEmpty(300),
		remoteParticipation: checkbox(),
		remoteNote: textOrEmpty(1000)
	})
	.superRefine(endNotBeforeStart('startsOn', 'endsOn'))
	.transform((m) => ({ ...m, endsOn: m.endsOn ?? m.startsOn }));

export type MeetingInput = z.infer<typeof meetingInput>;
