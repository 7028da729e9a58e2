/**
 * The analysis of a questionnaire as open data, in tidy long form: one record per published (or
 * hidden) number of its protected tables, the same numbers as the analysis page shows. A hidden
 * number is a record with an empty `count` and `suppressed: true`; no raw count exists in the view
 * this is made from (`loadAnalysis`), so none can reach a file.
 *
 * Records, per choice question:
 * - `dimension: overall` — one per option (`column: *`), and the number of respondents to the
 *   question (`option: *`, `column: *`);
 * - `dimension: stakeholderGroup | region | developmentStatus` — one per option × column, and
 *   the respondents of each column (`option: *`). An option's total over a dimension's columns is
 *   its overall count (the tables are protected together), so it is not repeated.
 * `share` is the percent of the column's respondents (of all respondents for `overall`), given only
 * beside a published count and a published, non-zero total.
 */
import { toCsv } from '../../core/api/csv';
import type { Shown } from '../../core/questionnaires/suppression';
import type { AnalysisView } from './analysis';

/** "All": the column of every respondent, or the row of respondents to any option. */
export const ALL = '*';

export interface AnalysisRecord {
	question: string;
	questionId: string;
	questionText: string;
	dimension: 'overall' | 'stakeholderGroup' | 'region' | 'developmentStatus';
	column: string;
	columnLabel: string;
	option: string;
	optionLabel: string;
	count: number | null;
	suppressed: boolean;
	share: number | null;
}

export const RECORD_FIELDS = ['question', 'questionId', 'questionText', 'dimension', 'column', 'columnLabel', 'option', 'optionLabel', 'count', 'suppressed', 'share'] as const;

/** Shares as the files give them: percent, at most two decimals. */
const roundShare = (share: number | null) => (share === null ? null : Math.round(share * 100) / 100);

/** The records of every choice question of the analysis, in question order. */
export function analysisRecords(view: AnalysisView, allLabel: string): AnalysisRecord[] {
	const records: AnalysisRecord[] = [];
	for (const item of view.questions) {
		if (!item.choice) continue;
		const q = item.question;
		const base = { question: q.number, questionId: q.id, questionText: q.text.text };
		const push = (dimension: AnalysisRecord['dimension'], column: { code: string; label: string }, option: { code: string; label: string }, value: Shown, share: number | null) =>
			records.push({
				...base,
				dimension,
				column: column.code,
				columnLabel: column.label,
				option: option.code,
				optionLabel: option.label,
				count: 'count' in value ? value.count : null,
				suppressed: !('count' in value),
				share: 'count' in value ? roundShare(share) : null
			});
		const all = { code: ALL, label: allLabel };
		for (const o of item.choice.options) push('overall', all, o, o.count, o.share);
		push('overall', all, all, item.choice.total, null);
		for (const table of item.choice.tables) {
			for (const row of table.rows) table.columns.forEach((column, j) => push(table.dimension, column, row, row.cells[j], row.shares[j]));
			table.columns.forEach((column, j) => push(table.dimension, column, all, table.columnTotals[j], null));
		}
	}
	return records;
}

/** The records as CSV (the open-data CSV: BOM, CRLF, formula-safe cells). */
export function analysisCsv(view: AnalysisView, allLabel: string): string {
	return toCsv(
		RECORD_FIELDS,
		analysisRecords(view, allLabel).map((r) => RECORD_FIELDS.map((f) => r[f]))
	);
}

/** The analysis as JSON: the questionnaire, the table records, and the frequent terms of the text questions. */
export function analysisJson(view: AnalysisView, allLabel: string) {
	return {
		questionnaire: {
			slug: view.questionnaire.slug,
			title: view.questionnaire.title.text,
			opensOn: view.questionnaire.opensOn,
			closesOn: view.questionnaire.closesOn,
			closed: view.questionnaire.phase === 'closed',
			k: view.k,
			/** Submitted responses; null when fewer than k. */
			submitted: view.submitted
		},
		data: analysisRecords(view, allLabel),
		terms: view.questions.flatMap((item) =>
			item.text
				? [
						...item.text.overall.map((t) => ({ question: item.question.number, questionId: item.question.id, group: ALL, term: t.term, respondents: t.count })),
						...item.text.byGroup.flatMap((g) => g.terms.map((t) => ({ question: item.question.number, questionId: item.question.id, group: g.code, term: t.term, respondents: t.count })))
					]
				: []
		)
	};
}
