import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentMembership } from '../presenters/membership';
import { pageOfMemberships } from '../repositories/open-data';
import { resolveBody } from './filters';
import { answerList, type ListForm } from './list';

/** GET /api/v1/memberships (and memberships.csv), optionally ?body=<slug>. */
export function handleMemberships(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('memberships'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const page = await pageOfMemberships(db, { ...q, bodyId: body.bodyId });
		return { records: page.rows.map(presentMembership), total: page.total };
	});
}
