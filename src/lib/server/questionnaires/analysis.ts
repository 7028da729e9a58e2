/**
 * The analysis of a questionnaire as its page shows it: for each question, the protected counts
 * (choice questions, by option and by stakeholder group, region and development status, with an
 * accessible SVG chart of the overall counts), or the frequent terms and the consented answers
 * (text questions), and the secretariat's summary. Everything here comes from
 * `analyseQuestionnaire`, `frequentTermsOf` and `citableResponses`: counts protected with the
 * questionnaire's k, and individual answers only of respondents who agreed to be cited.
 */
import { DIMENSIONS, NOT_STATED, type Dimension } from '../../core/questionnaires/aggregate';
import { barChart } from '../../core/questionnaires/chart';
import type { Shown } from '../../core/questionnaires/suppression';
import type { FrequentTerm } from '../../core/questionnaires/terms';
import { directionOf, type Locale } from '../../i18n/locales';
import { translator, type MessageKey } from '../../i18n/translate';
import type { DbOrTx } from '../db/client';
import { citableResponses } from '../repositories/citable-answers';
import { analyseQuestionnaire, frequentTermsOf, TEXT_KINDS } from '../repositories/questionnaire-aggregates';
import { responseCounts, summariesOf, type QuestionnaireRow, type QuestionnaireStructure } from '../repositories/questionnaires';
import { presentQuestion, type ShownQuestion } from './present';

export interface AnalysisTable {
	dimension: Dimension;
	columns: string[];
	rows: { label: string; cells: Shown[]; total: Shown }[];
	columnTotals: Shown[];
	total: Shown;
}

export interface QuestionAnalysisView {
	question: ShownQuestion;
	summary: string;
	/** Choice questions: overall counts with shares, the chart, and the three tables. */
	choice: { options: { label: string; count: Shown; share: number | null }[]; total: Shown; chart: string; tables: AnalysisTable[] } | null;
	/** Text questions: frequent terms overall and per stakeholder group, and the consented answers. */
	text: { overall: FrequentTerm[]; byGroup: { group: string; terms: FrequentTerm[] }[]; cited: { name: string; organisation: string; text: string }[] } | null;
}

export interface AnalysisView {
	submitted: number | null;
	k: number;
	questions: QuestionAnalysisView[];
}

/** How a column of a dimension is named in the reader's language. */
export function columnLabel(dimension: Dimension, column: string, locale: Locale): string {
	const t = translator(locale);
	if (column === NOT_STATED) return t('questionnaires.analysis.notStated');
	if (dimension === 'stakeholderGroup') return t(`stakeholder.${column}` as MessageKey);
	if (dimension === 'region') return t(`questionnaires.analysis.region.${column}` as MessageKey);
	return t(`questionnaires.analysis.development.${column}` as MessageKey);
}

export async function loadAnalysis(db: DbOrTx, questionnaire: QuestionnaireRow, structure: QuestionnaireStructure, locale: Locale): Promise<AnalysisView> {
	const t = translator(locale);
	const k = questionnaire.k;
	const { submitted } = await responseCounts(db, questionnaire.id);
	const analyses = new Map((await analyseQuestionnaire(db, questionnaire)).map((a) => [a.questionId, a]));
	const summaries = await summariesOf(db, questionnaire.id);
	const cited = await citableResponses(db, questionnaire.id);
	const number = new Intl.NumberFormat(locale);

	const questions: QuestionAnalysisView[] = [];
	for (const row of structure.questions) {
		const question = presentQuestion(row, locale, questionnaire.originalLang);
		const analysis = analyses.get(row.id);
		let choice: QuestionAnalysisView['choice'] = null;
		let text: QuestionAnalysisView['text'] = null;
		if (analysis) {
			const labelOf = (code: string) => question.options.find((o) => o.code === code)?.label.text ?? code;
			const options = analysis.options.map((code, i) => ({ label: labelOf(code), count: analysis.overall.counts[i], share: analysis.overall.shares[i] }));
			choice = {
				options,
				total: analysis.overall.total,
				chart: barChart({
					id: `chart-${row.id.slice(0, 8)}`,
					title: question.text.text,
					description: t('questionnaires.analysis.chartDescription', { k }),
					groups: [{ bars: options.map((o) => ({ label: o.label, value: o.count })) }],
					suppressedText: t('questionnaires.analysis.fewerThan', { k }),
					dir: directionOf(locale),
					lang: locale,
					formatNumber: (n) => number.format(n)
				}),
				tables: analysis.tables.map((table) => ({
					dimension: table.dimension,
					columns: table.columns.map((c) => columnLabel(table.dimension, c, locale)),
					rows: analysis.options.map((code, i) => ({ label: labelOf(code), cells: table.table.cells[i], total: table.table.rowTotals[i] })),
					columnTotals: table.table.columnTotals,
					total: table.table.total
				}))
			};
		} else if ((TEXT_KINDS as readonly string[]).includes(row.kind)) {
			const terms = await frequentTermsOf(db, row.id, k, { limit: 30 });
			text = {
				overall: terms.overall,
				byGroup: Object.entries(terms.byGroup).map(([group, list]) => ({ group: columnLabel('stakeholderGroup', group, locale), terms: list })),
				cited: cited.flatMap((r) => {
					const answer = r.answers.find((a) => a.questionId === row.id);
					return answer?.text ? [{ name: r.respondentName, organisation: r.respondentOrganisation, text: answer.text }] : [];
				})
			};
		}
		questions.push({ question, summary: summaries.get(row.id) ?? '', choice, text });
	}
	// The number of responses is itself a count: below k it is not given.
	return { submitted: submitted === 0 || submitted >= k ? submitted : null, k, questions };
}

export { DIMENSIONS };
