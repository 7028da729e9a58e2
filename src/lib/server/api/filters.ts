import { problem } from '../../core/api/params';
import type { Problem } from '../../core/api/records';
import type { DbOrTx } from '../db/client';
import { bodyIdBySlug, callIdBySlug, submitterBySlug } from '../repositories/open-data';

/** The body named by `?body=`, as an id; a slug that names no body is a 404. */
export async function resolveBody(db: DbOrTx, slug: string | undefined): Promise<{ bodyId?: string } | { problem: Problem }> {
	if (slug === undefined) return {};
	const bodyId = await bodyIdBySlug(db, slug);
	return bodyId ? { bodyId } : { problem: problem(404, `No body has the slug "${slug}" (given as the body parameter).`) };
}

/** The call named by `?call=`, as an id; a slug that names no call is a 404. */
export async function resolveCall(db: DbOrTx, slug: string | undefined): Promise<{ callId?: string } | { problem: Problem }> {
	if (slug === undefined) return {};
	const callId = await callIdBySlug(db, slug);
	return callId ? { callId } : { problem: problem(404, `No call has the slug "${slug}" (given as the call parameter).`) };
}

/** The organisation and/or person named by `?submitter=`; a slug that names neither is a 404. */
export async function resolveSubmitter(
	db: DbOrTx,
	slug: string | undefined
): Promise<{ submitter?: { organisationId?: string; personId?: string } } | { problem: Problem }> {
	if (slug === undefined) return {};
	const submitter = await submitterBySlug(db, slug);
	return submitter ? { submitter } : { problem: problem(404, `No organisation or person has the slug "${slug}" (given as the submitter parameter).`) };
}
