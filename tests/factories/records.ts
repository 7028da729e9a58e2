import type { UnitKind } from '../../src/lib/core/shared/vocabulary';
/**
 * Factories for the records of a body, inserted directly through Drizzle (no commands, no audit
 * events): each builds a valid row with sensible defaults and unique slugs, and takes overrides
 * for whatever a test cares about. `buildBody(db, { name: 'WGEC' })`.
 */
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../src/lib/server/db/client';
import {
	bodies,
	categories,
	contributionItems,
	contributions,
	contributionSubmitters,
	documents,
	documentVersions,
	meetings,
	memberships,
	organisations,
	persons,
	units
} from '../../src/lib/server/db/schema';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

let counter = 0;
/** A slug no other factory call returns: "body-3-a1b2c3". */
export function uniqueSlug(prefix: string): string {
	counter += 1;
	return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

export async function buildBody(db: DbOrTx, overrides: Partial<Insert<typeof bodies>> = {}) {
	const slug = overrides.slug ?? uniqueSlug('body');
	const [row] = await db
		.insert(bodies)
		.values({ slug, name: `Working Group ${slug}`, shortName: slug.toUpperCase(), mandate: 'To examine the mandate.', periodStart: '2016-01-01', periodEnd: '2018-12-31', ...overrides })
		.returning();
	return row;
}

export async function buildCategory(db: DbOrTx, bodyId: string, overrides: Partial<Insert<typeof categories>> = {}) {
	const [row] = await db
		.insert(categories)
		.values({ bodyId, code: overrides.code ?? uniqueSlug('C'), title: 'A category', questions: [], ...overrides })
		.returning();
	return row;
}

export async function buildOrganisation(db: DbOrTx, overrides: Partial<Insert<typeof organisations>> = {}) {
	const slug = overrides.slug ?? uniqueSlug('organisation');
	const [row] = await db
		.insert(organisations)
		.values({ slug, kind: 'civil_society', name: `Organisation ${slug}`, stakeholderGroup: 'civil_society', ...overrides })
		.returning();
	return row;
}

export async function buildPerson(db: DbOrTx, overrides: Partial<Insert<typeof persons>> = {}) {
	const slug = overrides.slug ?? uniqueSlug('person');
	const [row] = await db
		.insert(persons)
		.values({ slug, name: `Person ${slug}`, ...overrides })
		.returning();
	return row;
}

export async function buildMembership(db: DbOrTx, values: Pick<Insert<typeof memberships>, 'bodyId'> & Partial<Insert<typeof memberships>>) {
	const [row] = await db
		.insert(memberships)
		.values({ role: 'member', ...values })
		.returning();
	return row;
}

export async function buildMeeting(db: DbOrTx, values: Pick<Insert<typeof meetings>, 'bodyId'> & Partial<Insert<typeof meetings>>) {
	counter += 1;
	const [row] = await db
		.insert(meetings)
		.values({ number: counter, startsOn: '2017-01-26', endsOn: '2017-01-27', venue: 'Geneva', ...values })
		.returning();
	return row;
}

export interface UnitInput extends Partial<Omit<Insert<typeof units>, 'versionId'>> {
	text: string;
}

/**
 * A document with one version per entry of `versions` (default: one), each made of its units
 * (default: a heading and a numbered paragraph). Unit keys default to "u<position>", so the same
 * paragraph keeps its key across versions as it does in Plenary.
 */
export async function buildDocumentWithUnits(
	db: DbOrTx,
	values: Pick<Insert<typeof documents>, 'bodyId'> & Partial<Insert<typeof documents>> & { versions?: UnitInput[][] }
) {
	const { versions: unitLists, ...docValues } = values;
	const slug = docValues.slug ?? uniqueSlug('document');
	const [document] = await db
		.insert(documents)
		.values({ slug, kind: 'draft', title: `Document ${slug}`, issuedOn: '2017-11-11', ...docValues })
		.returning();
	const lists = unitLists ?? [
		[
			{ kind: 'heading', text: 'Introduction' },
			{ kind: 'paragraph', number: '1', text: 'The first paragraph.' }
		]
	];
	const versions = [];
	let unitRows: (typeof units.$inferSelect)[] = [];
	for (const [index, list] of lists.entries()) {
		const [version] = await db
			.insert(documentVersions)
			.values({ documentId: document.id, number: index + 1, sourceHash: randomBytes(16).toString('hex') })
			.returning();
		versions.push(version);
		unitRows =
			list.length === 0
				? []
				: await db
						.insert(units)
						.values(list.map((u, position) => ({ key: `u${position}`, position, kind: 'paragraph' as UnitKind, source: u.text, ...u, versionId: version.id })))
						.returning();
	}
	return { document, versions, version: versions[versions.length - 1], units: unitRows };
}

export type SubmitterInput = { organisationId: string } | { personId: string };

export interface ItemInput extends Partial<Omit<Insert<typeof contributionItems>, 'contributionId'>> {
	text: string;
}

/** A contribution with its submitters (in order) and items (each in its category, if given). */
export async function buildContribution(
	db: DbOrTx,
	values: Pick<Insert<typeof contributions>, 'bodyId'> &
		Partial<Insert<typeof contributions>> & { submitters?: SubmitterInput[]; items?: ItemInput[] }
) {
	const { submitters = [], items = [{ text: 'A proposal.' }], ...rest } = values;
	const slug = rest.slug ?? uniqueSlug('contribution');
	const [contribution] = await db
		.insert(contributions)
		.values({ slug, title: `Contribution ${slug}`, submittedOn: '2017-01-20', ...rest })
		.returning();
	const submitterRows =
		submitters.length === 0
			? []
			: await db
					.insert(contributionSubmitters)
					.values(submitters.map((s, position) => ({ contributionId: contribution.id, position, ...s })))
					.returning();
	const itemRows =
		items.length === 0
			? []
			: await db
					.insert(contributionItems)
					.values(items.map((i, position) => ({ position, source: i.text, ...i, contributionId: contribution.id })))
					.returning();
	return { contribution, submitters: submitterRows, items: itemRows };
}
