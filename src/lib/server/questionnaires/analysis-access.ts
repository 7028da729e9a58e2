/**
 * Who may read a questionnaire's analysis (its page, CSV and JSON): everyone once the questionnaire
 * has closed; before that, only who may analyse it (the body's secretariat, administrators) — it
 * is their working view, and the numbers change as responses arrive. Others get 403, as for any
 * page that exists but is not theirs; an unknown or unpublished questionnaire is a 404.
 */
import { error } from '@sveltejs/kit';
import { can } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { Locale } from '../../i18n/locales';
import type { DbOrTx } from '../db/client';
import type { BodyRow } from '../repositories/bodies';
import type { QuestionnaireRow, QuestionnaireStructure } from '../repositories/questionnaires';
import { loadAnalysis, type AnalysisView } from './analysis';
import { questionnaireOr404 } from './page';
import { questionnairePhase } from './present';

export interface AnalysisAccess {
	questionnaire: QuestionnaireRow;
	body: BodyRow;
	structure: QuestionnaireStructure;
	/** The reader may write summaries and generate the analysis document. */
	canAnalyse: boolean;
	/** Whether everyone may read the analysis (the questionnaire has closed): what caches may keep. */
	isPublic: boolean;
}

/** The questionnaire whose analysis the reader asks for, or the error that says why not. */
export async function analysisOrError(db: DbOrTx, slug: string, actor: Actor, now = new Date()): Promise<AnalysisAccess> {
	const { questionnaire, body, structure } = await questionnaireOr404(db, slug, actor);
	const canAnalyse = can(actor, 'questionnaire.analyse', body.id);
	const isPublic = questionnaire.published && questionnairePhase(questionnaire, now) === 'closed';
	if (!isPublic && !canAnalyse) error(403, 'Forbidden');
	return { questionnaire, body, structure, canAnalyse, isPublic };
}

/** The analysis the reader may read, as the reader's language shows it: what its CSV and JSON are made from. */
export async function readableAnalysis(db: DbOrTx, slug: string, actor: Actor, locale: Locale): Promise<{ access: AnalysisAccess; view: AnalysisView }> {
	const access = await analysisOrError(db, slug, actor);
	return { access, view: await loadAnalysis(db, access.questionnaire, locale, access.structure) };
}

/** Headers of the analysis's files: once public, cacheable and readable from any site; before, the secretariat's alone. */
export function analysisFileHeaders(access: Pick<AnalysisAccess, 'isPublic'>): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		...(access.isPublic ? { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } : { 'cache-control': 'private, no-store' })
	};
}
