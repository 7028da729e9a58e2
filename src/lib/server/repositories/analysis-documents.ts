/**
 * The document that holds a questionnaire's analysis ("Analysis of the responses to the
 * questionnaire"): found through `questionnaires.analysis_document_id`, made on first generation,
 * and its published versions for the analysis page's links.
 */
import { desc, eq } from 'drizzle-orm';
import { slugify } from '../../core/shared/slug';
import type { DbOrTx } from '../db/client';
import { documents, documentVersions, questionnaires } from '../db/schema';
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

/** Marks the document as issued today after a new version. */
export async function touchAnalysisDocument(tx: DbOrTx, documentId: string, now = new Date()): Promise<void> {
	await tx.update(documents).set({ issuedOn: now.toISOString().slice(0, 10), updatedAt: now }).where(eq(documents.id, documentId));
}

/** The analysis document's slug and its published versions, newest first (for the analysis page), or null. */
export async function analysisDocumentVersions(db: DbOrTx, questionnaire: Pick<QuestionnaireRow, 'analysisDocumentId'>): Promise<{ slug: string; versions: { number: number; publishedAt: Date | null }[] } | null> {
	const doc = await findAnalysisDocument(db, questionnaire);
	if (!doc || !doc.published) return null;
	const versions = await db
		.select({ number: documentVersions.number, publishedAt: documentVersions.publishedAt })
		.from(documentVersions)
		.where(eq(documentVersions.documentId, doc.id))
		.orderBy(desc(documentVersions.number));
	return { slug: doc.slug, versions: versions.filter((v) => v.publishedAt).map((v) => ({ number: v.number, publishedAt: v.publishedAt })) };
}
