import { z } from 'zod';
import { isId, requiredChoice, requiredText, textOrEmpty } from '../shared/form-fields';
import { STANCES, STANCES_WITH_TEXT } from './stances';

export const POSITION_TEXT_MAX = 5000;
export const RECORD_OUTCOMES = ['consensus', 'consensus_with_reservations', 'no_consensus', 'withdrawn'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];
export const OPTIONS_MAX = 10;

const delegation = () =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z
			.string()
			.refine(isId, { message: 'common.invalid' })
			.optional()
	);

/** A delegation's position as a form sends it: a reservation or an objection says why. */
export const positionInput = z
	.object({
		stance: requiredChoice(STANCES),
		text: textOrEmpty(POSITION_TEXT_MAX),
		delegation: delegation().transform((v) => v ?? null)
	})
	.superRefine((p, ctx) => {
		if (STANCES_WITH_TEXT.has(p.stance) && p.text === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'consensus.problem.textRequired' });
	})
	.transform((p) => ({ ...p, text: STANCES_WITH_TEXT.has(p.stance) ? p.text : '' }));
export type PositionInput = z.infer<typeof positionInput>;

/** One divergent view the Chair records where there is no consensus. */
export const optionInput = z.object({
	title: requiredText(300),
	points: textOrEmpty(10000),
	delegations: z.array(z.string().refine(isId, { message: 'common.invalid' })).max(300)
});

/** The Chair's record of an item: options only where there is no consensus. */
export const recordInput = z
	.object({
		outcome: requiredChoice(RECORD_OUTCOMES),
		note: textOrEmpty(5000),
		options: z.array(optionInput).max(OPTIONS_MAX).default([])
	})
	.superRefine((r, ctx) => {
		if (r.outcome !== 'no_consensus' && r.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'consensus.problem.optionsOnlyWithoutConsensus' });
	});
export type RecordInput = z.infer<typeof recordInput>;
