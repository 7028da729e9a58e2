import type { Locale } from '../../i18n/locales';
import { localName } from '../../i18n/names';
import { formatDate, formatList, translator } from '../../i18n/translate';

/** A submitter as the citation names it. */
export interface CitedSubmitter {
	kind: 'organisation' | 'person';
	name: string;
	names?: Record<string, string>;
	confirmed: boolean;
}

export interface CitationInput {
	submitters: readonly CitedSubmitter[];
	title: string;
	/** The call it answers; the body when it answers none (comments on a draft, say). */
	callTitle: string | null;
	bodyName: string;
	/** The day it was received (YYYY-MM-DD). */
	date: string | null;
	revision: number;
	/** The contribution's absolute address. */
	url: string;
}

/**
 * The line a reader copies to cite a contribution, in the reader's language:
 * "Russian Federation and Brazil, “Our proposals”, contribution to Call for draft recommendations
 * (12 December 2013), revision 2, https://…/en/contributions/our-proposals". Only confirmed
 * submitters are cited: a delegation that has not confirmed has not yet put its name to it.
 */
export function citationLine(locale: Locale, input: CitationInput): string {
	const t = translator(locale);
	const names = input.submitters.filter((s) => s.confirmed).map((s) => (s.kind === 'organisation' ? localName(s.names, s.name, locale).text : s.name));
	const values = {
		submitters: names.length > 0 ? formatList(locale, names) : t('contributions.citation.anonymous'),
		title: input.title,
		date: input.date ? formatDate(locale, input.date) : '',
		revision: input.revision,
		url: input.url
	};
	return input.callTitle
		? t('contributions.citation.line', { ...values, call: input.callTitle })
		: t('contributions.citation.lineToBody', { ...values, body: input.bodyName });
}
