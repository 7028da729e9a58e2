import type { AmendmentInput, DecisionInput } from '../../core/amendments/schemas';
import { findConflicts } from '../../core/drafting';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { recordAudit } from '../audit/record';
import type { Tx } from '../db/client';
import type { Db } from '../db/client';
import { findAmendmentById, listAmendments, updateAmendment, type AmendmentRow } from '../repositories/amendments';
import { listMemberDelegations, PROPOSING_ROLES } from '../repositories/delegations';
import { findDocumentById, type DocumentRow } from '../repositories/documents';
import { latestPublishedVersion, unitsOf, versionTextOf, type UnitRow, type VersionRow } from '../repositories/versions';
import { toDraftAmendment } from '../drafting/draft-amendment';
import { ACCEPTED_STATUSES, IN_PLAY_STATUSES } from '../../core/shared/vocabulary';
import { storeAmendment } from '../drafting/store-amendment';
import { documentScope } from './document-scope';
import { ActionFailure, perform, type ActionError } from './perform';

/** How the audit log names an amendment: "Amendment 12 to 2 bis (replace)". */
const amendmentLabel = (a: Pick<AmendmentRow, 'number' | 'kind' | 'targetNumber' | 'targetKey' | 'afterKey'>) =>
	`Amendment ${a.number} ${a.kind === 'insert' ? `after ${a.afterKey ?? 'the start'}` : `to ${a.targetNumber ?? a.targetKey}`} (${a.kind})`;

/** The actor's delegation in a body: the organisation of a member seat. None → forbidden. */
function delegationOf(actor: Actor, bodyId: string): string {
	const seat = actor.memberships.find((m) => m.bodyId === bodyId && (PROPOSING_ROLES as readonly string[]).includes(m.role) && m.organisationId);
	if (!seat) throw new ActionFailure('forbidden', { reason: 'no_delegation' });
	return seat.organisationId!;
}

interface DraftContext {
	document: DocumentRow;
	version: VersionRow;
	units: UnitRow[];
}

/** The draft and its latest published version; `stale` when the form showed an older one. */
async function draftContext(tx: Tx, documentId: string, shownVersion: number): Promise<DraftContext> {
	const document = (await findDocumentById(tx, documentId))!;
	if (document.kind !== 'draft') throw new ActionFailure('invalid', { field: 'document' });
	const version = await latestPublishedVersion(tx, documentId);
	if (!version) throw new ActionFailure('invalid', { field: 'version' });
	if (version.number !== shownVersion) throw new ActionFailure('conflict', { reason: 'stale', latest: version.number });
	return { document, version, units: await unitsOf(tx, version.id) };
}

/** The proposing delegations: the actor's first, then co-proposers who are members of the body. */
async function proposersFor(tx: Tx, actor: Actor, bodyId: string, coProposers: readonly string[]): Promise<string[]> {
	const own = delegationOf(actor, bodyId);
	const members = new Set((await listMemberDelegations(tx, bodyId)).map((d) => d.organisationId));
	for (const id of coProposers) if (!members.has(id)) throw new ActionFailure('invalid', { field: 'coProposers' });
	return [...new Set([own, ...coProposers])];
}

export interface CopyItem extends Omit<AmendmentInput, 'version' | 'explanation' | 'coProposers'> {
	covers: string[];
	authors: string[];
	wholePart: boolean;
}

async function saveOne(
	tx: Tx,
	actor: Actor,
	ctx: DraftContext,
	proposers: string[],
	item: Omit<AmendmentInput, 'version' | 'coProposers'> & { covers?: string[]; authors?: string[]; wholePart?: boolean },
	origin: { kind: 'form' | 'copy'; copyName?: string | null }
) {
	return storeAmendment(tx, { documentId: ctx.document.id, versionId: ctx.version.id, units: ctx.units }, item, proposers, {
		wholePart: item.wholePart ?? false,
		explanation: item.explanation,
		origin: origin.kind,
		copyName: origin.copyName ?? null,
		trackedAuthors: item.authors ?? [],
		proposedByUserId: actor.userId
	});
}

/**
 * A member delegation proposes one amendment to the latest published version of a draft.
 * See docs/actions/proposeAmendment.md.
 */
export async function proposeAmendment(db: Db, actor: Actor, documentId: string, input: AmendmentInput): Promise<Result<AmendmentRow, ActionError>> {
	return perform(
		db,
		actor,
		'amendment.propose',
		(tx) => documentScope(tx, documentId),
		async (tx) => {
			const ctx = await draftContext(tx, documentId, input.version);
			const proposers = await proposersFor(tx, actor, ctx.document.bodyId, input.coProposers);
			const row = await saveOne(tx, actor, ctx, proposers, input, { kind: 'form' });
			return { value: row, audit: { action: 'amendment.propose', entityType: 'amendment', entityId: row.id, summary: `${ctx.document.title}: ${amendmentLabel(row)}`, changes: { status: { from: null, to: 'proposed' } } } };
		}
	);
}

/**
 * A delegation submits the amendments it kept from its edited copy, all in one transaction.
 * See docs/actions/proposeAmendmentsFromCopy.md.
 */
export async function proposeAmendmentsFromCopy(
	db: Db,
	actor: Actor,
	documentId: string,
	input: { version: number; copyName: string; explanation: string; coProposers: string[]; items: CopyItem[] }
): Promise<Result<AmendmentRow[], ActionError>> {
	return perform(
		db,
		actor,
		'amendment.propose',
		(tx) => documentScope(tx, documentId),
		async (tx) => {
			if (input.items.length === 0) throw new ActionFailure('invalid', { field: 'items' });
			const ctx = await draftContext(tx, documentId, input.version);
			const proposers = await proposersFor(tx, actor, ctx.document.bodyId, input.coProposers);
			const rows: AmendmentRow[] = [];
			for (const [i, item] of input.items.entries()) {
				try {
					const row = await saveOne(tx, actor, ctx, proposers, { ...item, explanation: input.explanation }, { kind: 'copy', copyName: input.copyName });
					// Each amendment has its own history; the command's own event (below) names the first.
					if (i > 0) await recordAudit(tx, actor, { bodyId: ctx.document.bodyId, action: 'amendment.propose', entityType: 'amendment', entityId: row.id, summary: `${ctx.document.title}: ${amendmentLabel(row)}`, changes: { status: { from: null, to: 'proposed' } } });
					rows.push(row);
				} catch (e) {
					if (e instanceof ActionFailure) throw new ActionFailure(e.code, { ...e.detail, item: i + 1 });
					throw e;
				}
			}
			return {
				value: rows,
				audit: {
					action: 'amendment.propose',
					entityType: 'amendment',
					entityId: rows[0].id,
					summary: `${ctx.document.title}: ${amendmentLabel(rows[0])}; amendments ${rows.map((r) => r.number).join(', ')} from ${input.copyName}`,
					changes: { status: { from: null, to: 'proposed' }, amendments: { from: null, to: rows.map((r) => r.number) } }
				}
			};
		}
	);
}

/**
 * The proposing delegation (or the secretariat) withdraws a proposed amendment; the record stays.
 * See docs/actions/withdrawAmendment.md.
 */
export async function withdrawAmendment(db: Db, actor: Actor, amendmentId: string): Promise<Result<AmendmentRow, ActionError>> {
	return perform(
		db,
		actor,
		'amendment.withdraw',
		async (tx) => {
			const a = await findAmendmentById(tx, amendmentId);
			return a ? documentScope(tx, a.documentId) : null;
		},
		async (tx) => {
			const a = (await findAmendmentById(tx, amendmentId))!;
			const document = (await findDocumentById(tx, a.documentId))!;
			const secretariat = actor.memberships.some((m) => m.bodyId === document.bodyId && m.role === 'secretariat');
			const mine = a.proposers.some((p) => actor.memberships.some((m) => m.bodyId === document.bodyId && m.organisationId === p.organisationId));
			if (!secretariat && !mine) throw new ActionFailure('forbidden', { reason: 'not_proposer' });
			if (a.status !== 'proposed') throw new ActionFailure('conflict', { reason: 'status' });
			const row = await updateAmendment(tx, a.id, { status: 'withdrawn' });
			return { value: row, audit: { action: 'amendment.withdraw', entityType: 'amendment', entityId: a.id, summary: `${document.title}: ${amendmentLabel(a)}`, changes: { status: { from: a.status, to: 'withdrawn' } } } };
		}
	);
}

/**
 * The Chair (or the secretariat on the Chair's behalf) accepts, accepts as modified, or rejects.
 * See docs/actions/decideAmendment.md.
 */
export async function decideAmendment(db: Db, actor: Actor, amendmentId: string, input: DecisionInput): Promise<Result<AmendmentRow, ActionError>> {
	return perform(
		db,
		actor,
		'amendment.decide',
		async (tx) => {
			const a = await findAmendmentById(tx, amendmentId);
			return a ? documentScope(tx, a.documentId) : null;
		},
		async (tx) => {
			const a = (await findAmendmentById(tx, amendmentId))!;
			const document = (await findDocumentById(tx, a.documentId))!;
			if (a.status === 'withdrawn' || a.status === 'superseded' || a.appliedInVersionId) throw new ActionFailure('conflict', { reason: 'status' });
			if (a.outdated) throw new ActionFailure('conflict', { reason: 'outdated' });
			if (input.decision === 'accepted_modified' && a.kind === 'delete') throw new ActionFailure('invalid', { field: 'decision' });
			const modifiedText = input.decision === 'accepted_modified' ? input.modifiedText.replace(/\s+/g, ' ').trim() : null;
			if (modifiedText !== null && modifiedText === a.resultText) throw new ActionFailure('invalid', { field: 'modifiedText', reason: 'unchanged' });

			if (input.decision !== 'rejected') {
				const others = (await listAmendments(tx, a.documentId, { statuses: [...ACCEPTED_STATUSES], versionId: a.versionId })).filter((o) => o.id !== a.id && !o.appliedInVersionId);
				const units = await unitsOf(tx, a.versionId);
				const mine = toDraftAmendment({ ...a, status: input.decision, modifiedText });
				const clashes = findConflicts(versionTextOf(units), [mine, ...others.map(toDraftAmendment)]).filter((c) => c.a === a.id || c.b === a.id);
				if (clashes.length > 0) {
					const ids = new Set(clashes.flatMap((c) => [c.a, c.b]));
					throw new ActionFailure('conflict', { reason: 'conflicts', numbers: others.filter((o) => ids.has(o.id)).map((o) => o.number) });
				}
			}
			const chair = actor.memberships.some((m) => m.bodyId === document.bodyId && m.role === 'chair');
			const values = {
				status: input.decision,
				decisionReason: input.reason,
				modifiedText,
				decidedByUserId: actor.userId,
				decidedByLabel: actor.displayName ?? actor.email ?? null,
				decidedOnBehalf: !chair,
				decidedAt: new Date()
			};
			const row = await updateAmendment(tx, a.id, values);
			return {
				value: row,
				audit: {
					action: 'amendment.decide',
					entityType: 'amendment',
					entityId: a.id,
					summary: `${document.title}: ${amendmentLabel(a)}`,
					changes: {
						status: { from: a.status, to: input.decision },
						...(input.reason ? { decisionReason: { from: a.decisionReason || null, to: input.reason } } : {}),
						...(modifiedText ? { modifiedText: { from: a.modifiedText, to: modifiedText } } : {}),
						decidedOnBehalf: { from: a.decidedOnBehalf, to: !chair }
					}
				}
			};
		}
	);
}
