import { describe, expect, it } from 'vitest';
import { CallRecord, ContributionRecord, DocumentDetail, MembershipRecord, OrganisationRecord } from '../../core/api/records';
import { presentCall } from './call';
import { presentContribution } from './contribution';
import { presentDocumentDetail } from './document';
import { presentMembership } from './membership';
import { presentOrganisation } from './organisation';
import type { CallData, ContributionData, DocumentDetailData, MembershipData } from '../repositories/open-data';
import type { OrganisationRow } from '../repositories/organisations';

const now = new Date('2017-11-11T09:30:00Z');
const organisationRow: OrganisationRow = {
	id: '0b9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
	slug: 'egypt',
	kind: 'member_state',
	name: 'Egypt',
	names: { ar: 'مصر', en: 'Egypt', pt: 'Egito', fr: '' },
	iso2: 'EG',
	iso3: 'EGY',
	m49: '818',
	region: 'Africa',
	subregion: 'Northern Africa',
	developmentStatus: ['developing'],
	stakeholderGroup: 'government',
	website: null,
	createdAt: now,
	updatedAt: now
};

describe('presenters', () => {
	it('present an organisation that parses against its public schema, with only the six locales\' known names', () => {
		const record = presentOrganisation(organisationRow);
		expect(OrganisationRecord.safeParse(record).success).toBe(true);
		expect(record.names).toEqual({ ar: 'مصر', en: 'Egypt' });
		expect(Object.keys(record)).not.toContain('createdAt');
	});

	it('refuse a row outside the vocabulary instead of publishing it', () => {
		expect(() => presentOrganisation({ ...organisationRow, kind: 'spaceship' as never })).toThrow();
		expect(() => presentOrganisation({ ...organisationRow, developmentStatus: ['rich' as never] })).toThrow();
	});

	it('present a membership that parses against its schema', () => {
		const data: MembershipData = {
			membership: {
				id: '1c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
				bodyId: '2c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
				role: 'chair',
				stakeholderGroup: 'government',
				organisationId: organisationRow.id,
				personId: null,
				termStart: '2016-09-01',
				termEnd: null,
				note: null,
				createdAt: now,
				updatedAt: now
			},
			bodySlug: 'wgec-2016-2018',
			organisation: { slug: 'egypt', name: 'Egypt' },
			person: null
		};
		expect(MembershipRecord.parse(presentMembership(data))).toMatchObject({ role: 'chair', body: 'wgec-2016-2018', person: null });
		expect(() => presentMembership({ ...data, membership: { ...data.membership, role: 'emperor' as never } })).toThrow();
	});

	it('present a document with its units, timestamps as ISO 8601, and never an unpublished one', () => {
		const data: DocumentDetailData = {
			document: {
				id: '3c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
				slug: 'chairs-draft',
				bodyId: '2c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
				meetingId: null,
				kind: 'draft',
				title: "Chair's draft",
				symbol: null,
				lang: 'en',
				issuedOn: '2017-11-11',
				published: true,
				sourceName: 'draft.docx',
				createdAt: now,
				updatedAt: now
			},
			bodySlug: 'wgec-2016-2018',
			meetingNumber: null,
			latestVersion: 1,
			version: { id: '4c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4', documentId: '3c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4', number: 1, sourceHash: 'x', note: '', origin: 'import', renumbering: [], createdByUserId: null, publishedAt: null, createdAt: now },
			units: [
				{
					id: '5c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
					versionId: '4c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
					key: 'p1',
					position: 0,
					kind: 'paragraph',
					depth: 0,
					parentKey: null,
					part: 'body',
					number: '2 bis',
					text: 'Transparency',
					source: '2 bis. Transparency',
					spans: [[0, 19]],
					notes: [{ marker: '9', offset: 12 }],
					lang: 'en'
				}
			]
		};
		const record = DocumentDetail.parse(presentDocumentDetail(data));
		expect(record.version).toEqual({ number: 1, note: '', createdAt: '2017-11-11T09:30:00.000Z', publishedAt: null });
		expect(record.units[0]).not.toHaveProperty('source');
		expect(record).not.toHaveProperty('sourceName');
		expect(() => presentDocumentDetail({ ...data, document: { ...data.document, published: false } })).toThrow(/not published/);
	});

	const contributionData: ContributionData = {
		contribution: {
			id: '6c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
			slug: 'joint',
			bodyId: '7c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
			callId: '8c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
			meetingId: null,
			targetDocumentId: null,
			textDocumentId: null,
			title: 'Joint proposals',
			heading: '',
			onBehalfOf: null,
			submittedOn: '2017-11-11',
			lang: 'en',
			published: true,
			position: 1,
			status: 'withdrawn',
			late: true,
			mergedIntoId: null,
			revision: 3,
			sourceText: '1. One.',
			receivedAt: now,
			withdrawnAt: now,
			submissionToken: null,
			createdByUserId: null,
			sourceName: null,
			createdAt: now,
			updatedAt: now
		},
		bodySlug: 'wg',
		meetingNumber: null,
		targetDocument: null,
		textDocument: null,
		callSlug: 'call-2017',
		mergedInto: null,
		submitters: [
			{ kind: 'organisation', id: organisationRow.id, slug: 'egypt', name: 'Egypt', confirmed: true },
			{ kind: 'organisation', id: '9c9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4', slug: 'brazil', name: 'Brazil', confirmed: false },
			{ kind: 'person', id: 'ac9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4', slug: 'jane-doe', name: 'Jane Doe', confirmed: true }
		],
		items: []
	};

	it('present a contribution without its pending co-submitters, with its call, status and revision', () => {
		const record = ContributionRecord.parse(presentContribution(contributionData));
		expect(record.submitters.map((s) => s.slug)).toEqual(['egypt', 'jane-doe']);
		expect(record).toMatchObject({ call: 'call-2017', status: 'withdrawn', late: true, revision: 3, mergedInto: null, receivedAt: '2017-11-11T09:30:00.000Z', published: true });
	});

	it('present a held contribution only when told its reader may see it', () => {
		const held = { ...contributionData, contribution: { ...contributionData.contribution, published: false } };
		expect(() => presentContribution(held)).toThrow(/not published/);
		expect(presentContribution(held, { held: 'readable' }).published).toBe(false);
	});

	it('present a call with its days, framework and compilation', () => {
		const data: CallData = {
			call: {
				id: 'bc9f5a3e-8a44-4d0e-b3a5-51a0d1c2e3f4',
				slug: 'call-2013',
				bodyId: contributionData.contribution.bodyId,
				title: 'Call',
				description: '',
				questions: ['One?', 'Two?'],
				eligibility: 'anyone',
				opensAt: new Date('2013-09-01T00:00:00Z'),
				closesAt: new Date('2013-11-01T00:00:00Z'),
				languages: ['en', 'fr'],
				compilationTitle: '',
				compilationDocumentId: null,
				annexes: [],
				position: 0,
				sourceName: null,
				createdByUserId: null,
				createdAt: now,
				updatedAt: now
			},
			bodySlug: 'wg',
			framework: [],
			publishedContributions: 2,
			compilationDocument: 'compilation',
			compilationVersion: 1
		};
		const record = CallRecord.parse(presentCall(data));
		expect(record).toMatchObject({ opensOn: '2013-09-01', closesOn: '2013-10-31', languages: ['en', 'fr'], publishedContributions: 2, compilationDocument: 'compilation', compilationVersion: 1 });
	});
});
