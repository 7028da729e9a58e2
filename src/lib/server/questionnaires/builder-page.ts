/**
 * The builder pages' form handling, shared by "new" and "edit": a button that changes the form's
 * shape shows it again changed (nothing saved); the main button checks the form and runs the
 * command, whose refusals come back as messages on the form.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Questionnaire } from '../../core/questionnaires/questionnaire';
import type { Result } from '../../core/shared/result';
import type { ActionError } from '../actions/perform';
import type { FieldProblems } from '../forms';
import type { QuestionnaireRow } from '../repositories/questionnaires';
import { applyOperation, builderInput, conflictProblems, readBuilderForm, type BuilderForm } from './build-form';

export interface BuilderFailure {
	builder: BuilderForm;
	problems?: FieldProblems;
	[key: string]: unknown;
}

/**
 * Reads the posted builder and either reshapes it (returns the form to show) or runs `save` with
 * the checked input (returns the saved row). Malformed bodies and refusals come back as the form.
 */
export async function handleBuilderPost(
	request: Request,
	save: (input: Questionnaire) => Promise<Result<QuestionnaireRow, ActionError>>
): Promise<{ saved: QuestionnaireRow } | { shown: BuilderFailure } | ActionFailure<BuilderFailure>> {
	const data = await request.formData().catch(() => null);
	if (!data) return fail(400, { builder: readBuilderForm(new FormData()), problems: { _form: { key: 'common.invalid' } } });
	const builder = readBuilderForm(data);
	const op = data.get('op');
	if (typeof op === 'string' && op !== '') return { shown: { builder: applyOperation(builder, op) } };
	const input = builderInput(builder);
	if (!input.ok) return fail(400, { builder, problems: input.problems });
	const result = await save(input.value);
	if (result.ok) return { saved: result.value };
	switch (result.error) {
		case 'forbidden':
			error(403, 'Forbidden');
		case 'not_found':
			error(404, 'Not found');
		case 'conflict':
			return fail(409, { builder, problems: conflictProblems(result.detail) });
		default:
			return fail(400, { builder, problems: { _form: { key: 'common.invalid' } } });
	}
}
