/**
 * The document that holds a questionnaire's analysis ("Analysis of the responses to the
 * questionnaire"): found through `questionnaires.analysis_document_id`, made on first generation.
 */
import { eq } from 'drizzle-orm';
import { slugify } from '../../core/shared/slug';
import type { DbOrTx } from '../db/client';
import { documents, questionnaires } from '../db/schema';
import type { DocumentRow } from './documents';
import type { QuestionnaireRow } from './questionnaires';

/** The questionnaire's analysis document, or undefined before the first generation. */
export async function findAnalysisDocument(db: DbOrTx, questionnaire: Pick<QuestionnaireRow, 'analysisDocumentId'>): Promise<DocumentRow | undefined> {
	if (!questionnaire.analysisDocumentId) return undefined;
	const [doc] = await db.select().from(documents).where(eq(documents.id, questionnaire.analysisDocumentId));
	return doc;
}

/**
 * The questionnaire's analysis document, made (kind `report`, public, in the body of the
 * questionnaire) and linked to the questionnaire when it has none yet. A document already under
 * the slug it would take (a questionnaire deleted and made again) is taken over.
 */
export async function ensureAnalysisDocument(tx: DbOrTx, questionnaire: QuestionnaireRow, title: string, lang: string): Promise<DocumentRow> {
	const found = await findAnalysisDocument(tx, questionnaire);
	if (found) return found;
	const slug = slugify(`${questionnaire.slug}-analysis`, 120);
	const [existing] = await tx.select().from(documents).where(eq(documents.slug, slug));
	const [doc] = existing ? [existing] : await tx.insert(documents).values({ slug, bodyId: questionnaire.bodyId, kind: 'report', title, lang, published: true }).returning();
	await tx.update(questionnaires).set({ analysisDocumentId: doc.id }).where(eq(questionnaires.id, questionnaire.id));
	return doc;
}
