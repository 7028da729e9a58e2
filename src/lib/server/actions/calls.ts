import type { CallInput } from '../../core/contributions/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import { slugify } from '../../core/shared/slug';
import { changedFields } from '../audit/record';
import type { Db } from '../db/client';
import { calls } from '../db/schema';
import { findCallById, frameworkOf, writeFramework, type CallRow } from '../repositories/calls';
import { availableSlug } from '../repositories/slugs';
import { eq } from 'drizzle-orm';
import { pickLike } from './fields';
import { ActionFailure, perform, type ActionError } from './perform';

/** A call opens at the start of its first day and closes at the end of its last (UTC). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
export const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);

function callValues(input: CallInput) {
	return {
		title: input.title,
		description: input.description,
		questions: input.questions,
		eligibility: input.eligibility,
		opensAt: dayStart(input.opensOn),
		closesAt: dayAfter(input.closesOn),
		languages: input.languages,
		compilationTitle: input.compilationTitle
	};
}

const frameworkLine = (f: { code: string; title: string; questions: number[] }[]) => f.map((c) => `${c.code} ${c.title} [${c.questions.join(',')}]`);

/** The secretariat opens a call for contributions on its body. See docs/actions/openCall.md. */
export async function openCall(db: Db, actor: Actor, bodyId: string, input: CallInput): Promise<Result<CallRow, ActionError>> {
	return perform(db, actor, 'call.create', { bodyId }, async (tx) => {
		const slug = await availableSlug(tx, 'calls', slugify(input.title) || 'call');
		const [row] = await tx
			.insert(calls)
			.values({ ...callValues(input), slug, bodyId, createdByUserId: actor.userId })
			.returning();
		await writeFramework(tx, row, input.framework);
		return {
			value: row,
			audit: { action: 'call.create', entityType: 'call', entityId: row.id, summary: `Call "${row.title}" opened`, changes: changedFields(null, { ...callValues(input), framework: frameworkLine(input.framework) }) }
		};
	});
}

/**
 * The secretariat changes a call: texts, dates, languages, who may contribute and the framework.
 * A category that items already cite cannot be removed (`conflict {field: 'framework'}`).
 * See docs/actions/openCall.md.
 */
export async function updateCall(db: Db, actor: Actor, callId: string, input: CallInput): Promise<Result<CallRow, ActionError>> {
	return perform(
		db,
		actor,
		'call.update',
		async (tx) => {
			const call = await findCallById(tx, callId);
			return call ? { bodyId: call.bodyId } : null;
		},
		async (tx) => {
			const before = (await findCallById(tx, callId))!;
			const framework = await frameworkOf(tx, callId);
			const values = callValues(input);
			const [row] = await tx
				.update(calls)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(calls.id, callId))
				.returning();
			const { blocked } = await writeFramework(tx, row, input.framework);
			if (blocked.length) throw new ActionFailure('conflict', { field: 'framework', codes: blocked });
			const changes = changedFields(
				{ ...pickLike(before, values), framework: frameworkLine(framework) },
				{ ...values, framework: frameworkLine(input.framework) }
			);
			return { value: row, audit: { action: 'call.update', entityType: 'call', entityId: row.id, summary: `Call "${row.title}" changed`, changes } };
		}
	);
}
