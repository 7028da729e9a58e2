/**
 * Documents Plenary writes itself — a call's compilation, a questionnaire's analysis: each
 * generation is kept as the next published version of its document, exactly as generated, unless
 * its text is the latest version's (then no version is added). Units keep their stable keys from
 * the previous version, so any two generations can be compared; the new version is indexed for
 * search and the document marked as issued that day.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { ParsedUnit } from '../../core/documents/index';
import { carryKeys, versionUnits } from '../../core/drafting';
import type { DbOrTx } from '../db/client';
import { documents, documentVersions } from '../db/schema';
import { indexDocumentVersion } from '../search/index-writer';
import type { DocumentRow } from './documents';
import { insertVersion, latestPublishedVersion, unitsOf, versionTextOf, type VersionRow } from './versions';

export interface GeneratedVersion {
	version: VersionRow;
	/** False when the text had not changed since the latest version (which `version` then is). */
	created: boolean;
}

/** Keeps a generated text, parsed into `units`, as the next version of `document` unless unchanged. */
export async function keepGeneratedVersion(
	tx: DbOrTx,
	input: { document: DocumentRow; bodyId: string; text: string; units: readonly ParsedUnit[]; note: string; lang: string; userId: string | null; now?: Date }
): Promise<GeneratedVersion> {
	const { document: doc, units: parsed, now = new Date() } = input;
	const sourceHash = createHash('sha256').update(input.text).digest('hex');
	const latest = await latestPublishedVersion(tx, doc.id);
	if (latest && latest.sourceHash === sourceHash) return { version: latest, created: false };
	const keys = latest ? carryKeys(versionUnits(versionTextOf(await unitsOf(tx, latest.id))), parsed) : parsed.map((u) => u.key);
	const { version, units } = await insertVersion(
		tx,
		{ documentId: doc.id, number: (latest?.number ?? 0) + 1, sourceHash, note: input.note, origin: 'generated', renumbering: [], createdByUserId: input.userId },
		parsed,
		keys,
		input.lang
	);
	await tx.update(documents).set({ issuedOn: now.toISOString().slice(0, 10), updatedAt: now }).where(eq(documents.id, doc.id));
	await indexDocumentVersion(tx, { document: doc, body: { id: input.bodyId }, version, units });
	return { version, created: true };
}

/** A generated document's slug and its published versions, newest first; null when there is none or it is unpublished. */
export async function generatedVersions(db: DbOrTx, documentId: string | null): Promise<{ slug: string; versions: VersionRow[] } | null> {
	if (!documentId) return null;
	const [doc] = await db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.published, true)));
	if (!doc) return null;
	const versions = await db.select().from(documentVersions).where(eq(documentVersions.documentId, doc.id)).orderBy(desc(documentVersions.number));
	return { slug: doc.slug, versions: versions.filter((v) => v.publishedAt) };
}
