import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentCall } from '../presenters/call';
import { callBySlug, pageOfCalls } from '../repositories/open-data';
import { resolveBody } from './filters';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/calls (and calls.csv), optionally ?body=<slug>. */
export function handleCalls(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('calls'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const page = await pageOfCalls(db, { limit: q.limit, offset: q.offset, bodyId: body.bodyId });
		return { records: page.rows.map(presentCall), total: page.total };
	});
}

/** GET /api/v1/calls/{slug}. */
export function handleCall(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'call', slug, async (s) => {
		const data = await callBySlug(db, s);
		return data && presentCall(data);
	});
}
