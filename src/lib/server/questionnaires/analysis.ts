/**
 * The analysis of a questionnaire, once, for everything that shows it: the page, the generated
 * analysis document and the open-data CSV/JSON. For each question: the protected counts (choice
 * questions, by option and by stakeholder group, region and development status, each with an
 * accessible SVG chart of the same numbers), or the frequent terms and the consented answers
 * (text questions), and the secretariat's summary.
 *
 * Everything here comes from `analyseQuestionnaire`, `frequentTermsOf` and `citableResponses`:
 * counts protected with the questionnaire's k, and individual answers only of respondents who
 * agreed to be cited. No raw count and no other answer is ever read here, so nothing built from
 * this view can carry one.
 */
import { DIMENSIONS, NOT_STATED, type Dimension } from '../../core/questionnaires/aggregate';
import { barChart } from '../../core/questionnaires/chart';
import type { Shown } from '../../core/questionnaires/suppression';
import type { FrequentTerm } from '../../core/questionnaires/terms';
import { textIn } from '../../core/questionnaires/questionnaire';
import { directionOf, type Locale } from '../../i18n/locales';
import { translator, type MessageKey } from '../../i18n/translate';
import type { DbOrTx } from '../db/client';
import { citableResponses } from '../repositories/citable-answers';
import { analyseQuestionnaire, frequentTermsOf, TEXT_KINDS } from '../repositories/questionnaire-aggregates';
import { responseCounts, structureOf, summariesOf, type QuestionnaireRow, type QuestionnaireStructure } from '../repositories/questionnaires';
import { closingDay, openingDay } from './page';
import { presentQuestion, questionnairePhase, type ShownQuestion, type ShownQuestionnaire, type ShownText } from './present';

/** A column of a table: its code (a stakeholder group, an M49 region, a development status, or `not_stated`) and label. */
export interface AnalysisColumn {
	code: string;
	label: string;
}

/** One dimension's table of a choice question: options × columns, with its chart. */
export interface AnalysisTable {
	dimension: Dimension;
	columns: AnalysisColumn[];
	rows: { code: string; label: string; cells: Shown[]; shares: (number | null)[]; total: Shown }[];
	columnTotals: Shown[];
	total: Shown;
	/** The same numbers as an accessible SVG bar chart: one group per option, one bar per column. */
	chart: string;
}

export interface AnalysisOption {
	code: string;
	label: string;
	count: Shown;
	/** Percent of the respondents to the question, when both are published. */
	share: number | null;
}

export interface QuestionAnalysisView {
	question: ShownQuestion;
	summary: string;
	/** Choice questions: overall counts with shares, their chart, and the three tables. */
	choice: { multiple: boolean; options: AnalysisOption[]; total: Shown; chart: string; tables: AnalysisTable[] } | null;
	/** Text questions: frequent terms overall and per stakeholder group, and the consented answers. */
	text: { overall: FrequentTerm[]; byGroup: { code: string; group: string; terms: FrequentTerm[] }[]; cited: { name: string; organisation: string; text: string }[] } | null;
}

export interface AnalysisView {
	questionnaire: { id: string; slug: string; title: ShownText; originalLang: string; opensOn: string; closesOn: string; phase: ShownQuestionnaire['phase'] };
	/** Submitted responses; null when fewer than k (the number itself would be a small count). */
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

/** An id usable inside an SVG (letters, digits, '-'): the question's id with a suffix. */
const chartId = (questionId: string, suffix: string) => `chart-${questionId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}-${suffix}`;

/**
 * The analysis of a questionnaire as the reader's language shows it. `structure` may be passed
 * when the caller has it already.
 */
export async function loadAnalysis(db: DbOrTx, questionnaire: QuestionnaireRow, locale: Locale, structure?: QuestionnaireStructure, now = new Date()): Promise<AnalysisView> {
	const t = translator(locale);
	const k = questionnaire.k;
	const questionRows = (structure ?? (await structureOf(db, questionnaire.id))).questions;
	const { submitted } = await responseCounts(db, questionnaire.id);
	const analyses = new Map((await analyseQuestionnaire(db, questionnaire)).map((a) => [a.questionId, a]));
	const summaries = await summariesOf(db, questionnaire.id);
	const textQuestions = questionRows.filter((q) => (TEXT_KINDS as readonly string[]).includes(q.kind)).map((q) => q.id);
	const cited = textQuestions.length > 0 ? await citableResponses(db, questionnaire.id, { questionIds: textQuestions }) : [];
	const number = new Intl.NumberFormat(locale);
	const formatNumber = (n: number) => number.format(n);
	const suppressedText = t('questionnaires.analysis.fewerThan', { k });
	const dir = directionOf(locale);

	const questions: QuestionAnalysisView[] = [];
	for (const row of questionRows) {
		const question = presentQuestion(row, locale, questionnaire.originalLang);
		const analysis = analyses.get(row.id);
		let choice: QuestionAnalysisView['choice'] = null;
		let text: QuestionAnalysisView['text'] = null;
		if (analysis) {
			const labelOf = (code: string) => question.options.find((o) => o.code === code)?.label.text ?? code;
			const options = analysis.options.map((code, i) => ({ code, label: labelOf(code), count: analysis.overall.counts[i], share: analysis.overall.shares[i] }));
			choice = {
				multiple: analysis.multiple,
				options,
				total: analysis.overall.total,
				chart: barChart({
					id: chartId(row.id, 'overall'),
					title: `${question.text.text} — ${t('questionnaires.analysis.overallCaption')}`,
					description: t('questionnaires.analysis.chartDescription', { k }),
					groups: [{ bars: options.map((o) => ({ label: o.label, value: o.count })) }],
					suppressedText,
					dir,
					lang: locale,
					formatNumber
				}),
				tables: analysis.tables.map((table) => {
					const columns = table.columns.map((code) => ({ code, label: columnLabel(table.dimension, code, locale) }));
					const rows = analysis.options.map((code, i) => ({
						code,
						label: labelOf(code),
						cells: table.table.cells[i],
						shares: table.table.shares[i],
						total: table.table.rowTotals[i]
					}));
					return {
						dimension: table.dimension,
						columns,
						rows,
						columnTotals: table.table.columnTotals,
						total: table.table.total,
						chart: barChart({
							id: chartId(row.id, table.dimension),
							title: `${question.text.text} — ${t(`questionnaires.analysis.by.${table.dimension}` as MessageKey)}`,
							description: t('questionnaires.analysis.chartDescription', { k }),
							groups: rows.map((r) => ({ label: r.label, bars: columns.map((c, j) => ({ label: c.label, value: r.cells[j] })) })),
							suppressedText,
							dir,
							lang: locale,
							formatNumber
						})
					};
				})
			};
		} else if ((TEXT_KINDS as readonly string[]).includes(row.kind)) {
			const terms = await frequentTermsOf(db, row.id, k, { limit: 30 });
			text = {
				overall: terms.overall,
				byGroup: Object.entries(terms.byGroup).map(([code, list]) => ({ code, group: columnLabel('stakeholderGroup', code, locale), terms: list })),
				cited: cited.flatMap((r) => {
					const answer = r.answers.find((a) => a.questionId === row.id);
					return answer?.text?.trim() ? [{ name: r.respondentName, organisation: r.respondentOrganisation, text: answer.text }] : [];
				})
			};
		}
		questions.push({ question, summary: summaries.get(row.id) ?? '', choice, text });
	}
	const title = textIn(questionnaire.title, locale, questionnaire.originalLang);
	return {
		questionnaire: {
			id: questionnaire.id,
			slug: questionnaire.slug,
			title: { text: title.text, lang: title.lang },
			originalLang: questionnaire.originalLang,
			opensOn: openingDay(questionnaire),
			closesOn: closingDay(questionnaire),
			phase: questionnairePhase(questionnaire, now)
		},
		// The number of responses is itself a count: below k it is not given.
		submitted: submitted === 0 || submitted >= k ? submitted : null,
		k,
		questions
	};
}

export { DIMENSIONS };
