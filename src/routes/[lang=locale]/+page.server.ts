import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { listBodies } from '$lib/server/repositories/bodies';
import { listMeetings } from '$lib/server/repositories/meetings';

export const load: PageServerLoad = async () => {
	const d = await db();
	const bodies = await listBodies(d);
	const withCounts = await Promise.all(
		bodies.map(async (b) => ({ ...b, meetingCount: (await listMeetings(d, b.id)).length }))
	);
	return { bodies: withCounts };
};
