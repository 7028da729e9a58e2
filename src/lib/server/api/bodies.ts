import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentBody } from '../presenters/body';
import { bodyBySlug, pageOfBodies } from '../repositories/open-data';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/bodies (and bodies.csv). */
export function handleBodies(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('bodies'), form, async (q) => {
		const page = await pageOfBodies(db, q);
		return { records: page.rows.map(presentBody), total: page.total };
	});
}

/** GET /api/v1/bodies/{slug}. */
export function handleBody(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'body', slug, async (s) => {
		const data = await bodyBySlug(db, s);
		return data && presentBody(data);
	});
}
