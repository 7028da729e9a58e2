import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFramework, writeFramework } from './framework';

describe('framework lines', () => {
	it('reads a category with the questions it covers', () => {
		const r = readFramework('a. Implementation of the Tunis Agenda (Questions 2 and 3);\nB) Public policy issues (Question 4)\nC: Other');
		expect(r.problem).toBeNull();
		expect(r.categories).toEqual([
			{ code: 'A', title: 'Implementation of the Tunis Agenda', questions: [2, 3], position: 1 },
			{ code: 'B', title: 'Public policy issues', questions: [4], position: 2 },
			{ code: 'C', title: 'Other', questions: [], position: 3 }
		]);
	});
	it('refuses a line without a code and a repeated code', () => {
		expect(readFramework('Just a title').problem).toBe('contributions.error.frameworkLine');
		expect(readFramework('A. One\na. Two').problem).toBe('contributions.error.frameworkDuplicate');
	});
	it('reads back what it writes', () => {
		const cat = fc.record({
			code: fc.stringMatching(/^[A-Z][0-9]?$/),
			title: fc.stringMatching(/^[A-Za-z][A-Za-z ,'-]{0,40}[A-Za-z]$/),
			questions: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 4 })
		});
		fc.assert(
			fc.property(fc.uniqueArray(cat, { selector: (c) => c.code, maxLength: 8 }), (cats) => {
				const back = readFramework(writeFramework(cats));
				expect(back.problem).toBeNull();
				expect(back.categories.map(({ position: _p, ...c }) => c)).toEqual(cats);
			})
		);
	});
});

describe('readFramework in the other languages', () => {
	it('reads the questions part written in French, Spanish, Russian, Arabic and Chinese', () => {
		const lines = [
			'A. Mise en œuvre de l’Agenda de Tunis (Questions 2 et 3)',
			'B. Cuestiones de política pública (Preguntas 4, 8 y 9)',
			'В. Роль заинтересованных сторон (Вопросы 5, 6 и 7)',
			'د. البلدان النامية (الأسئلة ١٠ و ١٥)',
			'戊．参与的障碍（问题11、12和13）'
		];
		const { categories, problem } = readFramework(lines.join('\n'));
		expect(problem).toBeNull();
		expect(categories.map((c) => c.questions)).toEqual([[2, 3], [4, 8, 9], [5, 6, 7], [10, 15], [11, 12, 13]]);
		expect(categories.map((c) => c.code)).toEqual(['A', 'B', 'В', 'د', '戊']);
		expect(categories[4].title).toBe('参与的障碍');
	});

	it('keeps a parenthesis that names no questions as part of the title', () => {
		const { categories } = readFramework('A. Follow-up (phase 2)');
		expect(categories[0]).toMatchObject({ title: 'Follow-up (phase 2)', questions: [] });
	});
});
