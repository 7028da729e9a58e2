import type { ParsedUnit } from '../documents/types';
import type { QuestionnaireInput } from '../questionnaires/questionnaire';
import type { DocumentKind, MembershipRole, UnitKind } from '../shared/vocabulary';

/**
 * The import plan: what the five WGEC files say, as plain data, for the importer to write to the
 * database. Everything in it is read from the files; each fact carries where it was read
 * (document key + unit key), so a page can cite it and a test can check nothing was invented.
 */

/** Where a fact was read: a document of the plan and, when known, the unit. */
export interface SourceRef {
	documentKey: string;
	unitKey: string | null;
}

/** A Member State named in a document, with its official English short name and ISO 3166-1 alpha-2 code. */
export interface OrganisationRef {
	kind: 'organisation';
	organisationKind: 'member_state';
	/** Official English short name: 'United Kingdom of Great Britain and Northern Ireland'. */
	name: string;
	/** As the document wrote it: 'United Kingdom', 'RUSSIAN FEDERATION'. */
	nameAsWritten: string;
	iso2: string;
}

/** A person named in a document. */
export interface PersonRef {
	kind: 'person';
	/** The name as written, in title case when the document shouted it ('PARMINDER SINGH' → 'Parminder Singh'). */
	name: string;
	/** 'Mr.', 'Ms.', 'Ambassador'… when the document gives one. */
	honorific: string | null;
}

export type SubmitterRef = OrganisationRef | PersonRef;

export interface MeetingPlan {
	number: number;
	/** ISO dates. */
	startDate: string;
	endDate: string;
	venue: string | null;
	/** null when the documents do not say. */
	remoteParticipation: boolean | null;
	liveCaptioning: boolean | null;
	source: SourceRef;
}

/** A named role in a body: its Chair, the Correspondence Group's coordinators. */
export interface RolePlan {
	role: MembershipRole;
	person: PersonRef;
	/** The delegation the person acts for, when the document says ('from Brazil'). */
	organisation: OrganisationRef | null;
	/** What the role is, in the document's words: 'Chair of the Working Group', 'coordinator of the Correspondence Group'. */
	description: string;
	source: SourceRef;
}

/** A framework category ("Group A") of the 2013–2014 body, with the questionnaire questions it covers. */
export interface CategoryPlan {
	code: string;
	title: string;
	questions: number[];
	position: number;
	source: SourceRef;
}

export interface QuestionPlan {
	number: number;
	text: string;
	source: SourceRef;
}

export interface BodyPlan {
	slug: string;
	name: string;
	/** The body it reports to. */
	parentBody: string;
	period: { from: number; to: number };
	mandate: { text: string; source: SourceRef } | null;
	roles: RolePlan[];
	meetings: MeetingPlan[];
	/** The composition the documents declare (no member list is known beyond the names they give). */
	declaredComposition: { memberStates: number; otherMembers: number; otherMembersFrom: string; source: SourceRef } | null;
	categories: CategoryPlan[];
	questionnaire: QuestionPlan[];
	/** The whole questionnaire as respondents saw it (consent, contact, stakeholder category and the questions), to store and put online again. */
	questionnaireForm: QuestionnaireFormPlan | null;
	/** The call the body's framework answered (the categories belong to it), when a document shows one. */
	call: CallPlan | null;
}

/** A questionnaire read from a document's annex (see questionnaire.ts). */
export interface QuestionnaireFormPlan {
	/** Its natural key: a second import finds it by slug. */
	slug: string;
	/** The document it was read from; the document's file is the questionnaire's source. */
	documentKey: string;
	questionnaire: QuestionnaireInput;
}

/**
 * A call for contributions as a compilation shows it. The corpus states no opening or closing
 * date, so the call spans the submissions it received: from the first heading's date to the last.
 */
export interface CallPlan {
	key: string;
	title: string;
	/** The guiding questions: the questionnaire's, which the framework's categories cite by number. */
	questions: string[];
	opensOn: string;
	closesOn: string;
	compilationTitle: string;
	/** The compilation's annexes, as their structured text (the message that set up the framework, the questionnaire). */
	annexes: { title: string; text: string }[];
	source: SourceRef;
}

/** One entry of a compilation's structure, in document order (the rolling document has 28). */
export interface CompilationEntry {
	position: number;
	kind: 'category' | 'submission' | 'uncategorized' | 'annex';
	/** The heading as written (footnote markers removed). */
	heading: string;
	unitKey: string;
	categoryCode: string | null;
	contributionKey: string | null;
}

export interface DocumentPlan {
	/** Stable key: '<body slug>/<slug>'. */
	key: string;
	bodySlug: string;
	kind: DocumentKind;
	title: string;
	subtitle: string | null;
	date: string | null;
	meetingNumber: number | null;
	/** The file it was read from. */
	fileName: string;
	lang: string;
	units: ParsedUnit[];
	/** For compilations: their structure. */
	compilation: CompilationEntry[] | null;
}

export interface ContributionItemPlan {
	/** 1-based, in document order across the contribution's categories. */
	position: number;
	/** As written: '(1)'…'(11)', '1', 'a', or null. */
	number: string | null;
	categoryCode: string | null;
	kind: UnitKind;
	/** Clean text of the item (its sub-items appended). */
	text: string;
	/** Exact source text of the item's units, joined. */
	source: string;
	unitKeys: string[];
}

export interface ContributionPlan {
	/** Stable key: '<body slug>/<submitters>-<date or document>'. */
	key: string;
	bodySlug: string;
	/** The heading as written in the document (first appearance). */
	heading: string;
	date: string | null;
	meetingNumber: number | null;
	submitters: SubmitterRef[];
	/** "on behalf of …" as written, with the persons and States it names. */
	onBehalfOf: { text: string; persons: PersonRef[]; organisations: OrganisationRef[] } | null;
	/** Order within the body: first appearance in the rolling document, or date for the others. */
	position: number;
	/** The document holding the contribution's text. */
	documentKey: string;
	/** The document it comments on (the Russian Federation's comments → the Chair's draft). */
	targetDocumentKey: string | null;
	items: ContributionItemPlan[];
	/** Where its headings are (one per category for a merged submission). */
	sources: SourceRef[];
}

export interface CorpusPlan {
	bodies: BodyPlan[];
	/** Every Member State referenced anywhere in the plan, once. */
	organisations: OrganisationRef[];
	/** Every person named anywhere in the plan, once. */
	persons: PersonRef[];
	documents: DocumentPlan[];
	contributions: ContributionPlan[];
	/** Files not recognised, facts not found. */
	warnings: string[];
}
