import { createHash } from 'node:crypto';
import { carryForward, type VersionText } from '../../core/drafting';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import type { Db, Tx } from '../db/client';
import { listAmendments, updateAmendment } from '../repositories/amendments';
import { findBodyById } from '../repositories/bodies';
import { findDocumentById } from '../repositories/documents';
import { insertVersion, latestPublishedVersion, unitsOf, versionTextOf, type VersionRow } from '../repositories/versions';
import { indexDocumentVersion } from '../search/index-writer';
import { toDraftAmendment } from '../drafting/draft-amendment';
import { ACCEPTED_STATUSES, IN_PLAY_STATUSES } from '../../core/shared/vocabulary';
import { computeNextVersion, NextVersionProblem, type NextVersion } from '../drafting/next-version';
import { diffWords } from '../../core/amendments/words';
import { documentScope } from './document-scope';
import { ActionFailure, perform, type ActionError } from './perform';

export interface PublishInput {
	basedOn: number;
	source: 'amendments' | 'text';
	/** The full text, for source `text` (typed in the editor or read from an uploaded file). */
	text: string;
	renumber: boolean;
	note: string;
	/** 'editor' or 'upload' for source `text`. */
	origin?: 'editor' | 'upload';
}

/** Builds the next version inside a transaction, or fails with a named outcome. */
async function next(tx: Tx, documentId: string, input: PublishInput): Promise<{ latest: VersionRow; base: VersionText; result: NextVersion }> {
	const document = (await findDocumentById(tx, documentId))!;
	if (document.kind !== 'draft') throw new ActionFailure('invalid', { field: 'document' });
	const latest = await latestPublishedVersion(tx, documentId);
	if (!latest) throw new ActionFailure('invalid', { field: 'version' });
	if (latest.number !== input.basedOn) throw new ActionFailure('conflict', { reason: 'stale', latest: latest.number });
	const base = versionTextOf(await unitsOf(tx, latest.id));
	const accepted = (await listAmendments(tx, documentId, { statuses: [...ACCEPTED_STATUSES], versionId: latest.id })).filter((a) => !a.appliedInVersionId);
	try {
		const result = computeNextVersion(base, input.source === 'amendments' ? { source: 'amendments', accepted, renumber: input.renumber } : { source: 'text', text: input.text, renumber: input.renumber });
		return { latest, base, result };
	} catch (e) {
		if (e instanceof NextVersionProblem) throw new ActionFailure(e.reason === 'conflicts' ? 'conflict' : 'invalid', { reason: e.reason, numbers: e.numbers, field: input.source === 'text' ? 'text' : 'source' });
		throw e;
	}
}

/**
 * What publishing would produce, without writing anything: for the preview step.
 * Outcomes as publishVersion; the value is the next version's text, units and renumbering.
 */
export async function previewVersion(db: Db, actor: Actor, documentId: string, input: PublishInput): Promise<Result<NextVersion, ActionError>> {
	let preview: NextVersion | undefined;
	const outcome = await perform(
		db,
		actor,
		'version.create',
		(tx) => documentScope(tx, documentId),
		async (tx) => {
			preview = (await next(tx, documentId, input)).result;
			// A preview changes nothing: abort the transaction once the result is in hand.
			throw new ActionFailure('conflict', { reason: 'preview' });
		}
	);
	if (!outcome.ok && outcome.detail?.reason === 'preview' && preview) return { ok: true, value: preview };
	return outcome as Result<NextVersion, ActionError>;
}

/**
 * The Chair (or secretariat) publishes the next version of a draft; accepted amendments are marked
 * applied, proposed ones carried forward or flagged. See docs/actions/publishVersion.md.
 */
export async function publishVersion(db: Db, actor: Actor, documentId: string, input: PublishInput): Promise<Result<VersionRow, ActionError>> {
	return perform(
		db,
		actor,
		'version.create',
		(tx) => documentScope(tx, documentId),
		async (tx) => {
			const document = (await findDocumentById(tx, documentId))!;
			const { latest, base, result } = await next(tx, documentId, input);
			const origin = input.source === 'amendments' ? 'amendments' : (input.origin ?? 'editor');
			const { version, units } = await insertVersion(
				tx,
				{
					documentId,
					number: latest.number + 1,
					sourceHash: createHash('sha256').update(result.text).digest('hex'),
					note: input.note,
					origin,
					renumbering: result.renumbering,
					createdByUserId: actor.userId
				},
				result.units,
				result.keys,
				document.lang
			);
			for (const a of result.applied) await updateAmendment(tx, a.id, { appliedInVersionId: version.id });

			// Everything still open on the old version is carried forward where it applies to the same words.
			const newText = versionTextOf(units);
			const applied = new Set(result.applied.map((a) => a.id));
			const open = (await listAmendments(tx, documentId, { statuses: [...IN_PLAY_STATUSES], versionId: latest.id })).filter((a) => !applied.has(a.id) && !a.appliedInVersionId);
			const carried: number[] = [];
			const flagged: number[] = [];
			for (const a of open) {
				const moved = carryForward(base, newText, toDraftAmendment(a));
				if (moved.ok) {
					const target = units.find((u) => u.key === moved.amendment.targetKey);
					const change = a.kind === 'replace' || a.kind === 'move' ? diffWords(target?.text ?? '', moved.amendment.resultText) : null;
					await updateAmendment(tx, a.id, {
						versionId: version.id,
						resultText: a.status === 'accepted_modified' ? a.resultText : moved.amendment.resultText,
						modifiedText: a.status === 'accepted_modified' ? moved.amendment.resultText : a.modifiedText,
						targetNumber: a.kind === 'insert' ? a.targetNumber : (target?.number ?? a.targetNumber),
						...(change ? { deletedText: change.deletedText, insertedText: change.insertedText } : {})
					});
					carried.push(a.number);
				} else {
					await updateAmendment(tx, a.id, { outdated: moved.reason });
					flagged.push(a.number);
				}
			}
			const body = (await findBodyById(tx, document.bodyId))!;
			await indexDocumentVersion(tx, { document, body, version, units });
			return {
				value: version,
				audit: {
					action: 'version.publish',
					entityType: 'document',
					entityId: document.id,
					summary: `${document.title}: version ${version.number}`,
					changes: {
						version: { from: latest.number, to: version.number },
						origin: { from: null, to: origin },
						applied: { from: null, to: result.applied.map((a) => a.number) },
						carried: { from: null, to: carried },
						flagged: { from: null, to: flagged },
						renumbered: { from: null, to: result.renumbering.length }
					}
				}
			};
		}
	);
}
