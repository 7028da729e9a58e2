/**
 * The questionnaire builder's form: reading it (field names below), changing its shape without
 * saving (the no-JavaScript "add", "remove" and "move" buttons), turning it into the command's
 * input with each problem on the field it concerns, and filling it from a stored questionnaire.
 *
 * Field names: `title.{lang}`, `intro.{lang}`, `consentStatement.{lang}`, `originalLang`,
 * `languages` (repeated), `opensOn`, `closesOn` (YYYY-MM-DD), `requiresAccount` ('on'), `k`, and per
 * section i and question j (0-based): `s{i}.id`, `s{i}.title.{lang}`, `s{i}.q{j}.id`,
 * `s{i}.q{j}.number`, `s{i}.q{j}.kind`, `s{i}.q{j}.required` ('on'), `s{i}.q{j}.text.{lang}`,
 * `s{i}.q{j}.help.{lang}`, `s{i}.q{j}.maxLength`, `s{i}.q{j}.options.{lang}` — one option per line,
 * `code = label`; the codes come from the original language's lines, the other languages' labels
 * are matched to them by code. A line without "=" makes its code from its label.
 */
import { validateQuestionnaire, type Problem, type Questionnaire } from '../../core/questionnaires/questionnaire';
import { LOCALES, QUESTION_KINDS, type QuestionKind } from '../../core/shared/vocabulary';
import type { FieldProblems } from '../forms';
import type { QuestionnaireRow, QuestionnaireStructure } from '../repositories/questionnaires';
import { closingDay, instantsOfDays, openingDay } from './page';

export type Texts = Record<string, string>;

export interface FormQuestion {
	id: string;
	number: string;
	kind: QuestionKind;
	required: boolean;
	text: Texts;
	help: Texts;
	maxLength: string;
	options: Texts;
}

export interface FormSection {
	id: string;
	title: Texts;
	questions: FormQuestion[];
}

export interface BuilderForm {
	title: Texts;
	intro: Texts;
	consentStatement: Texts;
	originalLang: string;
	languages: string[];
	opensOn: string;
	closesOn: string;
	requiresAccount: boolean;
	k: string;
	sections: FormSection[];
}

/** At most this many sections and questions per section are read from a form: a bound on work, not a rule. */
const MAX_SECTIONS = 50;
const MAX_QUESTIONS = 200;

export const emptyQuestion = (): FormQuestion => ({ id: '', number: '', kind: 'long_text', required: false, text: {}, help: {}, maxLength: '', options: {} });
export const emptySection = (): FormSection => ({ id: '', title: {}, questions: [emptyQuestion()] });

/** A new questionnaire's form: the reader's language, open from today for thirty days. */
export function emptyForm(locale: string, today = new Date()): BuilderForm {
	const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
	return { title: {}, intro: {}, consentStatement: {}, originalLang: locale, languages: [locale], opensOn: day(0), closesOn: day(30), requiresAccount: false, k: '5', sections: [emptySection()] };
}

const one = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};
const texts = (form: FormData, prefix: string): Texts => {
	const out: Texts = {};
	for (const l of LOCALES) {
		const v = one(form, `${prefix}.${l}`);
		if (v.trim() !== '') out[l] = v;
	}
	return out;
};

/** Reads the builder's fields; anything missing reads as empty, so the form can always be shown again. */
export function readBuilderForm(form: FormData): BuilderForm {
	const sections: FormSection[] = [];
	for (let i = 0; i < MAX_SECTIONS && hasSection(form, i); i++) {
		const questions: FormQuestion[] = [];
		for (let j = 0; j < MAX_QUESTIONS && form.has(`s${i}.q${j}.kind`); j++) {
			const p = `s${i}.q${j}`;
			const kind = one(form, `${p}.kind`);
			questions.push({
				id: one(form, `${p}.id`),
				number: one(form, `${p}.number`),
				kind: (QUESTION_KINDS as readonly string[]).includes(kind) ? (kind as QuestionKind) : 'long_text',
				required: one(form, `${p}.required`) === 'on',
				text: texts(form, `${p}.text`),
				help: texts(form, `${p}.help`),
				maxLength: one(form, `${p}.maxLength`),
				options: texts(form, `${p}.options`)
			});
		}
		sections.push({ id: one(form, `s${i}.id`), title: texts(form, `s${i}.title`), questions });
	}
	const languages = form.getAll('languages').filter((l): l is string => typeof l === 'string');
	return {
		title: texts(form, 'title'),
		intro: texts(form, 'intro'),
		consentStatement: texts(form, 'consentStatement'),
		originalLang: one(form, 'originalLang'),
		languages,
		opensOn: one(form, 'opensOn'),
		closesOn: one(form, 'closesOn'),
		requiresAccount: one(form, 'requiresAccount') === 'on',
		k: one(form, 'k'),
		sections
	};
}

const hasSection = (form: FormData, i: number) => form.has(`s${i}.id`) || form.has(`s${i}.q0.kind`);

/**
 * A change of shape asked for by one of the form's buttons (`op`): `add-section`, `remove-section:i`,
 * `add-question:i`, `remove-question:i.j`, `move-up:i.j`, `move-down:i.j`. Unknown or out-of-range
 * operations leave the form as it is.
 */
export function applyOperation(form: BuilderForm, op: string): BuilderForm {
	const sections = form.sections.map((s) => ({ ...s, questions: [...s.questions] }));
	const [name, at = ''] = op.split(':');
	const [i, j] = at.split('.').map((n) => Number.parseInt(n, 10));
	const section = Number.isInteger(i) ? sections[i] : undefined;
	switch (name) {
		case 'add-section':
			sections.push(emptySection());
			break;
		case 'remove-section':
			if (section && sections.length > 1) sections.splice(i, 1);
			break;
		case 'add-question':
			section?.questions.push(emptyQuestion());
			break;
		case 'remove-question':
			if (section && section.questions[j]) section.questions.splice(j, 1);
			break;
		case 'move-up':
		case 'move-down': {
			if (!section || !section.questions[j]) break;
			const to = name === 'move-up' ? j - 1 : j + 1;
			if (to >= 0 && to < section.questions.length) [section.questions[j], section.questions[to]] = [section.questions[to], section.questions[j]];
			else if (to < 0 && i > 0) sections[i - 1].questions.push(...section.questions.splice(j, 1));
			else if (to >= section.questions.length && i < sections.length - 1) sections[i + 1].questions.unshift(...section.questions.splice(j, 1));
			break;
		}
	}
	return { ...form, sections };
}

const CODE_OF_LABEL = /[^a-z0-9_-]+/g;
const codeOf = (label: string) =>
	label
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '')
		.replace(CODE_OF_LABEL, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40);

/** Option lines of one language: code → label, in order. */
function optionLines(text: string): { code: string; label: string }[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line) => {
			const at = line.indexOf('=');
			if (at < 0) return { code: codeOf(line), label: line };
			return { code: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
		});
}

/** The options of a question from its per-language lines: codes from the original language. */
export function optionsOf(lines: Texts, originalLang: string): { code: string; label: Texts }[] {
	const original = optionLines(lines[originalLang] ?? '');
	const others = Object.entries(lines)
		.filter(([l]) => l !== originalLang)
		.map(([l, text]) => [l, new Map(optionLines(text).map((o) => [o.code, o.label]))] as const);
	return original.map((o) => {
		const label: Texts = { [originalLang]: o.label };
		for (const [l, byCode] of others) {
			const translated = byCode.get(o.code);
			if (translated) label[l] = translated;
		}
		return { code: o.code, label };
	});
}

/** Options back into per-language lines. */
function optionTexts(options: readonly { code: string; label: Partial<Record<string, string>> }[]): Texts {
	const out: Texts = {};
	for (const l of LOCALES) {
		const lines = options.filter((o) => o.label[l]).map((o) => `${o.code} = ${o.label[l]}`);
		if (lines.length > 0) out[l] = lines.join('\n');
	}
	return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form as the command's input, or the problems by field name. */
export function builderInput(form: BuilderForm): { ok: true; value: Questionnaire } | { ok: false; problems: FieldProblems } {
	const problems: FieldProblems = {};
	if (!DAY.test(form.opensOn) || Number.isNaN(Date.parse(form.opensOn))) problems.opensOn = { key: 'questionnaires.problem.invalid' };
	if (!DAY.test(form.closesOn) || Number.isNaN(Date.parse(form.closesOn))) problems.closesOn = { key: 'questionnaires.problem.invalid' };
	const k = /^\d{1,3}$/.test(form.k.trim()) ? Number(form.k) : Number.NaN;
	const { opensAt, closesAt } = instantsOfDays(form.opensOn, form.closesOn);
	const input = {
		title: form.title,
		intro: form.intro,
		consentStatement: form.consentStatement,
		originalLang: form.originalLang,
		languages: form.languages,
		opensAt,
		closesAt,
		requiresAccount: form.requiresAccount,
		k,
		sections: form.sections.map((s) => ({
			...(s.id ? { id: s.id } : {}),
			title: s.title,
			questions: s.questions.map((q) => ({
				...(q.id ? { id: q.id } : {}),
				number: q.number,
				kind: q.kind,
				required: q.required,
				text: q.text,
				help: q.help,
				options: q.kind === 'single_choice' || q.kind === 'multiple_choice' ? optionsOf(q.options, form.originalLang) : [],
				...(q.maxLength.trim() !== '' ? { maxLength: /^\d+$/.test(q.maxLength.trim()) ? Number(q.maxLength) : Number.NaN } : {})
			}))
		}))
	};
	const checked = validateQuestionnaire(input);
	if (!checked.ok) for (const p of checked.problems) problems[fieldOf(p)] ??= p.values ? { key: p.key, values: p.values } : { key: p.key };
	if (Object.keys(problems).length > 0 || !checked.ok) return { ok: false, problems };
	return { ok: true, value: checked.value };
}

/** The form field a problem's path points at (the first field of a group, where it is a group). */
export function fieldOf(problem: Pick<Problem, 'path'>): string {
	const [head, a, b, c, d] = problem.path;
	if (head === 'opensAt') return 'opensOn';
	if (head === 'closesAt') return 'closesOn';
	if (head === 'sections' && typeof a === 'number') {
		if (b === 'questions' && typeof c === 'number') return d === undefined ? `s${a}.q${c}.text` : `s${a}.q${c}.${d}`;
		return b === 'title' ? `s${a}.title` : `s${a}`;
	}
	return String(head ?? '_form');
}

/** A stored questionnaire as the builder's form. */
export function formOfQuestionnaire(row: QuestionnaireRow, structure: QuestionnaireStructure): BuilderForm {
	const plain = (t: Partial<Record<string, string>>): Texts => Object.fromEntries(Object.entries(t).filter((e): e is [string, string] => typeof e[1] === 'string'));
	return {
		title: plain(row.title),
		intro: plain(row.intro),
		consentStatement: plain(row.consentStatement),
		originalLang: row.originalLang,
		languages: [...row.languages],
		opensOn: openingDay(row),
		closesOn: closingDay(row),
		requiresAccount: row.requiresAccount,
		k: String(row.k),
		sections: structure.sections.map((s) => ({
			id: s.id,
			title: plain(s.title),
			questions: s.questions.map((q) => ({
				id: q.id,
				number: q.number,
				kind: q.kind,
				required: q.required,
				text: plain(q.text),
				help: plain(q.help),
				maxLength: String(q.maxLength),
				options: optionTexts(q.options)
			}))
		}))
	};
}

/** Labels of the questions a locked questionnaire may not lose or change, as one line for the form. */
export function conflictProblems(detail: Record<string, unknown> | undefined): FieldProblems {
	const list = (key: string) => (Array.isArray(detail?.[key]) ? (detail[key] as unknown[]).map(String) : []);
	const removed = [...list('removed'), ...list('kindChanged')];
	const options = list('optionsRemoved');
	return {
		_form: {
			key: 'questionnaires.build.conflict',
			values: { questions: removed.join(', ') || '—', options: options.join(', ') || '—' }
		}
	};
}
