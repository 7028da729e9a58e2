import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { ANONYMOUS } from '$lib/core/shared/actor';
import { actorForSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { database, db } from '$lib/server/runtime';
import { directionOf, isLocale, LOCALE_COOKIE, negotiateLocale } from '$lib/i18n/locales';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await database();
	} catch (e) {
		console.error(`Plenary cannot start: ${(e as Error).message}`);
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const first = event.url.pathname.split('/')[1];
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);
	if (isLocale(first)) {
		event.locals.locale = first;
		// Remember the visitor's choice: the next visit to "/" comes back to this language.
		if (cookieLocale !== first && event.request.method === 'GET') {
			event.cookies.set(LOCALE_COOKIE, first, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400, secure: event.url.protocol === 'https:' });
		}
	} else {
		event.locals.locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(event.request.headers.get('accept-language'));
		if (event.url.pathname === '/') redirect(303, `/${event.locals.locale}`);
	}

	event.locals.actor = ANONYMOUS;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const found = await actorForSession(await db(), token);
		event.locals.actor = found.actor;
		event.locals.sessionId = found.sessionId;
		if (!found.sessionId) {
			const { maxAge: _unused, ...options } = sessionCookieOptions(event.url);
			event.cookies.delete(SESSION_COOKIE, options);
		}
	}

	const lang = event.locals.locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%dir%', directionOf(lang))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
