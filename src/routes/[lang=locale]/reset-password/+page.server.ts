import type { Actions } from './$types';
import { resetRequestForm } from '$lib/core/accounts/schemas';
import { parseForm } from '$lib/server/forms';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { readConfig } from '$lib/server/config';
import { createMailer } from '$lib/server/mail';
import { db } from '$lib/server/runtime';

export const actions: Actions = {
	default: async ({ request, url, locals }) => {
		const form = await parseForm(request, resetRequestForm);
		if (!form.ok) return form.failure;
		const d = await db();
		// The link's host comes from ORIGIN when set, never from a request header alone: a forged
		// Host header must not make Plenary mail someone a link to another site.
		const origin = readConfig().origin ?? url.origin;
		await requestPasswordReset(d, createMailer(d), { email: form.data.email, locale: locals.locale, origin });
		// The same answer whether or not the address has an account.
		return { sent: true as const };
	}
};
