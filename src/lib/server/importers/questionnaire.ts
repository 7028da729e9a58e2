/**
 * Importing a questionnaire a corpus document reproduces (the WGEC 2013 questionnaire, Annex 2 of
 * the rolling document), idempotently: found by slug, created when missing, left alone when its
 * content is what the document says, otherwise brought back to it.
 *
 * An update keeps the stored questions a response may answer: each question of the document is
 * matched with the stored one it is (the consent and stakeholder-group questions by kind, numbered
 * questions by number, unnumbered ones by kind and text) and updated in place, so answers keep
 * pointing at the question they answered. Once anyone has responded, nothing may be removed or
 * change kind: such an update is skipped with the reason, and the questionnaire stays as it is.
 */
import type { QuestionnaireInput, Questionnaire } from '../../core/questionnaires/questionnaire';
import { validateQuestionnaire } from '../../core/questionnaires/questionnaire';
import { changedFields } from '../audit/record';
import type { DbOrTx } from '../db/client';
import { questionnaires } from '../db/schema';
import { insertQuestionnaire, questionnaireValues, writeStructure, type StructureConflict } from '../repositories/questionnaire-writes';
import { findQuestionnaireBySlug, hasResponses, structureOf, type QuestionnaireStructure } from '../repositories/questionnaires';
import { canonicalJson, upsertBy, type Changes, type Outcome } from './upsert';

export type QuestionnaireImport = { ok: true; id: string; outcome: Outcome; changes: Changes } | { ok: false; reason: string };

/** What identifies a question from one import to the next (see the file's comment). */
function questionKey(q: { kind: string; number: string; text: Partial<Record<string, string>> }, originalLang: string): string {
	if (q.kind === 'consent' || q.kind === 'stakeholder_group' || q.kind === 'country') return q.kind;
	if (q.number) return `#${q.number}`;
	return `${q.kind}:${q.text[originalLang] ?? Object.values(q.text)[0] ?? ''}`;
}

/** The document's questionnaire with the ids of the stored sections (by position) and questions (by key) it keeps. */
function withStoredIds(q: Questionnaire, stored: QuestionnaireStructure, storedLang: string): Questionnaire {
	const pool = new Map<string, string[]>();
	for (const old of stored.questions) {
		const key = questionKey(old, storedLang);
		pool.set(key, [...(pool.get(key) ?? []), old.id]);
	}
	return {
		...q,
		sections: q.sections.map((s, si) => ({
			...s,
			id: stored.sections[si]?.id,
			questions: s.questions.map((x) => ({ ...x, id: pool.get(questionKey(x, q.originalLang))?.shift() }))
		}))
	};
}

type Shape = { title: unknown; questions: { number: string; kind: string; required: boolean; text: unknown; help: unknown; options: unknown; maxLength: number }[] }[];

/** Sections and questions as content only (no ids, no positions), to compare what is stored with what the document says. */
const shapeOf = (sections: readonly { title: unknown; questions: readonly Shape[number]['questions'][number][] }[]): Shape =>
	sections.map((s) => ({
		title: s.title,
		questions: s.questions.map((x) => ({ number: x.number, kind: x.kind, required: x.required, text: x.text, help: x.help, options: x.options, maxLength: x.maxLength }))
	}));

/** One line per question, as the audit records a questionnaire's structure. */
const structureLines = (shape: Shape) =>
	shape.flatMap((s) => s.questions.map((x) => `${x.number ? `${x.number}. ` : ''}[${x.kind}${x.required ? ', required' : ''}] ${Object.values(x.text as Record<string, string>)[0] ?? ''}`));

/**
 * Creates the questionnaire `target.slug` for a body, or brings the stored one back to `input`:
 * 'created', 'updated' or 'unchanged' with the fields that changed (for the audit), or the reason
 * it was left alone (the input is not a valid questionnaire, or responses hold the questions it
 * would remove or change the kind of).
 */
export async function importQuestionnaire(
	tx: DbOrTx,
	target: { bodyId: string; slug: string; sourceName: string | null },
	input: QuestionnaireInput
): Promise<QuestionnaireImport> {
	const check = validateQuestionnaire(input);
	if (!check.ok) return { ok: false, reason: `questionnaire ${target.slug}: not imported, it is not valid (${check.problems.map((p) => `${p.path.join('.')}: ${p.key}`).join('; ')})` };
	const wanted = check.value;
	const values = { ...questionnaireValues(wanted), bodyId: target.bodyId, sourceName: target.sourceName };
	const wantedShape = shapeOf(wanted.sections);

	const existing = await findQuestionnaireBySlug(tx, target.slug);
	if (!existing) {
		const row = await insertQuestionnaire(tx, target, wanted);
		return { ok: true, id: row.id, outcome: 'created', changes: changedFields(null, { ...values, questions: structureLines(wantedShape) }) };
	}

	const stored = await structureOf(tx, existing.id);
	const storedShape = shapeOf(stored.sections);
	const structureChanged = canonicalJson(storedShape) !== canonicalJson(wantedShape);
	if (structureChanged) {
		const conflict: StructureConflict | null = await writeStructure(tx, existing.id, withStoredIds(wanted, stored, existing.originalLang), { locked: await hasResponses(tx, existing.id) });
		if (conflict) {
			const what = [...conflict.removed.map((q) => `${q} removed`), ...conflict.kindChanged.map((q) => `${q} changes kind`), ...conflict.optionsRemoved.map((q) => `${q} loses options`)];
			return { ok: false, reason: `questionnaire ${target.slug}: left as it is, responses answer questions the document changes (${what.join(', ')})` };
		}
	}
	// The stored row's columns; `updatedAt` also moves when only the questions changed.
	const columns = await upsertBy(tx, questionnaires, { slug: target.slug }, structureChanged ? { ...values, updatedAt: new Date() } : values);
	const changes = columns.changes;
	delete changes.updatedAt;
	if (structureChanged) changes.questions = { from: structureLines(storedShape), to: structureLines(wantedShape) };
	return { ok: true, id: existing.id, outcome: structureChanged || columns.outcome === 'updated' ? 'updated' : 'unchanged', changes };
}
