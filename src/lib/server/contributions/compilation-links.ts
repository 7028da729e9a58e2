import type { DbOrTx } from '../db/client';
import { compilationVersions } from '../compilations/generate';
import type { CallRow } from '../repositories/calls';

/** One published version of a compilation and where to read or download it. */
export interface CompilationVersionLinks {
	number: number;
	publishedAt: string | null;
	/** The reading page, paragraph by paragraph, with its own version picker. */
	pageHref: string;
	/** The print-ready HTML page (its CSS sets the page for printing). */
	htmlHref: string;
	docxHref: string;
	pdfHref: string;
	/** The word-by-word comparison with the version before, when there is one. */
	compareHref: string | null;
}

/** The addresses of one version of a document: the reading page and the three downloads. */
export function versionLinks(locale: string, documentSlug: string, number: number, publishedAt: Date | null, previous: number | null = null): CompilationVersionLinks {
	const base = `/${locale}/documents/${documentSlug}`;
	return {
		number,
		publishedAt: publishedAt ? publishedAt.toISOString() : null,
		pageHref: `${base}?version=${number}`,
		htmlHref: `${base}/versions/${number}/html`,
		docxHref: `${base}/versions/${number}/docx`,
		pdfHref: `${base}/versions/${number}/pdf`,
		compareHref: previous === null ? null : `${base}/compare?from=${previous}&to=${number}`
	};
}

/** A call's compilation: its document and published versions, newest first; null when none was generated. */
export async function compilationLinks(db: DbOrTx, call: CallRow, locale: string): Promise<{ documentSlug: string; versions: CompilationVersionLinks[] } | null> {
	const found = await compilationVersions(db, call);
	if (!found) return null;
	// Newest first: the version before each is the next in the list.
	const versions = found.versions.map((v, i) => versionLinks(locale, found.slug, v.number, v.publishedAt, found.versions[i + 1]?.number ?? null));
	return { documentSlug: found.slug, versions };
}
