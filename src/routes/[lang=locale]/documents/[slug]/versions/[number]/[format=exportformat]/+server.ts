import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { findDocumentBySlug, findVersion, versionUnits } from '$lib/server/repositories/documents';
import { MissingFont, versionFile, type ExportFormat } from '$lib/server/exports/download';

/**
 * A published version of a public document as a file: a print-ready HTML page (shown in the
 * browser), DOCX or PDF (downloaded). Readable without an account, like the document itself.
 */
export const GET: RequestHandler = async ({ params }) => {
	const d = await db();
	const document = await findDocumentBySlug(d, params.slug);
	if (!document || !document.published || !/^[1-9]\d{0,5}$/.test(params.number)) error(404, 'Not found');
	const version = await findVersion(d, document.id, Number(params.number));
	if (!version || !version.publishedAt) error(404, 'Not found');
	const format = params.format as ExportFormat;
	try {
		const file = await versionFile(document, version, await versionUnits(d, version.id), format);
		return new Response(Buffer.from(file.bytes), {
			headers: {
				'content-type': file.mediaType,
				'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
				'x-content-type-options': 'nosniff',
				'cache-control': 'public, max-age=300'
			}
		});
	} catch (e) {
		// A font the text needs is not installed: say which package provides it.
		if (e instanceof MissingFont) {
			console.error(`Plenary: ${e.message}`);
			// The server's folders stay in its log; the reader learns what is missing.
			error(503, `This document cannot be made into a PDF here: ${e.missing.map((m) => `${m.label} text needs the font ${m.family} (Debian package ${m.debianPackage})`).join('; ')}.`);
		}
		throw e;
	}
};
