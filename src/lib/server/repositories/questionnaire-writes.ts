/**
 * Writing a questionnaire's rows: the questionnaire itself and its structure (sections and
 * questions). Creating and importing a questionnaire share `insertQuestionnaire`; editing uses
 * `writeStructure`, which keeps existing sections and questions by id so that answers keep
 * pointing at the question they answered.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Questionnaire } from '../../core/questionnaires/questionnaire';
import type { DbOrTx } from '../db/client';
import { questionnaires, questionnaireSections, questions } from '../db/schema';
import { structureOf, type QuestionnaireRow, type QuestionRow } from './questionnaires';

/** The questionnaire's own columns, from a validated questionnaire. */
export function questionnaireValues(q: Questionnaire) {
	return {
		title: q.title,
		intro: q.intro,
		consentStatement: q.consentStatement,
		originalLang: q.originalLang,
		languages: q.languages,
		opensAt: q.opensAt,
		closesAt: q.closesAt,
		requiresAccount: q.requiresAccount,
		k: q.k
	};
}

export async function insertQuestionnaire(
	tx: DbOrTx,
	target: { bodyId: string; slug: string; createdByUserId?: string | null; sourceName?: string | null },
	q: Questionnaire
): Promise<QuestionnaireRow> {
	const [row] = await tx
		.insert(questionnaires)
		.values({ ...questionnaireValues(q), bodyId: target.bodyId, slug: target.slug, createdByUserId: target.createdByUserId ?? null, sourceName: target.sourceName ?? null })
		.returning();
	await writeStructure(tx, row.id, q, { locked: false });
	return row;
}

/** Why a structure change was refused: the questions it would remove or change the kind of, by their number or text. */
export interface StructureConflict {
	removed: string[];
	kindChanged: string[];
	optionsRemoved: string[];
}

const questionLabel = (q: Pick<QuestionRow, 'number' | 'text'>) => q.number || Object.values(q.text)[0] || '';

/**
 * Replaces the sections and questions: entries with a known id are updated in place, the others
 * inserted, and the ones no longer listed deleted. With `locked` (responses exist) nothing may be
 * removed — no question, no option — and no kind changed; the conflict is returned and nothing
 * written (the caller aborts its transaction).
 */
export async function writeStructure(tx: DbOrTx, questionnaireId: string, q: Questionnaire, options: { locked: boolean }): Promise<StructureConflict | null> {
	const current = await structureOf(tx, questionnaireId);
	const wantedIds = new Set(q.sections.flatMap((s) => s.questions.map((x) => x.id)).filter(Boolean));
	const currentById = new Map(current.questions.map((x) => [x.id, x]));

	const conflict: StructureConflict = { removed: [], kindChanged: [], optionsRemoved: [] };
	if (options.locked) {
		for (const old of current.questions) if (!wantedIds.has(old.id)) conflict.removed.push(questionLabel(old));
		for (const s of q.sections)
			for (const x of s.questions) {
				const old = x.id ? currentById.get(x.id) : undefined;
				if (!old) continue;
				if (old.kind !== x.kind) conflict.kindChanged.push(questionLabel(old));
				const codes = new Set(x.options.map((o) => o.code));
				if (old.options.some((o) => !codes.has(o.code))) conflict.optionsRemoved.push(questionLabel(old));
			}
		if (conflict.removed.length || conflict.kindChanged.length || conflict.optionsRemoved.length) return conflict;
	}

	// Positions are unique per questionnaire: park the kept rows out of the way first.
	await tx.execute(sql`update ${questionnaireSections} set position = -1 - position where questionnaire_id = ${questionnaireId}`);
	await tx.execute(sql`update ${questions} set position = -1 - position where questionnaire_id = ${questionnaireId}`);

	const keptSections = new Set<string>();
	const keptQuestions = new Set<string>();
	const knownSections = new Set(current.sections.map((s) => s.id));
	let position = 0;
	for (const [si, section] of q.sections.entries()) {
		let sectionId: string;
		if (section.id && knownSections.has(section.id)) {
			await tx.update(questionnaireSections).set({ position: si, title: section.title }).where(eq(questionnaireSections.id, section.id));
			sectionId = section.id;
		} else {
			const [row] = await tx.insert(questionnaireSections).values({ questionnaireId, position: si, title: section.title }).returning({ id: questionnaireSections.id });
			sectionId = row.id;
		}
		keptSections.add(sectionId);
		for (const x of section.questions) {
			const values = { sectionId, position: position++, number: x.number, kind: x.kind, required: x.required, text: x.text, help: x.help, options: x.options, maxLength: x.maxLength };
			if (x.id && currentById.has(x.id)) {
				await tx.update(questions).set(values).where(eq(questions.id, x.id));
				keptQuestions.add(x.id);
			} else {
				await tx.insert(questions).values({ ...values, questionnaireId });
			}
		}
	}
	const goneQuestions = current.questions.filter((x) => !keptQuestions.has(x.id)).map((x) => x.id);
	if (goneQuestions.length) await tx.delete(questions).where(and(eq(questions.questionnaireId, questionnaireId), inArray(questions.id, goneQuestions)));
	const goneSections = current.sections.filter((s) => !keptSections.has(s.id)).map((s) => s.id);
	if (goneSections.length) await tx.delete(questionnaireSections).where(inArray(questionnaireSections.id, goneSections));
	return null;
}
