/**
 * What the questionnaire pages share: finding the questionnaire an address names (404 when there
 * is none, or when it is unpublished and the reader may not build it), and its days as pages show
 * and forms take them — it opens at the start of its first day and closes at the end of its last
 * (UTC).
 */
import { error } from '@sveltejs/kit';
import { abilities } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { Locale } from '../../i18n/locales';
import type { DbOrTx } from '../db/client';
import { findBodyById, type BodyRow } from '../repositories/bodies';
import { findQuestionnaireBySlug, listQuestionnaires, structureOf, type QuestionnaireRow, type QuestionnaireStructure } from '../repositories/questionnaires';
import { questionnairePhase } from './present';
import { textIn } from '../../core/questionnaires/questionnaire';

const DAY = 86_400_000;

/** The first day a questionnaire takes answers. */
export const openingDay = (q: Pick<QuestionnaireRow, 'opensAt'>) => q.opensAt.toISOString().slice(0, 10);
/** The last day a questionnaire takes answers: it closes at the start of the next. */
export const closingDay = (q: Pick<QuestionnaireRow, 'closesAt'>) => new Date(q.closesAt.getTime() - 1).toISOString().slice(0, 10);
/** The instants of a form's days: the start of the first, the start of the day after the last. */
export function instantsOfDays(opensOn: string, closesOn: string): { opensAt: Date; closesAt: Date } {
	return { opensAt: new Date(`${opensOn}T00:00:00Z`), closesAt: new Date(new Date(`${closesOn}T00:00:00Z`).getTime() + DAY) };
}

/** The questionnaire an address names, its body and structure, or 404. */
export async function questionnaireOr404(db: DbOrTx, slug: string, actor: Actor): Promise<{ questionnaire: QuestionnaireRow; body: BodyRow; structure: QuestionnaireStructure }> {
	const questionnaire = await findQuestionnaireBySlug(db, slug);
	const body = questionnaire ? await findBodyById(db, questionnaire.bodyId) : undefined;
	if (!questionnaire || !body) error(404, 'Not found');
	if (!questionnaire.published && !abilities(actor, body.id)['questionnaire.update']) error(404, 'Not found');
	return { questionnaire, body, structure: await structureOf(db, questionnaire.id) };
}

/** A body's questionnaires as its page lists them: the published ones, and all for who may build them. */
export async function listedQuestionnaires(db: DbOrTx, bodyId: string, locale: Locale, includeUnpublished: boolean, now = new Date()) {
	return (await listQuestionnaires(db, bodyId))
		.filter((q) => q.published || includeUnpublished)
		.map((q) => {
			const title = textIn(q.title, locale, q.originalLang);
			return { slug: q.slug, title: { text: title.text, lang: title.lang }, phase: questionnairePhase(q, now), opensOn: openingDay(q), closesOn: closingDay(q) };
		});
}
