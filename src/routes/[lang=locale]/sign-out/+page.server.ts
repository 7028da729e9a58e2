import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signOut } from '$lib/server/auth/sign-out';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = ({ locals }) => ({ signedInAs: locals.actor.userId ? locals.actor.displayName : null });

export const actions: Actions = {
	// POST only: a link or an image on another page cannot sign anyone out.
	default: async ({ cookies, locals, url }) => {
		await signOut(await db(), cookies.get(SESSION_COOKIE));
		// The same attributes as when it was set, or a browser on plain http ignores the deletion.
		const { maxAge: _, ...attributes } = sessionCookieOptions(url);
		cookies.delete(SESSION_COOKIE, attributes);
		redirect(303, `/${locals.locale}`);
	}
};
