import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { registerForm } from '$lib/core/accounts/schemas';
import { safeNextPath } from '$lib/core/accounts/safe-next';
import { formFailure, parseForm } from '$lib/server/forms';
import { registerUser } from '$lib/server/auth/register';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = ({ url }) => ({ next: safeNextPath(url.searchParams.get('next')) });

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = await parseForm(request, registerForm);
		if (!form.ok) return form.failure;
		const result = await registerUser(await db(), { ...form.data, locale: locals.locale, previousToken: cookies.get(SESSION_COOKIE) });
		if (!result.ok) {
			if (result.error === 'email_taken') return formFailure(409, 'auth.register.emailTaken', form.values, 'email');
			return formFailure(400, 'common.invalid', form.values);
		}
		cookies.set(SESSION_COOKIE, result.value.session.token, sessionCookieOptions(url));
		redirect(303, safeNextPath(form.data.next) ?? `/${locals.locale}/account?welcome=1`);
	}
};
