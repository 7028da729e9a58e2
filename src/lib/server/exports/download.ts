import { printableFromUnits, toHtml } from '../../core/exports/index';
import type { DocumentRow } from '../repositories/documents';
import type { UnitRow, VersionRow } from '../repositories/versions';
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
	units: readonly UnitRow[],
	format: ExportFormat
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
	const day = (version.publishedAt ?? version.createdAt).toISOString().slice(0, 10);
	const printable = printableFromUnits({
		title: document.title,
		lang: document.lang,
		meta: [`Version ${version.number} · ${day}`],
		// A compilation prints its own table of contents; the stored one (entries without page numbers) is left out.
		toc: document.kind === 'compilation' || document.kind === 'report',
		units
	});
	const bytes = format === 'html' ? new TextEncoder().encode(toHtml(printable)) : format === 'docx' ? await toDocx(printable) : await toPdf(printable);
	return { bytes, mediaType: MEDIA_TYPES[format], fileName: `${document.slug}-v${version.number}.${format}` };
}

export { MissingFont };
