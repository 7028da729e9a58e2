/**
 * The open-data API, declared once. The OpenAPI document, the human open-data page and the tests
 * that match routes to this list all read it, so an endpoint is never described twice.
 *
 * Paths are relative to the API's base address, `/api/v1`.
 */
import type { z } from 'zod';
import { LOCALES } from '../shared/vocabulary';
import type { FilterName } from './params';
import {
	BodyList,
	BodyRecord,
	CallList,
	CallRecord,
	ContributionList,
	ContributionRecord,
	DocumentDetail,
	DocumentList,
	DocumentRecord,
	MeetingList,
	MeetingRecord,
	MembershipList,
	MembershipRecord,
	OrganisationList,
	OrganisationRecord,
	PersonList,
	PersonRecord,
	QuestionnaireList,
	QuestionnaireRecord,
	QuestionnaireResponseList,
	QuestionnaireResponseRecord
} from './records';

export const API_BASE = '/api/v1';
export const OPENAPI_PATH = '/openapi.json';

export type ListName = 'bodies' | 'organisations' | 'persons' | 'memberships' | 'meetings' | 'documents' | 'calls' | 'contributions' | 'questionnaires' | 'questionnaire-responses';

/** A list: JSON at `path` (or CSV with `?format=csv`), CSV at `path + '.csv'` (canonical for CSV). */
export interface ListEndpoint {
	kind: 'list';
	name: ListName;
	path: string;
	operationId: string;
	summary: string;
	description: string;
	record: z.ZodType;
	list: z.ZodType;
	filters: readonly FilterName[];
	/** Columns of the record left out of the CSV (long texts that belong in their own list). */
	csvOmit: readonly string[];
}

/** One record by its slug. */
export interface ItemEndpoint {
	kind: 'item';
	name: ListName;
	path: string;
	operationId: string;
	summary: string;
	description: string;
	record: z.ZodType;
}

export type Endpoint = ListEndpoint | ItemEndpoint;

const list = (e: Omit<ListEndpoint, 'kind' | 'csvOmit'> & { csvOmit?: readonly string[] }): ListEndpoint => ({ kind: 'list', csvOmit: [], ...e });
const item = (e: Omit<ItemEndpoint, 'kind'>): ItemEndpoint => ({ kind: 'item', ...e });

export const ENDPOINTS: readonly Endpoint[] = [
	list({
		name: 'bodies',
		path: '/bodies',
		operationId: 'listBodies',
		summary: 'List bodies',
		description: 'Every body (working group) with its mandate, period, declared composition and framework categories.',
		record: BodyRecord,
		list: BodyList,
		filters: []
	}),
	item({ name: 'bodies', path: '/bodies/{slug}', operationId: 'getBody', summary: 'Get a body', description: 'One body by its slug.', record: BodyRecord }),
	list({
		name: 'organisations',
		path: '/organisations',
		operationId: 'listOrganisations',
		summary: 'List organisations',
		description: 'Member States and other organisations, with ISO 3166-1 codes, UN M49 region and development status where they apply.',
		record: OrganisationRecord,
		list: OrganisationList,
		filters: []
	}),
	item({
		name: 'organisations',
		path: '/organisations/{slug}',
		operationId: 'getOrganisation',
		summary: 'Get an organisation',
		description: 'One organisation by its slug.',
		record: OrganisationRecord
	}),
	list({
		name: 'persons',
		path: '/persons',
		operationId: 'listPersons',
		summary: 'List persons',
		description: 'Persons named in the record of a body (chairs, coordinators, submitters…).',
		record: PersonRecord,
		list: PersonList,
		filters: []
	}),
	item({ name: 'persons', path: '/persons/{slug}', operationId: 'getPerson', summary: 'Get a person', description: 'One person by their slug.', record: PersonRecord }),
	list({
		name: 'memberships',
		path: '/memberships',
		operationId: 'listMemberships',
		summary: 'List memberships',
		description: 'Seats in bodies: role, delegation, stakeholder group and, when known, the person.',
		record: MembershipRecord,
		list: MembershipList,
		filters: ['body']
	}),
	list({
		name: 'meetings',
		path: '/meetings',
		operationId: 'listMeetings',
		summary: 'List meetings',
		description: 'Meetings of bodies in date order, with venue and remote participation.',
		record: MeetingRecord,
		list: MeetingList,
		filters: ['body']
	}),
	list({
		name: 'documents',
		path: '/documents',
		operationId: 'listDocuments',
		summary: 'List documents',
		description: 'Published documents, newest first. Their text is at /documents/{slug}.',
		record: DocumentRecord,
		list: DocumentList,
		filters: ['body']
	}),
	item({
		name: 'documents',
		path: '/documents/{slug}',
		operationId: 'getDocument',
		summary: 'Get a document with its text',
		description: 'One published document with its latest version and that version\'s units (sections, numbered paragraphs, list items, footnotes, annexes) in reading order.',
		record: DocumentDetail
	}),
	list({
		name: 'calls',
		path: '/calls',
		operationId: 'listCalls',
		summary: 'List calls for contributions',
		description: 'Calls for contributions, the latest opened first, with their guiding questions, framework of categories, dates, languages, number of published contributions and compilation.',
		record: CallRecord,
		list: CallList,
		filters: ['body']
	}),
	item({
		name: 'calls',
		path: '/calls/{slug}',
		operationId: 'getCall',
		summary: 'Get a call for contributions',
		description: 'One call for contributions by its slug. Its contributions are at /contributions?call={slug}.',
		record: CallRecord
	}),
	list({
		name: 'contributions',
		path: '/contributions',
		operationId: 'listContributions',
		summary: 'List contributions',
		description:
			'Published contributions, newest first, with their submitters and items (each item in its category); withdrawn ones stay listed, marked withdrawn. A request made with a signed-in session also lists the held contributions its reader may see (the secretariat of their body, their own submitters), marked published: false, and is answered with Cache-Control: private, no-store. In the CSV, one row per contribution; the items\' text is in the JSON.',
		record: ContributionRecord,
		list: ContributionList,
		filters: ['body', 'call', 'submitter'],
		csvOmit: ['items.position', 'items.kind', 'items.text']
	}),
	item({
		name: 'contributions',
		path: '/contributions/{slug}',
		operationId: 'getContribution',
		summary: 'Get a contribution',
		description: 'One published contribution by its slug, with its submitters and items (or a held one, to a signed-in reader who may see it).',
		record: ContributionRecord
	}),
	list({
		name: 'questionnaires',
		path: '/questionnaires',
		operationId: 'listQuestionnaires',
		summary: 'List questionnaires',
		description:
			'Questionnaires, the latest opened first, with their consent statement, dates, languages, counts of responses and their questions in order. In the CSV, one row per questionnaire with its questions\' numbers and kinds; their texts are in the JSON.',
		record: QuestionnaireRecord,
		list: QuestionnaireList,
		filters: ['body'],
		csvOmit: ['questions.id', 'questions.section', 'questions.required', 'questions.text', ...LOCALES.map((l) => `questions.translations.${l}`), 'questions.options']
	}),
	item({
		name: 'questionnaires',
		path: '/questionnaires/{slug}',
		operationId: 'getQuestionnaire',
		summary: 'Get a questionnaire',
		description: 'One questionnaire by its slug, with its questions. Its cited responses are at /questionnaire-responses?questionnaire={slug}.',
		record: QuestionnaireRecord
	}),
	list({
		name: 'questionnaire-responses',
		path: '/questionnaire-responses',
		operationId: 'listQuestionnaireResponses',
		summary: 'List cited questionnaire responses',
		description:
			'The submitted responses whose respondents authorised them to be cited or shared individually, in the order received, with their answers. Every other response counts only in the aggregates of its questionnaire\'s analysis and never appears here. In the CSV, one row per response, the answers\' values joined in question order.',
		record: QuestionnaireResponseRecord,
		list: QuestionnaireResponseList,
		filters: ['questionnaire']
	})
];

/** The lists, in the order the open-data page shows them. */
export const LIST_ENDPOINTS = ENDPOINTS.filter((e): e is ListEndpoint => e.kind === 'list');

/** The canonical address of a list's CSV: its path with a .csv suffix. */
export const csvPath = (e: ListEndpoint): string => `${e.path}.csv`;

/** The endpoint of a list by name. */
export function listEndpoint(name: ListName): ListEndpoint {
	const e = LIST_ENDPOINTS.find((x) => x.name === name);
	if (!e) throw new Error(`No list endpoint named ${name}`);
	return e;
}

