import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/index';
import { writeAnalysisDocument, type AnalysisDocument } from './analysis-document';

const DOC: AnalysisDocument = {
	title: 'Analysis of the responses to the questionnaire',
	front: ['Questionnaire: Enhanced cooperation.', 'Open for answers from 1 May 2026 to 30 May 2026.', '12 responses submitted.'],
	parts: [
		{
			heading: 'Question 2. Has enhanced cooperation been implemented?',
			sections: [
				{ heading: 'Summary', paragraphs: ['Most see progress.\n\nSome do not'] },
				{
					heading: 'Respondents per option',
					tables: [
						{
							caption: 'Respondents per option',
							header: ['Option', 'Respondents', 'Share'],
							rows: [
								['Yes | mostly', '8', '66.7 %'],
								['No', 'hidden', ''],
								['Total', '12', '']
							]
						}
					]
				}
			]
		},
		{
			heading: 'Question 4. What are the issues?',
			sections: [
				{ heading: 'Frequent terms', paragraphs: ['All respondents: access (6), capacity building (5).'] },
				{
					heading: 'Answers that may be cited',
					sections: [
						{ heading: 'Jane Doe, Example', paragraphs: ['1. Introduction\nof the answer.\n\nAnnex 2: Budget\n\n| not | a table |\n\n# not a heading'] },
						{ heading: '1. Annex 3: Someone', paragraphs: ['Contents'] }
					]
				}
			]
		}
	]
};

describe('writeAnalysisDocument', () => {
	const text = writeAnalysisDocument(DOC);
	const units = parseDocument(text).units;

	it('reads back as a title, one heading per question and section, table rows and paragraphs', () => {
		expect(units[0]).toMatchObject({ kind: 'title', text: 'Analysis of the responses to the questionnaire' });
		expect(units.filter((u) => u.kind === 'heading' && u.depth === 0).map((u) => u.text)).toEqual([
			'Question 2. Has enhanced cooperation been implemented?',
			'Question 4. What are the issues?'
		]);
		expect(units.filter((u) => u.kind === 'table_row').map((u) => u.text)).toEqual([
			'| Option | Respondents | Share |',
			'| Yes ¦ mostly | 8 | 66.7 % |',
			'| No | hidden | – |',
			'| Total | 12 | – |'
		]);
		expect(units.some((u) => u.kind === 'paragraph' && u.text === 'Most see progress.')).toBe(true);
	});

	it('keeps the words of respondents as words: no annex, no numbered paragraph, no table, no heading', () => {
		expect(units.some((u) => u.kind === 'annex')).toBe(false);
		expect(units.filter((u) => u.number !== null)).toEqual([]);
		const cited = units.filter((u) => u.kind !== 'heading' && u.kind !== 'title' && u.kind !== 'blank').map((u) => u.text.replace(/\u2060/g, ''));
		expect(cited).toContain('1. Introduction of the answer.');
		expect(cited.some((t) => t.startsWith('Annex 2: Budget'))).toBe(true);
		expect(units.filter((u) => u.kind === 'table_row')).toHaveLength(4);
		const headings = units.filter((u) => u.kind === 'heading').map((u) => u.text.replace(/\u2060/g, ''));
		expect(headings).toContain('1. Annex 3: Someone');
		expect(headings).not.toContain('not a heading');
	});

	it('writes the same bytes for the same input', () => {
		expect(writeAnalysisDocument(DOC)).toBe(text);
	});
});
