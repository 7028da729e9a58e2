import { error } from '@sveltejs/kit';
import { writeFramework } from '../../core/contributions/framework';
import { callPhase, type CallPhase } from '../../core/contributions/window';
import type { DbOrTx } from '../db/client';
import type { CompilationVersionLinks } from './compilation-links';
import { findBodyById, type BodyRow } from '../repositories/bodies';
import { findCallBySlug, frameworkOf, type CallRow, type CategoryRow } from '../repositories/calls';

/** The call an address names, its body and its framework in order; 404 when there is none. */
export async function callOr404(db: DbOrTx, slug: string): Promise<{ call: CallRow; body: BodyRow; framework: CategoryRow[] }> {
	const call = await findCallBySlug(db, slug);
	const body = call ? await findBodyById(db, call.bodyId) : undefined;
	if (!call || !body) error(404, 'Not found');
	return { call, body, framework: await frameworkOf(db, call.id) };
}

/** The last day a call accepts contributions: it closes at the start of the day after (see dayAfter). */
export function closingDay(call: Pick<CallRow, 'closesAt'>): string {
	return new Date(call.closesAt.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** A call as its pages show it: dates as days, the phase now, the framework with the questions each category covers. */
export function presentCall(call: CallRow, framework: readonly CategoryRow[], now = new Date()) {
	const phase: CallPhase = callPhase(call, now);
	return {
		id: call.id,
		slug: call.slug,
		title: call.title,
		description: call.description,
		questions: call.questions,
		eligibility: call.eligibility,
		opensOn: call.opensAt.toISOString().slice(0, 10),
		closesOn: closingDay(call),
		languages: call.languages,
		compilationTitle: call.compilationTitle,
		phase,
		framework: framework.map((c) => ({ code: c.code, title: c.title, questions: c.questions }))
	};
}
export type CallView = ReturnType<typeof presentCall>;

/** The call form's values for an existing call: the inverse of what `callInput` reads. */
export function callFormValues(call: CallRow, framework: readonly CategoryRow[]): Record<string, string | string[]> {
	return {
		title: call.title,
		description: call.description,
		questions: call.questions.join('\n'),
		framework: writeFramework(framework),
		eligibility: call.eligibility,
		opensOn: call.opensAt.toISOString().slice(0, 10),
		closesOn: closingDay(call),
		languages: call.languages,
		compilationTitle: call.compilationTitle
	};
}

/**
 * The compilation of a call as the call's page shows it: its generated versions with their
 * downloads, and whether the reader may generate a new one (the page's `?/generate`).
 */
export interface CompilationSlot {
	versions: CompilationVersionLinks[];
	canGenerate: boolean;
}
