import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { CONTRIBUTION_TEXT_MAX } from '../../core/contributions/schemas';
import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import type { MessageKey } from '../../i18n/translate';
import { keepUploadedOriginal } from '../actions/contributions';
import type { ActionError } from '../actions/perform';
import type { Db } from '../db/client';
import { readUploadedFile } from '../drafting/uploaded-file';
import { formValues, problemsFrom, withoutSecrets, type FieldProblems } from '../forms';
import { buildPreview, formTokenOf, mediaTypeOf, postedChoices, type EditorPreview, type PreviousChoice } from './editor';
import { contributionProblem } from './outcomes';

/**
 * The two steps of the writing form, shared by the pages that submit and revise a contribution:
 * `preview` reads the text (or converts an uploaded file, keeping the original under the form's
 * token) and shows the items it yields with their categories; `submit` validates and runs the
 * command, and when it refuses shows the form again with the preview and the reason.
 */

/** What the writing form shows after a post: the token, what was typed, problems, and the preview. */
export interface EditorState {
	token: string;
	values: Record<string, string | string[]>;
	problems: FieldProblems;
	preview: EditorPreview | null;
}

/** Who writes, to which call, and what the preview may show them. */
export interface EditorContext {
	db: Db;
	actor: Actor & { userId: string };
	callId: string;
	bodyId: string;
	/** The call's category codes. */
	codes: ReadonlySet<string>;
	/** The secretariat sees held contributions among the similar ones. */
	secretariat: boolean;
	/** The contribution being revised (left out of the similar ones). */
	contributionId?: string;
	/** Why the calendar refuses the writer now ('closed', 'not_open'), as the command names it; null when it does not. */
	closedReason?: string | null;
}

async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/**
 * The form's values with the text's line breaks as LF: browsers send a textarea's lines as CRLF,
 * and a revision compared with the stored text must not differ by its line ends alone.
 */
function readValues(form: FormData): Record<string, string | string[]> {
	const values = formValues(form);
	if (typeof values.text === 'string') values.text = values.text.replace(/\r\n?/g, '\n');
	return values;
}

function answer(status: number, state: EditorState) {
	return status === 200 ? state : fail(status, state);
}

/** The preview of the text typed, with categories carried over from `previous`. */
async function previewOf(ctx: EditorContext, text: string, token: string, previous: readonly PreviousChoice[], converted = false): Promise<EditorPreview | null> {
	if (!text.trim() || text.length > CONTRIBUTION_TEXT_MAX) return null;
	return buildPreview(ctx.db, {
		bodyId: ctx.bodyId,
		text,
		previous,
		codes: ctx.codes,
		token,
		userId: ctx.actor.userId,
		includeUnpublished: ctx.secretariat,
		excludeId: ctx.contributionId,
		converted
	});
}

/**
 * Converts the posted file, if one was chosen, and keeps its original under the token. Returns the
 * converted text, a problem for the file field, or a refusal of the command that keeps it.
 */
async function convertPostedFile(
	ctx: EditorContext,
	entry: FormDataEntryValue | null,
	token: string
): Promise<{ kind: 'none' } | { kind: 'text'; text: string } | { kind: 'problem'; key: MessageKey } | { kind: 'refused'; outcome: { error: ActionError; detail?: Record<string, unknown> } }> {
	if (!(entry instanceof File) || entry.size === 0) return { kind: 'none' };
	const read = await readUploadedFile(entry, 'accepted');
	if (!read.ok) return { kind: 'problem', key: read.problem.key.replace('drafting.upload.error.', 'contributions.upload.error.') as MessageKey };
	const kept = await keepUploadedOriginal(ctx.db, ctx.actor, ctx.callId, {
		formToken: token,
		name: read.upload.name,
		mediaType: mediaTypeOf(read.upload.format),
		format: read.upload.format,
		bytes: new Uint8Array(await entry.arrayBuffer()),
		sha256: read.upload.sha256
	});
	if (!kept.ok) return { kind: 'refused', outcome: kept };
	return { kind: 'text', text: read.upload.text };
}

const TOO_LARGE: FieldProblems = { file: { key: 'contributions.upload.error.too_large' } };

/**
 * `?/preview`: the text typed, or the posted file converted in its place, read into items. A
 * refused upload leaves the text as it was and says why next to the file field.
 */
export async function previewStep(ctx: EditorContext, request: Request) {
	const form = await readForm(request);
	if (!form) return fail(413, { token: '', values: {}, problems: TOO_LARGE, preview: null } satisfies EditorState);
	const values = readValues(form);
	if (ctx.closedReason) {
		// The call closed (or is not open yet): the form stays as typed, with the reason; nothing is kept.
		const refusal = contributionProblem({ error: 'forbidden', detail: { reason: ctx.closedReason } });
		return answer(refusal.status, { token: formTokenOf(values), values: withoutSecrets(values), problems: { _form: refusal.problem }, preview: null });
	}
	return previewFromForm(ctx, form, values);
}

async function previewFromForm(ctx: EditorContext, form: FormData, values: Record<string, string | string[]>, extra: FieldProblems = {}) {
	const token = formTokenOf(values);
	const problems: FieldProblems = { ...extra };
	let text = str(values.text);
	let converted = false;
	const file = await convertPostedFile(ctx, form.get('file'), token);
	if (file.kind === 'problem') problems.file = { key: file.key };
	else if (file.kind === 'refused') {
		const refusal = contributionProblem(file.outcome);
		return answer(refusal.status, { token, values: withoutSecrets(values), problems: { [refusal.field]: refusal.problem }, preview: null });
	} else if (file.kind === 'text') {
		text = file.text.replace(/\r\n?/g, '\n');
		converted = true;
	}
	const shown = { ...withoutSecrets(values), text };
	if (!text.trim()) {
		if (!problems.file) problems.text = { key: 'contributions.error.textOrFile' };
		return answer(400, { token, values: shown, problems, preview: null });
	}
	if (text.length > CONTRIBUTION_TEXT_MAX) return answer(400, { token, values: shown, problems: { ...problems, text: { key: 'common.tooLong', values: { max: CONTRIBUTION_TEXT_MAX } } }, preview: null });
	const preview = await previewOf(ctx, text, token, postedChoices(values), converted);
	if (preview && preview.items.length === 0) problems.text = { key: 'contributions.error.noItems' };
	return answer(Object.keys(problems).length > 0 ? 400 : 200, { token, values: shown, problems, preview });
}

/**
 * `?/submit`: validates the form with `schema` and runs `command`; on success `done` answers
 * (a redirect). A file chosen but not yet previewed is previewed first: what is submitted is
 * always a text the writer has seen. On a refusal the form comes back with the preview and the
 * reason — "preview again" when the text changed since its items were categorised.
 */
export async function submitStep<S extends z.ZodType>(
	ctx: EditorContext,
	request: Request,
	schema: S,
	command: (input: z.output<S>) => Promise<Result<unknown, ActionError>>,
	done: (value: unknown) => never
) {
	const form = await readForm(request);
	if (!form) return fail(413, { token: '', values: {}, problems: TOO_LARGE, preview: null } satisfies EditorState);
	const values = readValues(form);
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return previewFromForm(ctx, form, values, { _form: { key: 'contributions.editor.checkConverted' } });
	const token = formTokenOf(values);
	const shown = withoutSecrets(values);
	const parsed = schema.safeParse({ ...values, token });
	if (!parsed.success) {
		const preview = await previewOf(ctx, str(values.text), token, postedChoices(values));
		return answer(400, { token, values: shown, problems: problemsFrom(parsed.error), preview });
	}
	const result = await command(parsed.data);
	if (result.ok) done(result.value);
	const refusal = contributionProblem(result as { ok: false; error: ActionError; detail?: Record<string, unknown> });
	const preview = await previewOf(ctx, str(values.text), token, postedChoices(values));
	return answer(refusal.status, { token, values: shown, problems: { [refusal.field]: refusal.problem }, preview });
}
