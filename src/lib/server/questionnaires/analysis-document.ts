/**
 * The analysis document of a questionnaire ("Analysis of the responses to the questionnaire"),
 * generated from the analysis view (`loadAnalysis`: protected counts and consented answers only)
 * and kept as the next version of the questionnaire's analysis document, exactly as a call's
 * compilation is (`keepGeneratedVersion`): keys carried from the previous version, a text identical
 * to the latest version's adds none, the version indexed for search. Its downloads
 * (HTML, DOCX, PDF) are those of any document version.
 */
import { writeAnalysisDocument, type AnalysisDocument, type AnalysisDocumentSection } from '../../core/questionnaires/analysis-document';
import type { Shown } from '../../core/questionnaires/suppression';
import { parseDocument } from '../../core/documents/index';
import { isLocale, type Locale } from '../../i18n/locales';
import { formatDate, translator, type MessageKey } from '../../i18n/translate';
import type { DbOrTx } from '../db/client';
import { ensureAnalysisDocument } from '../repositories/analysis-documents';
import { keepGeneratedVersion } from '../repositories/generated-versions';
import type { QuestionnaireRow } from '../repositories/questionnaires';
import type { VersionRow } from '../repositories/versions';
import { loadAnalysis, type AnalysisView } from './analysis';

/** The language an analysis document is written in: the questionnaire's own, when Plenary speaks it. */
export const documentLocale = (questionnaire: Pick<QuestionnaireRow, 'originalLang'>): Locale => (isLocale(questionnaire.originalLang) ? questionnaire.originalLang : 'en');

/** The analysis as a document: every count as published (a hidden one as the word for it), every cited answer under its respondent. */
export function analysisDocumentOf(view: AnalysisView, locale: Locale): AnalysisDocument {
	const t = translator(locale);
	const k = view.k;
	const number = new Intl.NumberFormat(locale);
	const hidden = t('questionnaires.analysis.suppressedMark');
	const count = (value: Shown) => ('count' in value ? number.format(value.count) : hidden);
	const percent = (share: number | null) => (share === null ? '' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(share)} %`);
	const termList = (terms: readonly { term: string; count: number }[]) =>
		new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(terms.map((term) => t('questionnaires.analysis.document.term', { term: term.term, count: term.count })));

	const front = [
		t('questionnaires.analysis.document.questionnaire', { title: view.questionnaire.title.text }),
		t('questionnaires.analysis.document.period', { opens: formatDate(locale, view.questionnaire.opensOn), closes: formatDate(locale, view.questionnaire.closesOn) }),
		view.submitted === null ? t('questionnaires.analysis.fewResponses', { k }) : t('questionnaires.analysis.responses', { count: view.submitted }),
		t('questionnaires.analysis.protection', { k }),
		t('questionnaires.analysis.suppressedNote', { mark: hidden, k })
	];

	const parts = view.questions.map((item) => {
		const q = item.question;
		const sections: AnalysisDocumentSection[] = [];
		if (item.summary) sections.push({ heading: t('questionnaires.analysis.summary'), paragraphs: [item.summary] });
		if (item.choice) {
			const c = item.choice;
			sections.push({
				heading: t('questionnaires.analysis.overallCaption'),
				tables: [
					{
						caption: t('questionnaires.analysis.overallCaption'),
						header: [t('questionnaires.analysis.option'), t('questionnaires.analysis.count'), t('questionnaires.analysis.share')],
						rows: [...c.options.map((o) => [o.label, count(o.count), percent(o.share)]), [t('questionnaires.analysis.total'), count(c.total), '']]
					}
				]
			});
			for (const table of c.tables) {
				const caption = t(`questionnaires.analysis.by.${table.dimension}` as MessageKey);
				sections.push({
					heading: caption,
					tables: [
						{
							caption,
							header: [t('questionnaires.analysis.option'), ...table.columns.map((col) => col.label), t('questionnaires.analysis.total')],
							rows: [
								...table.rows.map((r) => [r.label, ...r.cells.map(count), count(r.total)]),
								[t('questionnaires.analysis.respondents'), ...table.columnTotals.map(count), count(table.total)]
							]
						}
					]
				});
			}
		} else if (item.text) {
			const x = item.text;
			sections.push({
				heading: t('questionnaires.analysis.frequentTerms'),
				paragraphs:
					x.overall.length === 0
						? [t('questionnaires.analysis.noTerms', { k })]
						: [
								t('questionnaires.analysis.document.termsOverall', { terms: termList(x.overall) }),
								...x.byGroup.map((g) => t('questionnaires.analysis.document.termsOfGroup', { group: g.group, terms: termList(g.terms) }))
							]
			});
			sections.push({
				heading: t('questionnaires.analysis.cited'),
				paragraphs: x.cited.length === 0 ? [t('questionnaires.analysis.noneCited')] : [],
				sections: x.cited.map((c) => ({ heading: [c.name, c.organisation].filter(Boolean).join(', ') || t('questionnaires.analysis.anonymousCited'), paragraphs: [c.text] }))
			});
		}
		const heading = q.number ? `${t('questionnaires.page.questionNumber', { number: q.number })}. ${q.text.text}` : q.text.text;
		return { heading, sections };
	});
	return { title: t('questionnaires.analysis.title'), front, parts };
}

export interface AnalysisGeneration {
	documentId: string;
	documentSlug: string;
	version: VersionRow;
	/** False when nothing had changed since the latest version (no version is added). */
	created: boolean;
}

/**
 * Generates the questionnaire's analysis and keeps it as the next version of its document, unless
 * it is the same text as the latest version.
 */
export async function writeAnalysis(tx: DbOrTx, questionnaire: QuestionnaireRow, userId: string | null, now = new Date()): Promise<AnalysisGeneration> {
	const locale = documentLocale(questionnaire);
	const view = await loadAnalysis(tx, questionnaire, locale, undefined, now);
	const text = writeAnalysisDocument(analysisDocumentOf(view, locale));
	const doc = await ensureAnalysisDocument(tx, questionnaire, translator(locale)('questionnaires.analysis.title'), locale);
	const { version, created } = await keepGeneratedVersion(tx, {
		document: doc,
		bodyId: questionnaire.bodyId,
		text,
		units: parseDocument(text).units,
		note: view.submitted === null ? `Generated from fewer than ${view.k} responses` : `Generated from ${view.submitted} responses`,
		lang: locale,
		userId,
		now
	});
	return { documentId: doc.id, documentSlug: doc.slug, version, created };
}
