import { z } from 'zod';
import { optionalChoice, optionalSlug, optionalText, requiredChoice } from '../shared/form-fields';
import { ORGANISATION_KINDS, STAKEHOLDER_GROUPS } from '../shared/vocabulary';

/**
 * The organisation form. A Member State is given by its ISO 3166-1 alpha-2 code; its official
 * names, M49 region and development status then come from the reference list of States, and the
 * name may be left blank. Other organisations need a name and have no ISO code.
 */
export const organisationInput = z
	.object({
		kind: requiredChoice(ORGANISATION_KINDS),
		name: optionalText(300),
		slug: optionalSlug(),
		iso2: z
			.preprocess(
				(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
				z.string().regex(/^[A-Z]{2}$/, { message: 'admin.error.iso2' }).optional()
			)
			.transform((v) => v ?? null),
		stakeholderGroup: optionalChoice(STAKEHOLDER_GROUPS),
		website: z
			.preprocess(
				(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
				z.url({ protocol: /^https?$/, message: 'admin.error.url' }).max(500).optional()
			)
			.transform((v) => v ?? null)
	})
	.superRefine((o, ctx) => {
		if (o.kind === 'member_state' && !o.iso2) ctx.addIssue({ code: 'custom', path: ['iso2'], message: 'admin.error.iso2Required' });
		if (o.kind !== 'member_state' && o.iso2) ctx.addIssue({ code: 'custom', path: ['iso2'], message: 'admin.error.iso2OnlyStates' });
		if (o.kind !== 'member_state' && !o.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'common.required' });
	});

export type OrganisationInput = z.infer<typeof organisationInput>;
