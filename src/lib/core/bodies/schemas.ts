import { z } from 'zod';
import { endNotBeforeStart, optionalDate, optionalSlug, requiredText, textOrEmpty } from '../shared/form-fields';
import { LOCALES } from '../shared/vocabulary';

/**
 * The body form: name, short name, address (slug), mandate, the language its texts are written
 * in, and its period. A blank slug is derived from the short name by the command.
 */
export const bodyInput = z
	.object({
		name: requiredText(200),
		shortName: requiredText(60),
		slug: optionalSlug(),
		mandate: textOrEmpty(20_000),
		lang: z.preprocess((v) => (v === '' || v === undefined ? 'en' : v), z.enum(LOCALES)),
		periodStart: optionalDate(),
		periodEnd: optionalDate()
	})
	.superRefine(endNotBeforeStart('periodStart', 'periodEnd'));

export type BodyInput = z.infer<typeof bodyInput>;
