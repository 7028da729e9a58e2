/**
 * The secretariat generates the analysis document of a questionnaire: the next version of the
 * questionnaire's analysis document, published at once, unless nothing changed since the latest.
 * See docs/actions/analyseQuestionnaire.md.
 */
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import type { Db } from '../db/client';
import { writeAnalysis, type AnalysisGeneration } from '../questionnaires/analysis-document';
import { questionnairePhase } from '../questionnaires/present';
import { findQuestionnaireById } from '../repositories/questionnaires';
import { ActionFailure, perform, type ActionError } from './perform';

/**
 * Generates the analysis document. The document is public, like the analysis page once the
 * questionnaire has closed; so it is generated only then (and only for a published
 * questionnaire): before that, the analysis is the secretariat's working view, and a public
 * document would show it to everyone (`invalid {field: 'phase'}`).
 */
export async function generateAnalysis(db: Db, actor: Actor, questionnaireId: string, now = new Date()): Promise<Result<AnalysisGeneration, ActionError>> {
	return perform(
		db,
		actor,
		'questionnaire.analyse',
		async (tx) => {
			const q = await findQuestionnaireById(tx, questionnaireId);
			return q ? { bodyId: q.bodyId } : null;
		},
		async (tx) => {
			const questionnaire = (await findQuestionnaireById(tx, questionnaireId))!;
			if (!questionnaire.published || questionnairePhase(questionnaire, now) !== 'closed') throw new ActionFailure('invalid', { field: 'phase' });
			const g = await writeAnalysis(tx, questionnaire, actor.userId, now);
			const title = questionnaire.title.en ?? Object.values(questionnaire.title)[0] ?? questionnaire.slug;
			return {
				value: g,
				audit: {
					action: 'analysis.generate',
					entityType: 'document',
					entityId: g.documentId,
					summary: g.created ? `Analysis of "${title}" generated as version ${g.version.number}` : `Analysis of "${title}" unchanged since version ${g.version.number}`
				}
			};
		}
	);
}
