import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { findOutboxMessage } from '$lib/server/repositories/outbox';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	if (!can(locals.actor, 'outbox.view')) error(403, 'Forbidden');
	setHeaders({ 'cache-control': 'private, no-store' });
	const message = await findOutboxMessage(await db(), params.id);
	if (!message) error(404, 'Not found');
	return {
		message: {
			...message,
			createdAt: message.createdAt.toISOString(),
			sentAt: message.sentAt?.toISOString() ?? null
		}
	};
};
