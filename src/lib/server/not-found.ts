import { error } from '@sveltejs/kit';
import type { DbOrTx } from './db/client';
import { findBodyBySlug, type BodyRow } from './repositories/bodies';

/** The body an address names, or a 404 answer: the first step of every page about one body. */
export async function bodyOr404(db: DbOrTx, slug: string): Promise<BodyRow> {
	const body = await findBodyBySlug(db, slug);
	if (!body) error(404, 'Not found');
	return body;
}
