import { localName } from '../../i18n/names';
import type { Locale } from '../../i18n/locales';
import type { OrganisationRow } from '../repositories/organisations';

/**
 * Organisations as choices of a select: each under its name in the reader's language when the
 * record has one, sorted the way that language sorts.
 */
export function organisationChoices(rows: OrganisationRow[], locale: Locale): { value: string; label: string; lang: string }[] {
	const collator = new Intl.Collator(locale);
	return rows
		.map((o) => {
			const n = localName(o.names, o.name, locale);
			return { value: o.id, label: n.text, lang: n.lang };
		})
		.sort((a, b) => collator.compare(a.label, b.label));
}
