import { listEndpoint } from '../../core/api/endpoints';
import type { DbOrTx } from '../db/client';
import { presentContribution } from '../presenters/contribution';
import { pageOfContributions, publishedContributionBySlug } from '../repositories/open-data';
import { resolveBody, resolveSubmitter } from './filters';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';

/** GET /api/v1/contributions (and contributions.csv), optionally ?body= and ?submitter=: published only. */
export function handleContributions(db: DbOrTx, url: URL, form: ListForm = 'plain'): Promise<Response> {
	return answerList(url, listEndpoint('contributions'), form, async (q) => {
		const body = await resolveBody(db, q.body);
		if ('problem' in body) return body;
		const submitter = await resolveSubmitter(db, q.submitter);
		if ('problem' in submitter) return submitter;
		const page = await pageOfContributions(db, { limit: q.limit, offset: q.offset, bodyId: body.bodyId, submitter: submitter.submitter });
		return { records: page.rows.map(presentContribution), total: page.total };
	});
}

/** GET /api/v1/contributions/{slug}: a published contribution. */
export function handleContribution(db: DbOrTx, url: URL, slug: string): Promise<Response> {
	return answerItem(url, 'published contribution', slug, async (s) => {
		const data = await publishedContributionBySlug(db, s);
		return data && presentContribution(data);
	});
}
