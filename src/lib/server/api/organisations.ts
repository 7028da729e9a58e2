import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentOrganisation } from '../presenters/organisation';
import { organisationBySlug, pageOfOrganisations } from '../repositories/open-data';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/organisations (and organisations.csv). */
export function handleOrganisations(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('organisations'), form, async (q) => {
		const page = await pageOfOrganisations(db, q);
		return { records: page.rows.map(presentOrganisation), total: page.total };
	});
}

/** GET /api/v1/organisations/{slug}. */
export function handleOrganisation(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'organisation', slug, async (s) => {
		const row = await organisationBySlug(db, s);
		return row && presentOrganisation(row);
	});
}
