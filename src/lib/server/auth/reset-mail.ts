import { catalogs } from '../../i18n/catalogs';
import { translator } from '../../i18n/translate';
import type { Locale } from '../../core/shared/vocabulary';
import { RESET_TTL_MINUTES } from '../../core/accounts/reset-rule';

/**
 * The password-reset message: in the language of the page the request came from and, below it,
 * in English (the platform's common language), unless the two are the same or the reader's
 * language has no translation yet.
 */
export function resetMail(locale: Locale, values: { link: string; name: string }): { subject: string; text: string } {
	const v = { ...values, minutes: RESET_TTL_MINUTES };
	const en = translator('en');
	const english = { subject: en('auth.mail.reset.subject'), text: en('auth.mail.reset.body', v) };
	if (locale === 'en' || !catalogs[locale]['auth.mail.reset.body'] || !catalogs[locale]['auth.mail.reset.subject']) return english;
	const t = translator(locale);
	return {
		subject: `${t('auth.mail.reset.subject')} / ${english.subject}`,
		text: `${t('auth.mail.reset.body', v)}\n\n———\n\n${english.text}`
	};
}
