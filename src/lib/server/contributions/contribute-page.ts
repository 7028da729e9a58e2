import { error } from '@sveltejs/kit';
import { actsForSecretariat, ineligibility } from '../../core/contributions/eligibility';
import { callPhase } from '../../core/contributions/window';
import { can } from '../../core/policies/policies';
import type { Actor } from '../../core/shared/actor';
import type { Locale } from '../../i18n/locales';
import { localName } from '../../i18n/names';
import { organisationChoices } from '../admin/select-options';
import type { DbOrTx } from '../db/client';
import type { BodyRow } from '../repositories/bodies';
import type { CallRow } from '../repositories/calls';
import { seatedOrganisations } from '../repositories/contribution-reads';
import { findOrganisationById, findPersonById, listOrganisations } from '../repositories/organisations';

/**
 * Whether the actor may write a contribution to the call: signed in and allowed by the call's
 * rule (403 otherwise, as the command would answer). Returns, besides, why the calendar stops
 * them now (null when it does not): the call is not open yet, or closed — the secretariat may
 * still record a late contribution after it closes.
 */
export function requireMayContribute(actor: Actor, call: CallRow): { secretariat: boolean; closedReason: 'not_open' | 'closed' | null } {
	const secretariat = actsForSecretariat(actor, call.bodyId);
	if (!can(actor, 'contribution.submit', call.bodyId) || ineligibility(actor, call) !== null) error(403, 'Forbidden');
	const phase = callPhase(call, new Date());
	const closedReason = phase === 'upcoming' ? 'not_open' : phase === 'closed' && !secretariat ? 'closed' : null;
	return { secretariat, closedReason };
}

/** A choice of a select or checkbox list: an organisation under its name in the reader's language. */
export interface Choice {
	value: string;
	label: string;
	lang: string;
}

/**
 * Who the writing form lets the actor name: the delegations seated in the body as co-submitters
 * (they confirm through their seats), and for the secretariat every organisation as the submitters of
 * a contribution it received. Also who the contribution will be submitted for by default: the
 * actor's delegation in the body, or the actor's own person.
 */
export async function submitterChoices(db: DbOrTx, actor: Actor, body: Pick<BodyRow, 'id'>, locale: Locale, secretariat: boolean) {
	const seat = actor.memberships.find((m) => m.bodyId === body.id && m.organisationId);
	const collator = new Intl.Collator(locale);
	const coSubmitters: Choice[] = (await seatedOrganisations(db, body.id))
		.filter((d) => d.organisationId !== seat?.organisationId)
		.map((d) => {
			const n = localName(d.names, d.name, locale);
			return { value: d.organisationId, label: n.text, lang: n.lang };
		})
		.sort((a, b) => collator.compare(a.label, b.label));
	const submitters: Choice[] = secretariat ? organisationChoices(await listOrganisations(db), locale) : [];
	let submittingFor: { text: string; lang: string } | null = null;
	if (seat?.organisationId) {
		const o = await findOrganisationById(db, seat.organisationId);
		if (o) submittingFor = localName(o.names, o.name, locale);
	} else if (actor.personId) {
		const p = await findPersonById(db, actor.personId);
		if (p) submittingFor = { text: p.name, lang: 'en' };
	}
	return { coSubmitters, submitters, submittingFor };
}
