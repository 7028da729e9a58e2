/**
 * The column of respondents whose stakeholder group, country or its grouping is unknown — for
 * the counts (`aggregate.ts`) and the frequent terms (`terms.ts`) alike, so a page shows one label.
 */
export const NOT_STATED = 'not_stated';
