import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/core/policies/policies';
import { changePasswordForm } from '$lib/core/accounts/schemas';
import { formFailure, parseForm, type FormFailure } from '$lib/server/forms';
import { changePassword } from '$lib/server/auth/change-password';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { findUserById, personOfUser } from '$lib/server/repositories/users';
import { seatsOf } from '$lib/server/repositories/seats';
import { db } from '$lib/server/runtime';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor, locale } = locals;
	if (!actor.userId) redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!can(actor, 'account.view')) error(403, 'Forbidden');
	const d = await db();
	const user = await findUserById(d, actor.userId);
	if (!user) redirect(303, `/${locale}/sign-in`);
	const person = await personOfUser(d, user.personId);
	return {
		account: { name: user.displayName, email: user.email, isAdmin: user.isAdmin },
		person: person ? { slug: person.slug, name: person.name } : null,
		seats: person ? await seatsOf(d, { personId: person.id }) : [],
		welcome: url.searchParams.get('welcome') === '1',
		passwordChanged: url.searchParams.get('password') === 'changed'
	};
};

export const actions: Actions = {
	password: async ({ request, locals, cookies }) => {
		if (!locals.actor.userId) error(403, 'Forbidden');
		const form = await parseForm(request, changePasswordForm);
		if (!form.ok) return form.failure;
		const result = await changePassword(await db(), {
			userId: locals.actor.userId,
			current: form.data.current,
			password: form.data.password,
			keepSessionToken: cookies.get(SESSION_COOKIE)
		});
		if (!result.ok) {
			if (result.error === 'wrong_password') return formFailure(400, 'auth.account.wrongPassword', {}, 'current');
			if (result.error === 'throttled')
				return fail(429, { problems: { _form: { key: 'auth.signIn.throttled', values: { minutes: Number(result.detail?.retryAfterMinutes ?? 15) } } }, values: {} } satisfies FormFailure);
			return formFailure(400, 'common.invalid', {});
		}
		redirect(303, `/${locals.locale}/account?password=changed`);
	}
};
