import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { resetPasswordForm } from '$lib/core/accounts/schemas';
import { parseForm, type FormFailure } from '$lib/server/forms';
import { passwordResetStatus, resetPassword } from '$lib/server/auth/password-reset';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The address carries a secret: keep it out of caches.
	setHeaders({ 'cache-control': 'no-store' });
	return { status: await passwordResetStatus(await db(), params.token) };
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const form = await parseForm(request, resetPasswordForm);
		if (!form.ok) return form.failure;
		const result = await resetPassword(await db(), { token: params.token, password: form.data.password });
		if (!result.ok) {
			if (result.error === 'invalid') return fail(400, { problems: { password: { key: 'auth.password.tooShort' } }, values: {} } satisfies FormFailure);
			const status = result.error.replace('_token', '') as 'unknown' | 'used' | 'expired';
			return fail(410, { problems: { _form: { key: `auth.reset.${status}` } }, values: {}, status } satisfies FormFailure);
		}
		redirect(303, `/${locals.locale}/sign-in?reset=done`);
	}
};
