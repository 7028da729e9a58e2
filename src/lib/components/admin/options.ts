import type { MessageKey, Translate } from '$lib/i18n/translate';
import { MEMBERSHIP_ROLES, ORGANISATION_KINDS, STAKEHOLDER_GROUPS } from '$lib/core/shared/vocabulary';

/** A choice in a select; `lang` when the label is a name in its own language. */
export interface SelectOption {
	value: string;
	label: string;
	lang?: string;
}

export interface SelectGroup {
	label: string;
	options: SelectOption[];
}

/** Form values as the page shows them: what was typed after a failed post, or the record's own. */
export type FormValues = Record<string, string | string[] | null | undefined>;

/** One value of a form as a string (the first, if the field was repeated). */
export const str = (values: FormValues | undefined, key: string): string => {
	const v = values?.[key];
	return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

export const roleOptions = (t: Translate): SelectOption[] => MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
export const stakeholderOptions = (t: Translate): SelectOption[] =>
	STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`stakeholder.${g}` as MessageKey) }));
export const organisationKindOptions = (t: Translate): SelectOption[] =>
	ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgkind.${k}` as MessageKey) }));
