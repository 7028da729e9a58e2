import type { Actor } from '$lib/core/shared/actor';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			actor: Actor;
			sessionId: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}
export {};
