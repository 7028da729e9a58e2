import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signInForm } from '$lib/core/accounts/schemas';
import { safeNextPath } from '$lib/core/accounts/safe-next';
import { formFailure, parseForm, withoutSecrets, type FormFailure } from '$lib/server/forms';
import { signIn } from '$lib/server/auth/sign-in';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = ({ url, locals }) => ({
	next: safeNextPath(url.searchParams.get('next')),
	afterReset: url.searchParams.get('reset') === 'done',
	signedInAs: locals.actor.userId ? locals.actor.displayName : null
});

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await parseForm(request, signInForm);
		if (!form.ok) return form.failure;
		let clientAddress: string | null = null;
		try {
			clientAddress = getClientAddress();
		} catch {
			// Some adapters cannot tell; the e-mail key still throttles.
		}
		const result = await signIn(await db(), { ...form.data, clientAddress, previousToken: cookies.get(SESSION_COOKIE) });
		if (!result.ok) {
			if (result.error === 'throttled') {
				const minutes = Number(result.detail?.retryAfterMinutes ?? 15);
				return fail(429, { problems: { _form: { key: 'auth.signIn.throttled', values: { minutes } } }, values: withoutSecrets(form.values) } satisfies FormFailure);
			}
			return formFailure(400, 'auth.signIn.invalid', form.values);
		}
		cookies.set(SESSION_COOKIE, result.value.session.token, sessionCookieOptions(url));
		redirect(303, safeNextPath(form.data.next) ?? `/${locals.locale}/account`);
	}
};
