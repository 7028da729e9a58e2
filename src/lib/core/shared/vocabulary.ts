/**
 * The fixed vocabularies of Plenary. Each list is the single source: zod enums, database checks,
 * form options and translations are all derived from these arrays.
 */
export const LOCALES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export const STAKEHOLDER_GROUPS = [
	'government',
	'private_sector',
	'civil_society',
	'technical_community',
	'academic_community',
	'intergovernmental_organisation',
	'international_organisation'
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const MEMBERSHIP_ROLES = ['chair', 'vice_chair', 'member', 'observer', 'secretariat', 'coordinator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const DEVELOPMENT_STATUSES = ['ldc', 'lldc', 'sids', 'developing', 'developed'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const ORGANISATION_KINDS = ['member_state', 'intergovernmental', 'international', 'company', 'civil_society', 'technical', 'academic', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const DOCUMENT_KINDS = ['draft', 'compilation', 'contribution', 'report', 'summary', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const UNIT_KINDS = ['title', 'heading', 'paragraph', 'list_item', 'footnote', 'annex', 'table_row', 'blank'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const AMENDMENT_KINDS = ['replace', 'insert', 'delete', 'move'] as const;
export type AmendmentKindName = (typeof AMENDMENT_KINDS)[number];

/** Where an amendment stands: proposed until withdrawn by its delegation or decided by the Chair. */
export const AMENDMENT_STATUSES = ['proposed', 'withdrawn', 'accepted', 'accepted_modified', 'rejected', 'superseded'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** Statuses of an amendment the Chair has taken (applied by the next version published from amendments). */
export const ACCEPTED_STATUSES = ['accepted', 'accepted_modified'] as const satisfies readonly AmendmentStatus[];

/** Statuses of an amendment still in play on its version: proposed, or taken but not yet published. */
export const IN_PLAY_STATUSES = ['proposed', ...ACCEPTED_STATUSES] as const satisfies readonly AmendmentStatus[];
export const isInPlay = (status: AmendmentStatus): boolean => (IN_PLAY_STATUSES as readonly AmendmentStatus[]).includes(status);

/** The Chair's decisions on an amendment (the statuses a decision can set). */
export const AMENDMENT_DECISIONS = ['accepted', 'accepted_modified', 'rejected'] as const;
export type AmendmentDecision = (typeof AMENDMENT_DECISIONS)[number];

/** Who may answer a call for contributions: member delegations, also observers, or anyone with an account. */
export const CALL_ELIGIBILITIES = ['members', 'members_and_observers', 'anyone'] as const;
export type CallEligibility = (typeof CALL_ELIGIBILITIES)[number];

/** A contribution is submitted until its submitters withdraw it (the record stays, marked withdrawn). */
export const CONTRIBUTION_STATUSES = ['submitted', 'withdrawn'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** The kinds of question a questionnaire asks (see docs/questionnaires.md). */
export const QUESTION_KINDS = ['long_text', 'short_text', 'single_choice', 'multiple_choice', 'stakeholder_group', 'country', 'consent'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A response is a draft, saved as it goes, until its respondent submits it. */
export const RESPONSE_STATUSES = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
