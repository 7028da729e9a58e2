import { asc, eq, inArray } from 'drizzle-orm';
import { compileCallWithUnits, type CompilationInput } from '../../core/compilation/index';
import { slugify } from '../../core/shared/slug';
import type { DbOrTx } from '../db/client';
import { calls, categories, contributionItems, contributions, documents } from '../db/schema';
import type { CallRow } from '../repositories/calls';
import { submittersOf } from '../repositories/contributions';
import { generatedVersions, keepGeneratedVersion } from '../repositories/generated-versions';
import type { VersionRow } from '../repositories/versions';

/**
 * What the compilation of a call is made from: its framework, every contribution to it with its
 * confirmed submitters and categorised items, and its annexes. The generator leaves out what is
 * withdrawn, held or merged; pending co-submitters are left out here, as on every public page.
 */
export async function compilationInputOf(db: DbOrTx, call: CallRow): Promise<CompilationInput> {
	const framework = await db.select().from(categories).where(eq(categories.callId, call.id)).orderBy(asc(categories.position));
	const codeOf = new Map(framework.map((c) => [c.id, c.code]));
	const rows = await db.select().from(contributions).where(eq(contributions.callId, call.id)).orderBy(asc(contributions.position), asc(contributions.receivedAt));
	const ids = rows.map((r) => r.id);
	const items = ids.length ? await db.select().from(contributionItems).where(inArray(contributionItems.contributionId, ids)).orderBy(asc(contributionItems.position)) : [];
	const itemsOf = new Map<string, typeof items>();
	for (const i of items) itemsOf.set(i.contributionId, [...(itemsOf.get(i.contributionId) ?? []), i]);
	const submitters = await submittersOf(db, ids);
	return {
		title: call.compilationTitle || call.title,
		subtitle: null,
		callTitle: call.title,
		lang: call.languages[0] ?? 'en',
		framework: framework.map((c) => ({ code: c.code, title: c.title, questions: c.questions })),
		contributions: rows.map((r) => ({
			id: r.id,
			heading: r.heading || null,
			submitters: (submitters.get(r.id) ?? []).filter((s) => s.confirmed !== false).map((s) => s.name),
			onBehalfOf: r.onBehalfOf,
			date: r.submittedOn ?? r.receivedAt.toISOString().slice(0, 10),
			position: r.position,
			status: r.status,
			published: r.published,
			mergedIntoId: r.mergedIntoId,
			items: (itemsOf.get(r.id) ?? []).map((i) => ({
				number: i.number,
				kind: i.kind === 'list_item' ? 'list_item' : i.kind === 'heading' ? 'heading' : 'paragraph',
				text: i.text,
				categoryCode: i.categoryId ? (codeOf.get(i.categoryId) ?? null) : null,
				notes: i.notes
			}))
		})),
		annexes: call.annexes
	};
}

/** The document that holds a call's compilation, made on first generation. */
async function compilationDocument(tx: DbOrTx, call: CallRow) {
	if (call.compilationDocumentId) {
		const [doc] = await tx.select().from(documents).where(eq(documents.id, call.compilationDocumentId));
		if (doc) return doc;
	}
	const slug = slugify(`${call.slug}-compilation`, 120);
	const [existing] = await tx.select().from(documents).where(eq(documents.slug, slug));
	const [doc] = existing
		? [existing]
		: await tx
				.insert(documents)
				.values({ slug, bodyId: call.bodyId, kind: 'compilation', title: call.compilationTitle || `Compilation: ${call.title}`, lang: call.languages[0] ?? 'en', published: true })
				.returning();
	await tx.update(calls).set({ compilationDocumentId: doc.id }).where(eq(calls.id, call.id));
	return doc;
}

export interface Generation {
	documentId: string;
	documentSlug: string;
	version: VersionRow;
	/** False when the compilation had not changed since its latest version (no version is added). */
	created: boolean;
	entries: number;
}

/**
 * Generates a call's compilation and keeps it as the next version of its document, unless it is
 * the same text as the latest version. Units keep their stable keys from version to version, so
 * any two generations can be compared.
 */
export async function writeCompilation(tx: DbOrTx, call: CallRow, userId: string | null): Promise<Generation> {
	const input = await compilationInputOf(tx, call);
	// The units come with the text: exactly what parsing the text gives, without parsing it.
	const { text, entries, units: parsed } = compileCallWithUnits(input);
	const doc = await compilationDocument(tx, call);
	const { version, created } = await keepGeneratedVersion(tx, {
		document: doc,
		bodyId: call.bodyId,
		text,
		units: parsed,
		note: `Generated from ${input.contributions.length} contributions`,
		lang: doc.lang,
		userId
	});
	return { documentId: doc.id, documentSlug: doc.slug, version, created, entries: entries.length };
}

/** A call's compilation versions, newest first (for the call page). */
export async function compilationVersions(db: DbOrTx, call: CallRow): Promise<{ slug: string; versions: VersionRow[] } | null> {
	return generatedVersions(db, call.compilationDocumentId);
}
