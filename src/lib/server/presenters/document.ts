import { DocumentDetail, DocumentRecord } from '../../core/api/records';
import type { DocumentData, DocumentDetailData } from '../repositories/open-data';

function fields({ document: d, bodySlug, meetingNumber, latestVersion }: DocumentData) {
	if (!d.published) throw new Error(`Document ${d.slug} is not published and must not be presented.`);
	return {
		id: d.id,
		slug: d.slug,
		body: bodySlug,
		meetingNumber,
		kind: d.kind,
		title: d.title,
		symbol: d.symbol,
		lang: d.lang,
		issuedOn: d.issuedOn,
		latestVersion
	};
}

/** A document (without its text) as the open-data API lists it, validated against its schema. */
export function presentDocument(data: DocumentData): DocumentRecord {
	return DocumentRecord.parse(fields(data));
}

/**
 * A document with its latest version's units, validated against its schema. The units' source
 * text and character spans are how Plenary reproduces the original file; the API gives the clean
 * text and the footnote references.
 */
export function presentDocumentDetail(data: DocumentDetailData): DocumentDetail {
	const v = data.version;
	return DocumentDetail.parse({
		...fields(data),
		version: v ? { number: v.number, note: v.note, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null } : null,
		units: data.units.map((u) => ({
			key: u.key,
			position: u.position,
			kind: u.kind,
			depth: u.depth,
			parentKey: u.parentKey,
			part: u.part,
			number: u.number,
			text: u.text,
			notes: u.notes,
			lang: u.lang
		}))
	});
}
