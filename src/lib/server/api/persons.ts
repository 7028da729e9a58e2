import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentPerson } from '../presenters/person';
import { pageOfPersons, personBySlug } from '../repositories/open-data';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/persons (and persons.csv). */
export function handlePersons(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('persons'), form, async (q) => {
		const page = await pageOfPersons(db, q);
		return { records: page.rows.map(presentPerson), total: page.total };
	});
}

/** GET /api/v1/persons/{slug}. */
export function handlePerson(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'person', slug, async (s) => {
		const data = await personBySlug(db, s);
		return data && presentPerson(data);
	});
}
