import { z } from 'zod';
import { optionalId, optionalSlug, optionalText, requiredId, requiredText } from '../shared/form-fields';

/** The person form. Gender is not asked here: only the person themselves may give it. */
export const personInput = z.object({
	name: requiredText(200),
	slug: optionalSlug(),
	honorific: optionalText(40),
	organisationId: optionalId()
});

export type PersonInput = z.infer<typeof personInput>;

/** Making a user an administrator, or no longer one. */
export const setAdministratorInput = z.object({
	userId: requiredId(),
	isAdmin: z.enum(['true', 'false']).transform((v) => v === 'true')
});

export type SetAdministratorInput = z.infer<typeof setAdministratorInput>;
