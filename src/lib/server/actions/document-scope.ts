import type { Tx } from '../db/client';
import { findDocumentById } from '../repositories/documents';

/** The body a document belongs to, as `perform` scopes a command on it; null (→ not_found) when there is no such document. */
export async function documentScope(tx: Tx, documentId: string): Promise<{ bodyId: string } | null> {
	const d = await findDocumentById(tx, documentId);
	return d ? { bodyId: d.bodyId } : null;
}
