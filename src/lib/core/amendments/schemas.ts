import { z } from 'zod';
import { AMENDMENT_DECISIONS, AMENDMENT_KINDS } from '../shared/vocabulary';
import { isId, requiredChoice, textOrEmpty } from '../shared/form-fields';

/** Longest unit text an amendment may propose: a long paragraph is a few thousand characters. */
export const RESULT_TEXT_MAX = 20000;
const KEY = z.string().trim().max(200).regex(/^[\w.@:-]+$/, { message: 'common.invalid' });
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalKey = () => z.preprocess(blank, KEY.optional()).transform((v) => v ?? null);
const versionNumber = () =>
	z.preprocess(
		(v) => (typeof v === 'string' ? v.trim() : v),
		z
			.string()
			.regex(/^[1-9][0-9]{0,5}$/, { message: 'common.invalid' })
			.transform(Number)
	);
const idList = () =>
	z.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.string().refine(isId, { message: 'common.invalid' })).max(50)
	);

/**
 * One amendment as a form sends it. Which fields matter depends on the kind: a replacement names
 * its target and the new text; an insertion the unit it follows and its text; a deletion its
 * target; a move its target, where it goes and optionally new text.
 */
export const amendmentInput = z
	.object({
		version: versionNumber(),
		kind: requiredChoice(AMENDMENT_KINDS),
		targetKey: optionalKey(),
		afterKey: optionalKey(),
		resultText: textOrEmpty(RESULT_TEXT_MAX),
		newNumber: z
			.preprocess(blank, z.string().trim().max(40).optional())
			.transform((v) => v ?? null),
		explanation: textOrEmpty(5000),
		coProposers: idList()
	})
	.superRefine((a, ctx) => {
		const need = (field: 'targetKey' | 'resultText', ok: boolean) => {
			if (!ok) ctx.addIssue({ code: 'custom', path: [field], message: 'common.required' });
		};
		if (a.kind !== 'insert') need('targetKey', a.targetKey !== null);
		if (a.kind === 'replace' || a.kind === 'insert') need('resultText', a.resultText !== '');
	});
export type AmendmentInput = z.infer<typeof amendmentInput>;

/** The Chair's decision: a reason is required to reject, a modified text to accept as modified. */
export const decisionInput = z
	.object({
		decision: requiredChoice(AMENDMENT_DECISIONS),
		reason: textOrEmpty(5000),
		modifiedText: textOrEmpty(RESULT_TEXT_MAX)
	})
	.superRefine((d, ctx) => {
		if (d.decision === 'rejected' && d.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'drafting.error.reasonRequired' });
		if (d.decision === 'accepted_modified' && d.modifiedText === '') ctx.addIssue({ code: 'custom', path: ['modifiedText'], message: 'common.required' });
	});
export type DecisionInput = z.infer<typeof decisionInput>;

/** A comment on a unit, or a reply to one. */
export const commentInput = z.object({
	text: z.preprocess(blank, z.string().trim().min(1).max(5000)),
	parentId: z.preprocess(blank, z.string().refine(isId, { message: 'common.invalid' }).optional()).transform((v) => v ?? null)
});
export type CommentInput = z.infer<typeof commentInput>;

/** Publishing the next version: from the accepted amendments, or from a full text (editor or file). */
export const versionInput = z.object({
	basedOn: versionNumber(),
	source: requiredChoice(['amendments', 'text'] as const),
	text: z.string().max(2_000_000).optional().default(''),
	renumber: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
	note: textOrEmpty(1000)
});
export type VersionInput = z.infer<typeof versionInput>;
