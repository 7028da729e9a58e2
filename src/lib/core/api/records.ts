/**
 * The public records of the open-data API, as zod schemas. These schemas are the single source:
 * presenters validate every record with them before it leaves the server, the CSV columns are
 * derived from them, and the OpenAPI document's components are generated from them.
 *
 * Every schema that should appear as a named OpenAPI component is added to `apiSchemas` with an
 * id and a description. A local registry (not zod's global one) keeps these names from clashing
 * with schemas registered elsewhere in Plenary.
 */
import { z } from 'zod';
import {
	CALL_ELIGIBILITIES,
	CONTRIBUTION_STATUSES,
	DEVELOPMENT_STATUSES,
	DOCUMENT_KINDS,
	LOCALES,
	MEMBERSHIP_ROLES,
	ORGANISATION_KINDS,
	QUESTION_KINDS,
	STAKEHOLDER_GROUPS,
	UNIT_KINDS
} from '../shared/vocabulary';

/** What the OpenAPI document needs to know about a named schema. */
export interface SchemaMeta {
	id: string;
	description: string;
}

/** The API's named schemas: each becomes `#/components/schemas/<id>`. */
export const apiSchemas = z.registry<SchemaMeta>();

function named<S extends z.ZodType>(id: string, description: string, schema: S): S {
	apiSchemas.add(schema, { id, description });
	return schema;
}

// Ids are PostgreSQL uuids; z.guid() accepts any 8-4-4-4-12 hex form, as PostgreSQL does.
const Id = z.guid();
const Slug = z.string().min(1);
const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
/** A BCP 47 language tag such as "en" or "zh-Hans". */
const Lang = z.string().min(1);

/** Official names by locale, only for the locales in which a name is known. */
export const LocalisedNames = named(
	'LocalisedNames',
	'Official names by locale (ar, en, es, fr, ru, zh); a locale is absent when no official name is known.',
	z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodString>>)
);

export const OrganisationRef = named(
	'OrganisationRef',
	'A reference to an organisation: its slug (for /organisations/{slug}) and name of record.',
	z.object({ slug: Slug, name: z.string() })
);

export const PersonRef = named(
	'PersonRef',
	'A reference to a person: their slug (for /persons/{slug}) and name.',
	z.object({ slug: Slug, name: z.string() })
);

export const CategoryRecord = named(
	'CategoryRecord',
	'A framework category of a body (shown as "Group A"), with the questionnaire questions it covers.',
	z.object({
		code: z.string(),
		title: z.string(),
		questions: z.array(z.number().int()),
		position: z.number().int()
	})
);

export const DeclaredCompositionEntry = named(
	'DeclaredCompositionEntry',
	'One line of a body\'s composition as the body declared it, e.g. "Member States": 22.',
	z.object({ label: z.string(), count: z.number().int().nonnegative() })
);

export const BodyRecord = named(
	'BodyRecord',
	'A body: a working group with its mandate, period, rules, declared composition and framework categories.',
	z.object({
		id: Id,
		slug: Slug,
		name: z.string(),
		shortName: z.string(),
		mandate: z.string(),
		lang: Lang,
		periodStart: IsoDate.nullable(),
		periodEnd: IsoDate.nullable(),
		rules: z.record(z.string(), z.unknown()),
		declaredComposition: z.array(DeclaredCompositionEntry),
		categories: z.array(CategoryRecord)
	})
);

export const OrganisationRecord = named(
	'OrganisationRecord',
	'An organisation: a Member State (with ISO 3166-1 codes, UN M49 region and development status) or another organisation.',
	z.object({
		id: Id,
		slug: Slug,
		kind: z.enum(ORGANISATION_KINDS),
		name: z.string(),
		names: LocalisedNames,
		iso2: z.string().nullable(),
		iso3: z.string().nullable(),
		m49: z.string().nullable(),
		region: z.string().nullable(),
		subregion: z.string().nullable(),
		developmentStatus: z.array(z.enum(DEVELOPMENT_STATUSES)),
		stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable(),
		website: z.string().nullable()
	})
);

export const PersonRecord = named(
	'PersonRecord',
	'A person named in the record of a body, with the organisation they belong to when known.',
	z.object({
		id: Id,
		slug: Slug,
		name: z.string(),
		honorific: z.string().nullable(),
		organisation: OrganisationRef.nullable()
	})
);

export const MembershipRecord = named(
	'MembershipRecord',
	'A seat in a body: the role, the delegation (organisation) it acts for, the stakeholder group and, when known, the person who holds it.',
	z.object({
		id: Id,
		body: Slug,
		role: z.enum(MEMBERSHIP_ROLES),
		stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable(),
		organisation: OrganisationRef.nullable(),
		person: PersonRef.nullable(),
		termStart: IsoDate.nullable(),
		termEnd: IsoDate.nullable(),
		note: z.string().nullable()
	})
);

export const MeetingRecord = named(
	'MeetingRecord',
	'A numbered meeting of a body, with its dates, venue and remote participation.',
	z.object({
		id: Id,
		body: Slug,
		number: z.number().int(),
		title: z.string(),
		startsOn: IsoDate,
		endsOn: IsoDate,
		venue: z.string(),
		remoteParticipation: z.boolean(),
		remoteNote: z.string()
	})
);

export const DocumentRecord = named(
	'DocumentRecord',
	'A published document of a body: a draft, a compilation, a report… Its text lives in versions.',
	z.object({
		id: Id,
		slug: Slug,
		body: Slug,
		meetingNumber: z.number().int().nullable(),
		kind: z.enum(DOCUMENT_KINDS),
		title: z.string(),
		symbol: z.string().nullable(),
		lang: Lang,
		issuedOn: IsoDate.nullable(),
		latestVersion: z.number().int().nullable()
	})
);

export const FootnoteReference = named(
	'FootnoteReference',
	'A footnote reference inside a unit\'s text: its marker and the character offset where it stands.',
	z.object({ marker: z.string(), offset: z.number().int().nonnegative() })
);

export const UnitRecord = named(
	'UnitRecord',
	'A structural unit of a document version (heading, paragraph, list item, footnote, annex…). Its key is stable across versions; its number is how it is numbered in this version.',
	z.object({
		key: z.string(),
		position: z.number().int(),
		kind: z.enum(UNIT_KINDS),
		depth: z.number().int(),
		parentKey: z.string().nullable(),
		part: z.string(),
		number: z.string().nullable(),
		text: z.string(),
		notes: z.array(FootnoteReference),
		lang: Lang
	})
);

export const VersionRecord = named(
	'VersionRecord',
	'An immutable version of a document.',
	z.object({
		number: z.number().int(),
		note: z.string(),
		createdAt: IsoDateTime,
		publishedAt: IsoDateTime.nullable()
	})
);

export const DocumentDetail = named(
	'DocumentDetail',
	'A published document with its latest version and that version\'s units in reading order.',
	DocumentRecord.extend({
		version: VersionRecord.nullable(),
		units: z.array(UnitRecord)
	})
);

export const SubmitterRecord = named(
	'SubmitterRecord',
	'A submitter of a contribution: an organisation (a delegation) or a person.',
	z.object({
		kind: z.enum(['organisation', 'person']),
		slug: Slug,
		name: z.string()
	})
);

export const CategoryRef = named('CategoryRef', 'A reference to a framework category of the body, by its code ("A") and title.', z.object({ code: z.string(), title: z.string() }));

export const ContributionItemRecord = named(
	'ContributionItemRecord',
	'An item of a contribution (a paragraph or list item), in its own category.',
	z.object({
		position: z.number().int(),
		kind: z.string(),
		number: z.string().nullable(),
		text: z.string(),
		category: CategoryRef.nullable()
	})
);

export const ContributionRecord = named(
	'ContributionRecord',
	'A contribution: one submission with its submitters (organisations and persons, in order; a co-submitter that has not confirmed is left out) and its items, each in its category. Anonymous requests see published contributions only; a signed-in reader also sees the held ones they may read (published: false). A withdrawn contribution stays listed, marked withdrawn.',
	z.object({
		id: Id,
		slug: Slug,
		body: Slug,
		meetingNumber: z.number().int().nullable(),
		title: z.string(),
		heading: z.string(),
		onBehalfOf: z.string().nullable(),
		submittedOn: IsoDate.nullable(),
		lang: Lang,
		targetDocument: Slug.nullable(),
		textDocument: Slug.nullable(),
		/** The call it answers (its slug at /calls/{slug}), or null. */
		call: Slug.nullable(),
		status: z.enum(CONTRIBUTION_STATUSES),
		/** Received after its call closed, and accepted by the secretariat. */
		late: z.boolean(),
		/** The number of its latest revision (1 when never revised). */
		revision: z.number().int().min(1),
		/** The contribution the secretariat merged it into, when the reader may see that one; else null. */
		mergedInto: Slug.nullable(),
		receivedAt: IsoDateTime,
		/** False only for a held contribution shown to a signed-in reader who may read it. */
		published: z.boolean(),
		submitters: z.array(SubmitterRecord),
		items: z.array(ContributionItemRecord)
	})
);

export const CallCategoryRecord = named(
	'CallCategoryRecord',
	'A category of a call\'s framework (shown as "Group A"), with the numbers (1-based) of the call\'s guiding questions it covers.',
	z.object({ code: z.string(), title: z.string(), questions: z.array(z.number().int()) })
);

export const CallRecord = named(
	'CallRecord',
	'A call for contributions on a body: its guiding questions, its framework of categories, who may contribute, the days it is open (from opensOn to closesOn inclusive, UTC), the languages contributions may be written in, how many published contributions it has (withdrawn ones included: their record stays), and its compilation: the document and the number of its latest published version (null until one is published).',
	z.object({
		id: Id,
		slug: Slug,
		body: Slug,
		title: z.string(),
		description: z.string(),
		questions: z.array(z.string()),
		framework: z.array(CallCategoryRecord),
		eligibility: z.enum(CALL_ELIGIBILITIES),
		opensOn: IsoDate,
		closesOn: IsoDate,
		languages: z.array(Lang),
		publishedContributions: z.number().int().nonnegative(),
		compilationDocument: Slug.nullable(),
		compilationVersion: z.number().int().nullable()
	})
);

export const QuestionnaireQuestionRecord = named(
	'QuestionnaireQuestionRecord',
	'A question of a questionnaire, in order: the section it is in (1-based), its number as printed (empty when unnumbered), its kind, whether an answer is required, its text in the original language and in every language it was translated into by people, and the codes of its options (for single- and multiple-choice questions; stakeholder-group, country and consent questions take theirs from Plenary\'s vocabularies).',
	z.object({
		id: Id,
		section: z.number().int().min(1),
		number: z.string(),
		kind: z.enum(QUESTION_KINDS),
		required: z.boolean(),
		text: z.string(),
		translations: LocalisedNames,
		options: z.array(z.string())
	})
);

export const QuestionnaireRecord = named(
	'QuestionnaireRecord',
	'A questionnaire of a body: its title and consent statement in its original language (the consent statement verbatim, as respondents read it), the languages it is offered in, when it opens and closes, whether an account is needed to answer, k (the smallest number of respondents any published count or frequent term may stand for), how many responses were submitted, how many of them consented to be cited individually (those are at /questionnaire-responses?questionnaire={slug}), and its questions in order.',
	z.object({
		id: Id,
		slug: Slug,
		body: Slug,
		title: z.string(),
		consentStatement: z.string(),
		originalLang: Lang,
		languages: z.array(Lang),
		opensAt: IsoDateTime,
		closesAt: IsoDateTime,
		requiresAccount: z.boolean(),
		k: z.number().int(),
		submittedResponses: z.number().int().nonnegative(),
		citableResponses: z.number().int().nonnegative(),
		questions: z.array(QuestionnaireQuestionRecord)
	})
);

export const QuestionnaireAnswerRecord = named(
	'QuestionnaireAnswerRecord',
	'One answer of a cited response: the question (its id and printed number), the text written (text questions) or the option codes chosen (the other kinds).',
	z.object({ questionId: Id, question: z.string(), text: z.string().nullable(), choices: z.array(z.string()) })
);

export const QuestionnaireResponseRecord = named(
	'QuestionnaireResponseRecord',
	'A submitted response whose respondent authorised it to be cited or shared individually, with the name and organisation they asked to be cited by, their stakeholder group and country (ISO 3166-1 alpha-2) as they answered, and their answers in question order. Responses without that authorisation are never listed: they count only in the aggregates of the analysis.',
	z.object({
		id: Id,
		questionnaire: Slug,
		respondentName: z.string(),
		respondentOrganisation: z.string(),
		stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable(),
		country: z.string().nullable(),
		lang: Lang,
		submittedAt: IsoDateTime,
		answers: z.array(QuestionnaireAnswerRecord)
	})
);

export const PageInfo = named(
	'PageInfo',
	'Where this page sits in the whole list: the limit and offset asked for, the total number of records, and the addresses of the next and previous pages (null at either end).',
	z.object({
		limit: z.number().int().min(1),
		offset: z.number().int().nonnegative(),
		total: z.number().int().nonnegative(),
		next: z.string().nullable(),
		previous: z.string().nullable()
	})
);

/** A page of records: `{ data: [...], page: {...} }`. */
function listOf<S extends z.ZodType>(id: string, what: string, record: S) {
	return named(id, `A page of ${what}.`, z.object({ data: z.array(record), page: PageInfo }));
}

export const BodyList = listOf('BodyList', 'bodies', BodyRecord);
export const OrganisationList = listOf('OrganisationList', 'organisations', OrganisationRecord);
export const PersonList = listOf('PersonList', 'persons', PersonRecord);
export const MembershipList = listOf('MembershipList', 'memberships', MembershipRecord);
export const MeetingList = listOf('MeetingList', 'meetings', MeetingRecord);
export const DocumentList = listOf('DocumentList', 'documents', DocumentRecord);
export const ContributionList = listOf('ContributionList', 'contributions', ContributionRecord);
export const CallList = listOf('CallList', 'calls', CallRecord);
export const QuestionnaireList = listOf('QuestionnaireList', 'questionnaires', QuestionnaireRecord);
export const QuestionnaireResponseList = listOf('QuestionnaireResponseList', 'cited questionnaire responses', QuestionnaireResponseRecord);

export const InvalidParam = named('InvalidParam', 'A query parameter that was not accepted, and why.', z.object({ name: z.string(), reason: z.string() }));

export const Problem = named(
	'Problem',
	'An error, as RFC 9457 problem details (served as application/problem+json).',
	z.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		invalidParams: z.array(InvalidParam).optional()
	})
);

export type BodyRecord = z.infer<typeof BodyRecord>;
export type OrganisationRecord = z.infer<typeof OrganisationRecord>;
export type PersonRecord = z.infer<typeof PersonRecord>;
export type MembershipRecord = z.infer<typeof MembershipRecord>;
export type MeetingRecord = z.infer<typeof MeetingRecord>;
export type DocumentRecord = z.infer<typeof DocumentRecord>;
export type DocumentDetail = z.infer<typeof DocumentDetail>;
export type UnitRecord = z.infer<typeof UnitRecord>;
export type VersionRecord = z.infer<typeof VersionRecord>;
export type ContributionRecord = z.infer<typeof ContributionRecord>;
export type ContributionItemRecord = z.infer<typeof ContributionItemRecord>;
export type SubmitterRecord = z.infer<typeof SubmitterRecord>;
export type CallRecord = z.infer<typeof CallRecord>;
export type CallCategoryRecord = z.infer<typeof CallCategoryRecord>;
export type QuestionnaireRecord = z.infer<typeof QuestionnaireRecord>;
export type QuestionnaireResponseRecord = z.infer<typeof QuestionnaireResponseRecord>;
export type PageInfo = z.infer<typeof PageInfo>;
export type Problem = z.infer<typeof Problem>;
export type InvalidParam = z.infer<typeof InvalidParam>;
