import type { CommentInput } from '../../core/amendments/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { actorLabel } from '../audit/record';
import type { Db } from '../db/client';
import { findComment, insertComment, markResolved, type CommentRow } from '../repositories/comments';
import { findDocumentById } from '../repositories/documents';
import { latestPublishedVersion, unitsOf } from '../repositories/versions';
import { documentScope } from './document-scope';
import { ActionFailure, perform, type ActionError } from './perform';

/** Adds a comment (or a reply) to one unit of a draft's latest version. See docs/actions/addComment.md. */
export async function addComment(db: Db, actor: Actor, documentId: string, unitKey: string, input: CommentInput): Promise<Result<CommentRow, ActionError>> {
	return perform(
		db,
		actor,
		'comment.create',
		(tx) => documentScope(tx, documentId),
		async (tx) => {
			const document = (await findDocumentById(tx, documentId))!;
			const version = await latestPublishedVersion(tx, documentId);
			if (!version || !(await unitsOf(tx, version.id)).some((u) => u.key === unitKey && u.kind !== 'blank')) throw new ActionFailure('not_found');
			if (input.parentId) {
				const parent = await findComment(tx, input.parentId);
				if (!parent || parent.documentId !== documentId || parent.unitKey !== unitKey) throw new ActionFailure('invalid', { field: 'parentId' });
			}
			const seat = actor.memberships.find((m) => m.bodyId === document.bodyId && m.organisationId);
			const row = await insertComment(tx, {
				documentId,
				versionId: version.id,
				unitKey,
				parentId: input.parentId,
				authorUserId: actor.userId,
				authorLabel: actor.displayName ?? actorLabel(actor),
				organisationId: seat?.organisationId ?? null,
				text: input.text
			});
			return { value: row, audit: { action: 'comment.create', entityType: 'comment', entityId: row.id, summary: `${document.title}: ${unitKey}`, changes: { text: { from: null, to: input.text } } } };
		}
	);
}

/** The Chair (or secretariat) marks a thread resolved. */
export async function resolveComment(db: Db, actor: Actor, commentId: string): Promise<Result<CommentRow, ActionError>> {
	return perform(
		db,
		actor,
		'comment.resolve',
		async (tx) => {
			const c = await findComment(tx, commentId);
			return c ? documentScope(tx, c.documentId) : null;
		},
		async (tx) => {
			const c = (await findComment(tx, commentId))!;
			if (c.parentId) throw new ActionFailure('invalid', { field: 'commentId' });
			if (c.resolvedAt) throw new ActionFailure('conflict', { reason: 'resolved' });
			const row = await markResolved(tx, c.id, actor.userId);
			return { value: row, audit: { action: 'comment.resolve', entityType: 'comment', entityId: c.id, summary: c.unitKey, changes: { resolved: { from: false, to: true } } } };
		}
	);
}
