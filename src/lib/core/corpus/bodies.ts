import type { BodyPlan } from './plan';

/**
 * The two bodies of the corpus. Their identity (slug, name, period) is how the platform refers
 * to them; everything else in a BodyPlan (mandate, Chair, coordinators, meetings, composition,
 * categories) is read from the documents by the interpreters.
 * Periods: the 2013–2014 body's submissions are dated November 2013 – February 2014; the
 * 2016–2018 body met from September 2016 to January 2018 (the Chair's draft, paragraph 3).
 */
export const WGEC_2013 = 'wgec-2013-2014';
export const WGEC_2016 = 'wgec-2016-2018';

const CSTD = 'Commission on Science and Technology for Development';

/** An empty plan for one of the two bodies, to be filled from the documents. */
export function emptyBody(slug: typeof WGEC_2013 | typeof WGEC_2016): BodyPlan {
	const [from, to] = slug === WGEC_2013 ? [2013, 2014] : [2016, 2018];
	return {
		slug,
		name: `Working Group on Enhanced Cooperation (${from}–${to})`,
		parentBody: CSTD,
		period: { from, to },
		mandate: null,
		roles: [],
		meetings: [],
		declaredComposition: null,
		categories: [],
		questionnaire: [],
		questionnaireForm: null,
		call: null
	};
}
