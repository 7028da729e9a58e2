/**
 * A questionnaire as pages show it: every text in the reader's language when the secretariat
 * translated it, otherwise in the original language with that language named (`lang`), so the
 * page can mark it — never a machine translation. Choice options come with their labels: the
 * secretariat's for its own choice questions, Plenary's vocabularies for stakeholder groups,
 * countries and consent.
 */
import { memberStates } from '../../core/organisations/countries';
import { textIn } from '../../core/questionnaires/questionnaire';
import { STAKEHOLDER_GROUPS } from '../../core/shared/vocabulary';
import type { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translate';
import type { QuestionnaireRow, QuestionnaireStructure, QuestionRow } from '../repositories/questionnaires';

/** A text and the language it is in (which differs from the page's when untranslated). */
export interface ShownText {
	text: string;
	lang: string;
}

export interface ShownOption {
	code: string;
	label: ShownText;
}

export interface ShownQuestion {
	id: string;
	number: string;
	kind: QuestionRow['kind'];
	required: boolean;
	text: ShownText;
	help: ShownText | null;
	options: ShownOption[];
	maxLength: number;
}

export interface ShownSection {
	id: string;
	position: number;
	title: ShownText | null;
	questions: ShownQuestion[];
}

export interface ShownQuestionnaire {
	id: string;
	slug: string;
	bodyId: string;
	title: ShownText;
	intro: ShownText | null;
	/** The promise made to respondents, verbatim. */
	consentStatement: ShownText | null;
	originalLang: string;
	languages: string[];
	opensAt: string;
	closesAt: string;
	requiresAccount: boolean;
	k: number;
	phase: 'upcoming' | 'open' | 'closed';
	sections: ShownSection[];
}

const shown = (text: Partial<Record<string, string>> | null | undefined, locale: Locale, original: string): ShownText => {
	const t = textIn(text, locale, original);
	return { text: t.text, lang: t.lang };
};
const shownIfAny = (text: Partial<Record<string, string>> | null | undefined, locale: Locale, original: string): ShownText | null => {
	const t = shown(text, locale, original);
	return t.text ? t : null;
};

/** Whether a questionnaire has not opened, takes answers, or has closed, at `now`. */
export function questionnairePhase(q: Pick<QuestionnaireRow, 'opensAt' | 'closesAt'>, now = new Date()): ShownQuestionnaire['phase'] {
	if (now < q.opensAt) return 'upcoming';
	return now < q.closesAt ? 'open' : 'closed';
}

/** The options a question offers, labelled in the reader's language. */
export function optionsOf(q: Pick<QuestionRow, 'kind' | 'options'>, locale: Locale, original: string): ShownOption[] {
	const t = translator(locale);
	switch (q.kind) {
		case 'stakeholder_group':
			return STAKEHOLDER_GROUPS.map((code) => ({ code, label: { text: t(`stakeholder.${code}`), lang: locale } }));
		case 'country':
			return countryOptions(locale);
		case 'consent':
			return [
				{ code: 'yes', label: { text: t('questionnaires.consent.yes'), lang: locale } },
				{ code: 'no', label: { text: t('questionnaires.consent.no'), lang: locale } }
			];
		default:
			return q.options.map((o) => ({ code: o.code, label: shown(o.label, locale, original) }));
	}
}

const countryCache = new Map<Locale, ShownOption[]>();

/** Member States and observer States by name in the reader's language, sorted in that language. */
export function countryOptions(locale: Locale): ShownOption[] {
	let list = countryCache.get(locale);
	if (!list) {
		const collator = new Intl.Collator(locale);
		list = memberStates()
			.map((c) => ({ code: c.iso2, label: { text: c.names[locale] ?? c.names.en, lang: locale } }))
			.sort((a, b) => collator.compare(a.label.text, b.label.text));
		countryCache.set(locale, list);
	}
	return list;
}

export function presentQuestion(q: QuestionRow, locale: Locale, original: string): ShownQuestion {
	return {
		id: q.id,
		number: q.number,
		kind: q.kind,
		required: q.required,
		text: shown(q.text, locale, original),
		help: shownIfAny(q.help, locale, original),
		options: optionsOf(q, locale, original),
		maxLength: q.maxLength
	};
}

export function presentQuestionnaire(row: QuestionnaireRow, structure: QuestionnaireStructure, locale: Locale, now = new Date()): ShownQuestionnaire {
	const original = row.originalLang;
	return {
		id: row.id,
		slug: row.slug,
		bodyId: row.bodyId,
		title: shown(row.title, locale, original),
		intro: shownIfAny(row.intro, locale, original),
		consentStatement: shownIfAny(row.consentStatement, locale, original),
		originalLang: original,
		languages: row.languages,
		opensAt: row.opensAt.toISOString(),
		closesAt: row.closesAt.toISOString(),
		requiresAccount: row.requiresAccount,
		k: row.k,
		phase: questionnairePhase(row, now),
		sections: structure.sections.map((s) => ({
			id: s.id,
			position: s.position,
			title: shownIfAny(s.title, locale, original),
			questions: s.questions.map((q) => presentQuestion(q, locale, original))
		}))
	};
}
