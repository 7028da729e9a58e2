import { describe, expect, it } from 'vitest';
import { applyOperation, builderInput, emptyForm, fieldOf, formOfQuestionnaire, optionsOf, readBuilderForm } from './build-form';

const formData = (fields: Record<string, string | string[]>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
};

const FRENCH = {
	'title.fr': 'Questionnaire sur la coopération renforcée',
	'consentStatement.fr': 'Vos réponses ne seront utilisées que sous forme agrégée, sauf autorisation.',
	originalLang: 'fr',
	languages: ['fr', 'en'],
	opensOn: '2030-01-01',
	closesOn: '2030-01-31',
	k: '5',
	's0.id': '',
	's0.title.fr': 'Vous',
	's0.q0.kind': 'consent',
	's0.q0.required': 'on',
	's0.q0.text.fr': 'Acceptez-vous d’être cité ?',
	's0.q1.kind': 'single_choice',
	's0.q1.number': '1',
	's0.q1.text.fr': 'La coopération est-elle mise en œuvre ?',
	's0.q1.text.en': 'Is cooperation implemented?',
	's0.q1.options.fr': 'oui = Oui\nnon = Non\nEn partie',
	's0.q1.options.en': 'oui = Yes\nnon = No',
	's1.q0.kind': 'long_text',
	's1.q0.text.fr': 'Quelles questions de politique publique ?',
	's1.q0.maxLength': '3000'
};

describe('the builder form', () => {
	it('reads sections, questions, translations and options into a valid questionnaire', () => {
		const input = builderInput(readBuilderForm(formData(FRENCH)));
		expect(input.ok).toBe(true);
		if (!input.ok) return;
		const q = input.value;
		expect(q.originalLang).toBe('fr');
		expect(q.opensAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
		// The last day is included: it closes at the start of the next.
		expect(q.closesAt.toISOString()).toBe('2030-02-01T00:00:00.000Z');
		expect(q.sections.map((s) => s.questions.map((x) => x.kind))).toEqual([['consent', 'single_choice'], ['long_text']]);
		expect(q.sections[0].questions[1].options).toEqual([
			{ code: 'oui', label: { fr: 'Oui', en: 'Yes' } },
			{ code: 'non', label: { fr: 'Non', en: 'No' } },
			{ code: 'en_partie', label: { fr: 'En partie' } }
		]);
		expect(q.sections[1].questions[0].maxLength).toBe(3000);
		expect(q.sections[0].questions[0].required).toBe(true);
	});

	it('puts each problem on the field it concerns', () => {
		const input = builderInput(readBuilderForm(formData({ ...FRENCH, 's0.q1.options.fr': 'oui = Oui', closesOn: 'someday', k: '1' })));
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(Object.keys(input.problems).sort()).toEqual(['closesOn', 'k', 's0.q1.options']);
		// The rules across fields (the original language's texts) are checked once the fields are well formed.
		const untitled = builderInput(readBuilderForm(formData({ ...FRENCH, 'title.fr': '', 'title.en': 'Questionnaire' })));
		expect(untitled.ok ? {} : untitled.problems).toEqual({ title: { key: 'questionnaires.problem.originalMissing' } });
		expect(input.problems['s0.q1.options'].key).toBe('questionnaires.problem.fewOptions');
		expect(fieldOf({ path: ['sections', 2, 'questions', 0, 'text', 'fr'] })).toBe('s2.q0.text');
	});

	it('reshapes without saving: add, move across sections, remove', () => {
		let f = readBuilderForm(formData(FRENCH));
		f = applyOperation(f, 'add-question:1');
		expect(f.sections[1].questions).toHaveLength(2);
		f = applyOperation(f, 'move-down:0.1');
		expect(f.sections.map((s) => s.questions.map((q) => q.kind))).toEqual([['consent'], ['single_choice', 'long_text', 'long_text']]);
		f = applyOperation(f, 'move-up:1.0');
		expect(f.sections[0].questions.map((q) => q.kind)).toEqual(['consent', 'single_choice']);
		f = applyOperation(f, 'remove-question:1.1');
		f = applyOperation(f, 'add-section');
		f = applyOperation(f, 'remove-section:2');
		f = applyOperation(f, 'remove-question:9.9');
		expect(f.sections.map((s) => s.questions.length)).toEqual([2, 1]);
		expect(applyOperation(emptyForm('en'), 'remove-section:0').sections).toHaveLength(1);
	});

	it('fills the form back from what was stored, options as code = label lines', () => {
		expect(optionsOf({ en: 'a = A\nb = B', fr: 'b = Bé' }, 'en')).toEqual([
			{ code: 'a', label: { en: 'A' } },
			{ code: 'b', label: { en: 'B', fr: 'Bé' } }
		]);
		const now = new Date('2030-01-01T00:00:00Z');
		const row = { title: { en: 'T' }, intro: {}, consentStatement: {}, originalLang: 'en', languages: ['en'], opensAt: now, closesAt: new Date('2030-01-11T00:00:00Z'), requiresAccount: true, k: 7 };
		const structure = {
			sections: [{ id: 's', title: {}, questions: [{ id: 'q', number: '1', kind: 'single_choice', required: true, text: { en: 'Q' }, help: {}, maxLength: 100, options: [{ code: 'a', label: { en: 'A', fr: 'Ah' } }] }] }]
		};
		const form = formOfQuestionnaire(row as never, structure as never);
		expect(form.closesOn).toBe('2030-01-10');
		expect(form.k).toBe('7');
		expect(form.sections[0].questions[0].options).toEqual({ en: 'a = A', fr: 'a = Ah' });
	});
});
