import { and, eq } from 'drizzle-orm';
import { actsForSecretariat, ineligibility } from '../../core/contributions/eligibility';
import { itemsFromText } from '../../core/contributions/items';
import type { ContributionInput, RevisionInput } from '../../core/contributions/schemas';
import { callPhase } from '../../core/contributions/window';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import type { Db, Tx } from '../db/client';
import { contributionItems, contributions, contributionSubmitters, categories } from '../db/schema';
import { findCallById, frameworkOf, type CallRow } from '../repositories/calls';
import {
	claimPendingFile,
	existingOrganisations,
	nextPosition,
	reindexContribution,
	storePendingFile,
	writeItems,
	writeRevision,
	writeSubmitters,
	type CategorisedItem,
	type ContributionFileRow,
	type ContributionRow
} from '../repositories/contribution-writes';
import { availableSlug } from '../repositories/slugs';
import { writeFingerprints } from '../repositories/similar-contributions';
import type { Action } from '../../core/policies/policies';
import type { AuditInput } from '../audit/record';
import { ActionFailure, perform, type ActionError } from './perform';

const today = () => new Date().toISOString().slice(0, 10);

/** The call a contribution answers and its body, or not found. */
async function callScope(tx: Tx, callId: string) {
	const call = await findCallById(tx, callId);
	return call ? { bodyId: call.bodyId } : null;
}

async function contributionScope(tx: Tx, id: string) {
	const [row] = await tx.select({ bodyId: contributions.bodyId }).from(contributions).where(eq(contributions.id, id));
	return row ? { bodyId: row.bodyId } : null;
}

async function loadContribution(tx: Tx, id: string): Promise<ContributionRow> {
	const [row] = await tx.select().from(contributions).where(eq(contributions.id, id));
	return row;
}

/**
 * A command on one contribution: authorised against the contribution's body (not found when there
 * is no such contribution), then run with the contribution as it stands inside the transaction.
 */
function onContribution<T>(
	db: Db,
	actor: Actor,
	action: Action,
	contributionId: string,
	command: (tx: Tx, c: ContributionRow) => Promise<{ value: T; audit: AuditInput }>
): Promise<Result<T, ActionError>> {
	return perform(
		db,
		actor,
		action,
		(tx) => contributionScope(tx, contributionId),
		async (tx) => command(tx, await loadContribution(tx, contributionId))
	);
}

/** Who may answer now: refused as forbidden when the rule or the calendar says no. */
function checkWindow(actor: Actor, call: CallRow, late: boolean): { late: boolean } {
	const why = ineligibility(actor, call);
	if (why) throw new ActionFailure('forbidden', { reason: why });
	const phase = callPhase(call, new Date());
	if (phase === 'open') return { late: false };
	if (phase === 'closed' && late && actsForSecretariat(actor, call.bodyId)) return { late: true };
	throw new ActionFailure('forbidden', { reason: phase === 'upcoming' ? 'not_open' : 'closed' });
}

/**
 * The items of a text with the categories the form chose for them. The form lists one choice per
 * item of the text it previewed; a text edited since then yields other items, and the form is
 * sent back to be previewed again rather than guessed.
 */
async function categorise(tx: Tx, callId: string, text: string, chosen: readonly string[]): Promise<CategorisedItem[]> {
	const { items } = itemsFromText(text);
	if (items.length === 0) throw new ActionFailure('invalid', { field: 'text', reason: 'no_items' });
	if (chosen.length !== items.length) throw new ActionFailure('invalid', { field: 'itemCategory', reason: 'preview_again' });
	const codes = new Set((await frameworkOf(tx, callId)).map((c) => c.code));
	return items.map((item, i) => {
		const code = chosen[i] ?? '';
		if (code && !codes.has(code)) throw new ActionFailure('invalid', { field: 'itemCategory' });
		return { ...item, categoryCode: code || null };
	});
}

/** The submitters of a new contribution: the actor's delegation (or the actor), then co-submitters to confirm. */
async function submittersFor(tx: Tx, actor: Actor, call: CallRow, input: ContributionInput) {
	if (actsForSecretariat(actor, call.bodyId) && input.submitters.length > 0) {
		// The secretariat records a contribution it received: the submitters it names are confirmed.
		const known = await existingOrganisations(tx, input.submitters);
		if (input.submitters.some((id) => !known.has(id))) throw new ActionFailure('invalid', { field: 'submitters' });
		return input.submitters.map((organisationId) => ({ organisationId, confirmed: true }));
	}
	const seat = actor.memberships.find((m) => m.bodyId === call.bodyId && m.organisationId);
	const own = seat?.organisationId ? { organisationId: seat.organisationId, confirmed: true } : actor.personId ? { personId: actor.personId, confirmed: true } : null;
	if (!own) throw new ActionFailure('forbidden', { reason: 'no_identity' });
	const co = [...new Set(input.coSubmitters)].filter((id) => id !== seat?.organisationId);
	const known = await existingOrganisations(tx, co);
	if (co.some((id) => !known.has(id))) throw new ActionFailure('invalid', { field: 'coSubmitters' });
	return [own, ...co.map((organisationId) => ({ organisationId, confirmed: false }))];
}

/**
 * Submits a contribution to a call. A second post of the same form (same token) returns the
 * contribution the first one created. See docs/actions/submitContribution.md.
 */
export async function submitContribution(db: Db, actor: Actor, callId: string, input: ContributionInput): Promise<Result<ContributionRow, ActionError>> {
	const again = await byToken(db, input.token);
	if (again) return { ok: true, value: again };
	const result = await perform(
		db,
		actor,
		'contribution.submit',
		(tx) => callScope(tx, callId),
		async (tx) => {
			const call = (await findCallById(tx, callId))!;
			const { late } = checkWindow(actor, call, input.late);
			if (!call.languages.includes(input.lang)) throw new ActionFailure('invalid', { field: 'lang' });
			const items = await categorise(tx, call.id, input.text, input.itemCategory);
			const submitters = await submittersFor(tx, actor, call, input);
			const slug = await availableContributionSlug(tx, input.title);
			const [row] = await tx
				.insert(contributions)
				.values({
					slug,
					bodyId: call.bodyId,
					callId: call.id,
					title: input.title,
					onBehalfOf: input.onBehalfOf,
					submittedOn: today(),
					lang: input.lang,
					position: await nextPosition(tx, call.id),
					late,
					sourceText: input.text,
					submissionToken: input.token,
					createdByUserId: actor.userId
				})
				.returning();
			await writeSubmitters(tx, row.id, submitters);
			await writeItems(tx, row, items);
			const fileId = await claimPendingFile(tx, input.token, actor.userId, row.id, 1);
			await writeRevision(tx, { contributionId: row.id, number: 1, title: row.title, sourceText: input.text, items, fileId, userId: actor.userId });
			await writeFingerprints(tx, { id: row.id, bodyId: row.bodyId }, items.map((i) => i.text).join('\n\n'));
			await reindexContribution(tx, row.id);
			const pending = submitters.filter((s) => !s.confirmed).length;
			return {
				value: row,
				audit: {
					action: 'contribution.submit',
					entityType: 'contribution',
					entityId: row.id,
					summary: `Contribution "${row.title}" submitted to "${call.title}"${late ? ' (late)' : ''}: ${items.length} items${pending ? `, ${pending} co-submitters to confirm` : ''}`
				}
			};
		}
	);
	if (!result.ok && result.error === 'conflict') {
		// Two posts of one form raced: the unique token let one in; answer with it.
		const winner = await byToken(db, input.token);
		if (winner) return { ok: true, value: winner };
	}
	return result;
}

async function byToken(db: Db, token: string): Promise<ContributionRow | undefined> {
	const [row] = await db.select().from(contributions).where(eq(contributions.submissionToken, token)).limit(1);
	return row;
}

async function availableContributionSlug(tx: Tx, title: string): Promise<string> {
	return availableSlug(tx, 'contributions', slugify(title) || 'contribution');
}

/** Whether the actor speaks for a contribution: its author's account, a confirmed submitting delegation or person. */
async function speaksFor(tx: Tx, actor: Actor, c: ContributionRow): Promise<boolean> {
	if (!actor.userId) return false;
	if (c.createdByUserId === actor.userId) return true;
	const subs = await tx.select().from(contributionSubmitters).where(and(eq(contributionSubmitters.contributionId, c.id), eq(contributionSubmitters.confirmed, true)));
	const delegations = new Set(actor.memberships.filter((m) => m.bodyId === c.bodyId && m.organisationId).map((m) => m.organisationId));
	return subs.some((s) => (s.organisationId && delegations.has(s.organisationId)) || (s.personId && s.personId === actor.personId));
}

async function requireSubmitterOrSecretariat(tx: Tx, actor: Actor, c: ContributionRow): Promise<void> {
	if (actsForSecretariat(actor, c.bodyId)) return;
	if (!(await speaksFor(tx, actor, c))) throw new ActionFailure('forbidden', { reason: 'not_submitter' });
}

/**
 * A submitter revises a contribution: a new revision with the new title, text and categories; the
 * earlier ones are kept. Only while the call is open (the secretariat at any time).
 * See docs/actions/reviseContribution.md.
 */
export async function reviseContribution(db: Db, actor: Actor, contributionId: string, input: RevisionInput): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.revise', contributionId, async (tx, c) => {
		await requireSubmitterOrSecretariat(tx, actor, c);
		if (c.status === 'withdrawn') throw new ActionFailure('conflict', { reason: 'withdrawn' });
		const call = c.callId ? await findCallById(tx, c.callId) : undefined;
		if (!call) throw new ActionFailure('invalid', { field: 'call' });
		if (callPhase(call, new Date()) !== 'open' && !actsForSecretariat(actor, c.bodyId)) throw new ActionFailure('forbidden', { reason: 'closed' });
		if (input.title === c.title && input.text === c.sourceText) {
			const same = await sameCategories(tx, c, input.itemCategory);
			if (same) throw new ActionFailure('invalid', { field: 'text', reason: 'unchanged' });
		}
		const items = await categorise(tx, call.id, input.text, input.itemCategory);
		const number = c.revision + 1;
		const [row] = await tx
			.update(contributions)
			.set({ title: input.title, sourceText: input.text, revision: number, updatedAt: new Date() })
			.where(eq(contributions.id, c.id))
			.returning();
		await writeItems(tx, row, items);
		const fileId = await claimPendingFile(tx, input.token, actor.userId, row.id, number);
		await writeRevision(tx, { contributionId: row.id, number, title: row.title, sourceText: input.text, items, fileId, userId: actor.userId });
		await writeFingerprints(tx, { id: row.id, bodyId: row.bodyId }, items.map((i) => i.text).join('\n\n'));
		await reindexContribution(tx, row.id);
		return {
			value: row,
			audit: { action: 'contribution.revise', entityType: 'contribution', entityId: row.id, summary: `Contribution "${row.title}" revised (revision ${number})`, changes: { revision: { from: c.revision, to: number } } }
		};
	});
}

async function sameCategories(tx: Tx, c: ContributionRow, chosen: readonly string[]): Promise<boolean> {
	const rows = await tx
		.select({ code: categories.code })
		.from(contributionItems)
		.leftJoin(categories, eq(categories.id, contributionItems.categoryId))
		.where(eq(contributionItems.contributionId, c.id))
		.orderBy(contributionItems.position);
	return rows.length === chosen.length && rows.every((r, i) => (r.code ?? '') === (chosen[i] ?? ''));
}

/** A submitter (or the secretariat) withdraws a contribution: the record stays, marked withdrawn. See docs/actions/reviseContribution.md. */
export async function withdrawContribution(db: Db, actor: Actor, contributionId: string): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.withdraw', contributionId, async (tx, c) => {
		await requireSubmitterOrSecretariat(tx, actor, c);
		if (c.status === 'withdrawn') throw new ActionFailure('conflict', { reason: 'withdrawn' });
		const [row] = await tx.update(contributions).set({ status: 'withdrawn', withdrawnAt: new Date(), updatedAt: new Date() }).where(eq(contributions.id, c.id)).returning();
		// The record stays searchable, marked withdrawn; its entries are rewritten from the row as it now stands.
		await reindexContribution(tx, row.id);
		return { value: row, audit: { action: 'contribution.withdraw', entityType: 'contribution', entityId: row.id, summary: `Contribution "${row.title}" withdrawn`, changes: { status: { from: c.status, to: 'withdrawn' } } } };
	});
}

/**
 * A delegation named as co-submitter confirms: one of its people with a seat in the body (or its
 * secretariat on its behalf is not enough — the delegation itself must confirm).
 * See docs/actions/reviseContribution.md.
 */
export async function confirmCoSubmission(db: Db, actor: Actor, contributionId: string): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.confirm', contributionId, async (tx, c) => {
		const delegations = actor.memberships.filter((m) => m.bodyId === c.bodyId && m.organisationId).map((m) => m.organisationId!);
		const pending = await tx.select().from(contributionSubmitters).where(and(eq(contributionSubmitters.contributionId, c.id), eq(contributionSubmitters.confirmed, false)));
		const mine = pending.filter((s) => s.organisationId && delegations.includes(s.organisationId));
		if (mine.length === 0) throw new ActionFailure('forbidden', { reason: 'not_named' });
		for (const s of mine)
			await tx.update(contributionSubmitters).set({ confirmed: true, confirmedAt: new Date(), confirmedByUserId: actor.userId }).where(eq(contributionSubmitters.id, s.id));
		await reindexContribution(tx, c.id);
		return { value: c, audit: { action: 'contribution.confirm', entityType: 'contribution', entityId: c.id, summary: `Co-submission of "${c.title}" confirmed` } };
	});
}

/** The secretariat publishes or holds a contribution. See docs/actions/manageContribution.md. */
export async function setContributionPublished(db: Db, actor: Actor, contributionId: string, published: boolean): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.manage', contributionId, async (tx, c) => {
		const [row] = await tx.update(contributions).set({ published, updatedAt: new Date() }).where(eq(contributions.id, c.id)).returning();
		// Rewritten from the row rather than only flagged: entries missing or stale (a contribution
		// stored before it had items, an import) come right at the same time.
		await reindexContribution(tx, row.id);
		return {
			value: row,
			audit: { action: published ? 'contribution.publish' : 'contribution.hold', entityType: 'contribution', entityId: c.id, summary: `Contribution "${c.title}" ${published ? 'published' : 'held'}`, changes: { published: { from: c.published, to: published } } }
		};
	});
}

/**
 * The secretariat marks a contribution as merged into another of the same call (or clears the
 * mark with `intoId` null). A merge that would make a cycle is refused.
 */
export async function mergeContribution(db: Db, actor: Actor, contributionId: string, intoId: string | null): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.manage', contributionId, async (tx, c) => {
		let target: ContributionRow | undefined;
		if (intoId) {
			target = await loadContribution(tx, intoId);
			if (!target || target.bodyId !== c.bodyId || target.callId !== c.callId || target.id === c.id) throw new ActionFailure('invalid', { field: 'into' });
			for (let at: ContributionRow | undefined = target, hops = 0; at?.mergedIntoId; hops++) {
				if (at.mergedIntoId === c.id || hops > 1000) throw new ActionFailure('invalid', { field: 'into', reason: 'cycle' });
				at = await loadContribution(tx, at.mergedIntoId);
			}
		}
		const [row] = await tx.update(contributions).set({ mergedIntoId: intoId, updatedAt: new Date() }).where(eq(contributions.id, c.id)).returning();
		return {
			value: row,
			audit: {
				action: 'contribution.merge',
				entityType: 'contribution',
				entityId: c.id,
				summary: target ? `Contribution "${c.title}" merged into "${target.title}"` : `Contribution "${c.title}" no longer marked as merged`,
				changes: { mergedIntoId: { from: c.mergedIntoId, to: intoId } }
			}
		};
	});
}

/** The secretariat puts one item of a contribution in another category (or none). */
export async function recategoriseItem(db: Db, actor: Actor, contributionId: string, position: number, categoryCode: string | null): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.manage', contributionId, async (tx, c) => {
		const [item] = await tx.select().from(contributionItems).where(and(eq(contributionItems.contributionId, c.id), eq(contributionItems.position, position)));
		if (!item) throw new ActionFailure('not_found');
		const framework = c.callId ? await frameworkOf(tx, c.callId) : [];
		const to = categoryCode ? framework.find((f) => f.code === categoryCode) : null;
		if (categoryCode && !to) throw new ActionFailure('invalid', { field: 'category' });
		const from = framework.find((f) => f.id === item.categoryId)?.code ?? null;
		await tx.update(contributionItems).set({ categoryId: to?.id ?? null }).where(eq(contributionItems.id, item.id));
		return {
			value: c,
			audit: {
				action: 'contribution.recategorise',
				entityType: 'contribution',
				entityId: c.id,
				summary: `Item ${item.number ?? position} of "${c.title}" put in ${categoryCode ? `category ${categoryCode}` : 'no category'}`,
				changes: { [`item ${position}`]: { from, to: categoryCode } }
			}
		};
	});
}

/** The secretariat moves a contribution one place earlier or later in its call's order (the compilation's order). */
export async function moveContribution(db: Db, actor: Actor, contributionId: string, direction: 'up' | 'down'): Promise<Result<ContributionRow, ActionError>> {
	return onContribution(db, actor, 'contribution.manage', contributionId, async (tx, c) => {
		if (!c.callId) throw new ActionFailure('invalid', { field: 'call' });
		const siblings = await tx.select().from(contributions).where(eq(contributions.callId, c.callId));
		const order = siblings.sort((a, b) => a.position - b.position || a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
		const i = order.findIndex((s) => s.id === c.id);
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= order.length) throw new ActionFailure('invalid', { field: 'direction' });
		[order[i], order[j]] = [order[j], order[i]];
		for (let k = 0; k < order.length; k++) if (order[k].position !== k + 1) await tx.update(contributions).set({ position: k + 1 }).where(eq(contributions.id, order[k].id));
		return {
			value: c,
			audit: { action: 'contribution.move', entityType: 'contribution', entityId: c.id, summary: `Contribution "${c.title}" moved ${direction} in the call's order`, changes: { position: { from: i + 1, to: j + 1 } } }
		};
	});
}

/**
 * Keeps an uploaded original under the form's token while the writer checks the converted text.
 * Only someone who may answer the call may upload to it.
 */
export async function keepUploadedOriginal(
	db: Db,
	actor: Actor,
	callId: string,
	file: { formToken: string; name: string; mediaType: string; format: string; bytes: Uint8Array; sha256: string }
): Promise<Result<ContributionFileRow, ActionError>> {
	return perform(
		db,
		actor,
		'contribution.submit',
		(tx) => callScope(tx, callId),
		async (tx) => {
			const call = (await findCallById(tx, callId))!;
			const why = ineligibility(actor, call);
			if (why) throw new ActionFailure('forbidden', { reason: why });
			const row = await storePendingFile(tx, { ...file, userId: actor.userId! });
			return { value: row, audit: { action: 'contribution.upload', entityType: 'contribution_file', entityId: row.id, summary: `File "${row.name}" (${row.size} bytes) converted for a contribution to "${call.title}"` } };
		}
	);
}
