import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentMeeting } from '../presenters/meeting';
import { pageOfMeetings } from '../repositories/open-data';
import { resolveBody } from './filters';
import { answerList, type ListForm } from './list';

/** GET /api/v1/meetings (and meetings.csv), optionally ?body=<slug>. */
export function handleMeetings(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('meetings'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const page = await pageOfMeetings(db, { ...q, bodyId: body.bodyId });
		return { records: page.rows.map(presentMeeting), total: page.total };
	});
}
