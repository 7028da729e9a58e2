import { error } from '@sveltejs/kit';
import { abilities } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { Locale } from '../../i18n/locales';
import { localName } from '../../i18n/names';
import type { DbOrTx } from '../db/client';
import type { AmendmentWithProposers } from '../repositories/amendments';
import { findBodyById } from '../repositories/bodies';
import { findDocumentBySlug } from '../repositories/documents';
import { latestPublishedVersion, unitsOf } from '../repositories/versions';

/**
 * What every page about a draft's amendments starts from: the published document, its body, its
 * latest published version and units, and what the viewer may do there. 404 for an unknown or
 * unpublished document or one without a published version.
 */
export async function draftOr404(db: DbOrTx, slug: string, actor: Actor) {
	const document = await findDocumentBySlug(db, slug);
	if (!document || !document.published) error(404, 'Not found');
	const version = await latestPublishedVersion(db, document.id);
	if (!version) error(404, 'Not found');
	const [body, units] = await Promise.all([findBodyById(db, document.bodyId), unitsOf(db, version.id)]);
	if (!body) error(404, 'Not found');
	const can = abilities(actor, body.id);
	const delegation = actor.memberships.find((m) => m.bodyId === body.id && (m.role === 'member' || m.role === 'vice_chair') && m.organisationId)?.organisationId ?? null;
	return { document, body, version, units, can, delegation, isDraft: document.kind === 'draft' };
}

/** An amendment as pages show it: the proposers' names in the reader's language. */
export function presentAmendment(a: AmendmentWithProposers, locale: Locale) {
	return {
		id: a.id,
		number: a.number,
		kind: a.kind,
		status: a.status,
		targetKey: a.targetKey,
		targetNumber: a.targetNumber,
		afterKey: a.afterKey,
		deletedText: a.deletedText,
		insertedText: a.insertedText,
		resultText: a.resultText,
		modifiedText: a.modifiedText,
		explanation: a.explanation,
		wholePart: a.wholePart,
		outdated: a.outdated,
		origin: a.origin,
		copyName: a.copyName,
		trackedAuthors: a.trackedAuthors,
		decidedByLabel: a.decidedByLabel,
		decidedOnBehalf: a.decidedOnBehalf,
		decisionReason: a.decisionReason,
		decidedAt: a.decidedAt?.toISOString() ?? null,
		applied: a.appliedInVersionId !== null,
		createdAt: a.createdAt.toISOString(),
		proposers: a.proposers.map((p) => ({ id: p.organisationId, slug: p.slug, ...localName(p.names, p.name, locale) }))
	};
}
export type PresentedAmendment = ReturnType<typeof presentAmendment>;

/** The units a form may name, with a short excerpt for the choice list. */
export function unitChoices(units: readonly { key: string; kind: string; number: string | null; text: string }[]) {
	return units.filter((u) => u.kind !== 'blank').map((u) => ({ key: u.key, kind: u.kind, number: u.number, excerpt: u.text.length > 90 ? `${u.text.slice(0, 90)}…` : u.text }));
}
