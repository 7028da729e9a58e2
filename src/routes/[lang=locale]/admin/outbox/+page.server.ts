import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { listOutbox } from '$lib/server/repositories/outbox';
import { db } from '$lib/server/runtime';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	if (!can(locals.actor, 'outbox.view')) error(403, 'Forbidden');
	setHeaders({ 'cache-control': 'private, no-store' });
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const { items, total } = await listOutbox(await db(), { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return {
		messages: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
		total,
		page,
		hasOlder: page * PAGE_SIZE < total
	};
};
