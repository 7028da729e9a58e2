import { error } from '@sveltejs/kit';
import { callPhase, type CallPhase } from '../../core/contributions/window';
import type { Actor } from '../../core/shared/actor';
import type { DbOrTx } from '../db/client';
import { findCallById, type CallRow } from '../repositories/calls';
import { submitterRowsOf } from '../repositories/contribution-reads';
import { findContributionBySlug, type ContributionSummary } from '../repositories/contributions';
import { contributionAbilities, contributionAccess, type ContributionAbilities, type ContributionAccess } from './access';

/**
 * What every page about one contribution starts from: the contribution, the reader's standing
 * towards it, its call and the call's phase now, and what the reader may do. A contribution the
 * reader may not see (held, and the reader neither the secretariat nor named on it) is a 404, as
 * if it did not exist.
 */
export async function contributionOr404(
	db: DbOrTx,
	slug: string,
	actor: Actor
): Promise<{ contribution: ContributionSummary; access: ContributionAccess; call: CallRow | null; phase: CallPhase | null; abilities: ContributionAbilities }> {
	const contribution = await findContributionBySlug(db, slug);
	if (!contribution) error(404, 'Not found');
	const access = contributionAccess(actor, contribution, await submitterRowsOf(db, contribution.id));
	if (!access.mayRead) error(404, 'Not found');
	const call = contribution.callId ? ((await findCallById(db, contribution.callId)) ?? null) : null;
	const phase = call ? callPhase(call, new Date()) : null;
	return { contribution, access, call, phase, abilities: contributionAbilities(actor, contribution, access, phase) };
}
