import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/translate';

/** A field's problem as a catalog key and its ICU values, so the page shows it in the reader's language. */
export interface FieldProblem {
	key: MessageKey;
	values?: Record<string, string | number>;
}
export type FieldProblems = Record<string, FieldProblem>;

/** Reads a form into plain values: repeated names become arrays, empty strings stay empty strings. */
export function formValues(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string') continue;
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

/** Maps zod issues to catalog keys: required, too long, or invalid. */
export function problemsFrom(error: z.ZodError): FieldProblems {
	const out: FieldProblems = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_form');
		if (out[field]) continue;
		if (issue.code === 'too_big' && 'maximum' in issue) out[field] = { key: 'common.tooLong', values: { max: Number(issue.maximum) } };
		else if ((issue.code === 'too_small' && 'minimum' in issue && Number(issue.minimum) <= 1) || (issue.code === 'invalid_type' && issue.input === undefined))
			out[field] = { key: 'common.required' };
		else if (issue.message && issue.message.includes('.') && !issue.message.includes(' ')) out[field] = { key: issue.message as MessageKey };
		else out[field] = { key: 'common.invalid' };
	}
	return out;
}

/**
 * Validates a submitted form with a zod schema. On failure returns the 400 answer a form action
 * gives back (problems per field, and the values typed, minus any password), so nothing is lost.
 */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S>; values: Record<string, string | string[]> } | { ok: false; failure: ActionFailure<FormFailure> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { problems: { _form: { key: 'common.invalid' } }, values: {} }) };
	}
	const values = formValues(form);
	const parsed = schema.safeParse(values);
	if (!parsed.success) return { ok: false, failure: fail(400, { problems: problemsFrom(parsed.error), values: withoutSecrets(values) }) };
	return { ok: true, data: parsed.data, values };
}

export interface FormFailure {
	problems: FieldProblems;
	values: Record<string, string | string[]>;
	[key: string]: unknown;
}

export function withoutSecrets(values: Record<string, string | string[]>): Record<string, string | string[]> {
	const out = { ...values };
	for (const k of Object.keys(out)) if (/password|token/i.test(k)) delete out[k];
	return out;
}

/** A failure that is not about one field (e.g. "forbidden", "already exists"). */
export function formFailure(status: number, key: MessageKey, values: Record<string, string | string[]> = {}, field = '_form') {
	return fail(status, { problems: { [field]: { key } }, values: withoutSecrets(values) } satisfies FormFailure);
}
