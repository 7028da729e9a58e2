import { printableFromUnits, toHtml } from '../../core/exports/index';
import type { DocumentRow } from '../repositories/documents';
import type { Printable, StoredUnitForPrint } from '../../core/exports/types';
import type { VersionRow } from '../repositories/versions';
import { toDocx } from './docx';
import { MissingFont } from './fonts';
import { toPdf } from './pdf';

import { EXPORT_FORMATS, type ExportFormat } from '../../core/exports/formats';

export { EXPORT_FORMATS, type ExportFormat };

const MEDIA_TYPES: Record<ExportFormat, string> = {
	html: 'text/html; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
};

/** The file a version downloads as: bytes, media type and a file name made of the document's slug and version. */
export async function versionFile(
	document: Pick<DocumentRow, 'slug' | 'title' | 'lang' | 'kind'>,
	version: Pick<VersionRow, 'number' | 'publishedAt' | 'createdAt'>,
	units: readonly StoredUnitForPrint[],
	format: ExportFormat
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
	const printable = printableOfVersion(document, version, units);
	const bytes = format === 'html' ? new TextEncoder().encode(toHtml(printable)) : format === 'docx' ? await toDocx(printable) : await toPdf(printable);
	return { bytes, mediaType: MEDIA_TYPES[format], fileName: `${document.slug}-v${version.number}.${format}` };
}

/**
 * A stored version ready to print, as every download format prints it. A compilation and a
 * report print a table of contents of their own (with page numbers where the format has them);
 * the contents list stored in their text is then left out, so there is one.
 */
export function printableOfVersion(
	document: Pick<DocumentRow, 'title' | 'lang' | 'kind'>,
	version: Pick<VersionRow, 'number' | 'publishedAt' | 'createdAt'>,
	units: readonly StoredUnitForPrint[]
): Printable {
	const day = (version.publishedAt ?? version.createdAt).toISOString().slice(0, 10);
	return printableFromUnits({
		title: document.title,
		lang: document.lang,
		meta: [`Version ${version.number} · ${day}`],
		toc: document.kind === 'compilation' || document.kind === 'report',
		units
	});
}

export { MissingFont };
