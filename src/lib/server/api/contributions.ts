import { listEndpoint } from '../../core/api/endpoints';
import { heldReader } from '../../core/contributions/held-readers';
import { ANONYMOUS, type Actor } from '../../core/shared/actor';
import type { DbOrTx } from '../db/client';
import { presentContribution } from '../presenters/contribution';
import { contributionBySlugFor, pageOfContributions } from '../repositories/open-data';
import { resolveBody, resolveCall, resolveSubmitter } from './filters';
import { answerItem } from './item';
import { answerList, type ListForm } from './list';
import { sessionHeaders } from './respond';

/**
 * GET /api/v1/contributions (and contributions.csv), optionally ?body=, ?call= and ?submitter=.
 * Published contributions for an anonymous request; a signed-in `actor` also gets the held ones
 * they may see, in an answer no cache keeps.
 */
export function handleContributions(db: DbOrTx, url: URL, form: ListForm = 'plain', actor: Actor = ANONYMOUS): Promise<Response> {
	const reader = heldReader(actor);
	return answerList(
		url,
		listEndpoint('contributions'),
		form,
		async (q) => {
			const body = await resolveBody(db, q.body);
			if ('problem' in body) return body;
			const call = await resolveCall(db, q.call);
			if ('problem' in call) return call;
			const submitter = await resolveSubmitter(db, q.submitter);
			if ('problem' in submitter) return submitter;
			const page = await pageOfContributions(db, { limit: q.limit, offset: q.offset, bodyId: body.bodyId, callId: call.callId, submitter: submitter.submitter, reader });
			return { records: page.rows.map((r) => presentContribution(r, { held: reader ? 'readable' : 'refused' })), total: page.total };
		},
		sessionHeaders(reader !== null)
	);
}

/** GET /api/v1/contributions/{slug}: a published contribution, or a held one its signed-in reader may see. */
export function handleContribution(db: DbOrTx, url: URL, slug: string, actor: Actor = ANONYMOUS): Promise<Response> {
	const reader = heldReader(actor);
	return answerItem(
		url,
		'published contribution',
		slug,
		async (s) => {
			const data = await contributionBySlugFor(db, s, reader);
			return data && presentContribution(data, { held: reader ? 'readable' : 'refused' });
		},
		sessionHeaders(reader !== null)
	);
}
