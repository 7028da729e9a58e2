import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentDocument, presentDocumentDetail } from '../presenters/document';
import { pageOfDocuments, publishedDocumentBySlug } from '../repositories/open-data';
import { resolveBody } from './filters';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/documents (and documents.csv), optionally ?body=<slug>: published documents only. */
export function handleDocuments(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('documents'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const page = await pageOfDocuments(db, { ...q, bodyId: body.bodyId });
		return { records: page.rows.map(presentDocument), total: page.total };
	});
}

/** GET /api/v1/documents/{slug}: a published document with its latest version's units. */
export function handleDocument(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'published document', slug, async (s) => {
		const data = await publishedDocumentBySlug(db, s);
		return data && presentDocumentDetail(data);
	});
}
