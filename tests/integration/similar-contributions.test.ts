import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { buildBody, buildContribution } from '../factories/records';
import type { Database, Db } from '../../src/lib/server/db/client';
import { contributionFingerprints, contributions } from '../../src/lib/server/db/schema';
import { fingerprint } from '../../src/lib/core/similarity/index';
import { findSimilar, ITEM_SEPARATOR, writeFingerprints } from '../../src/lib/server/repositories/similar-contributions';

const VOCABULARY = (
	'the a of and to in for on with by all its their states governments stakeholders civil society private sector ' +
	'technical academic community internet governance public policy issues enhanced cooperation forum working group ' +
	'recommends calls urges notes welcomes encourages invites should must may will can capacity building developing ' +
	'countries access infrastructure security stability resilience trust confidence data protection privacy human rights ' +
	'development sustainable goals agenda Tunis Geneva summit process mandate report secretariat commission council ' +
	'assembly resolution framework principles transparency accountability participation inclusive multistakeholder ' +
	'model mechanism platform dialogue exchange information best practices regional national international global level'
).split(' ');

/** Pseudo-sentences from a seeded generator: the texts share words, never long passages. */
function paragraph(seed: number, sentences = 4): string {
	let x = seed * 2654435761;
	const next = () => {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		return x >>> 8;
	};
	const out: string[] = [];
	for (let s = 0; s < sentences; s++) {
		const length = 12 + (next() % 10);
		const ws = Array.from({ length }, () => VOCABULARY[next() % VOCABULARY.length]);
		ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
		out.push(`${ws.join(' ')}.`);
	}
	return out.join(' ');
}

async function contribution(db: Db, bodyId: string, paragraphs: string[], values: Partial<typeof contributions.$inferInsert> = {}) {
	const { contribution: row } = await buildContribution(db, { bodyId, ...values, items: paragraphs.map((text) => ({ text })) });
	await writeFingerprints(db, { id: row.id, bodyId }, paragraphs.join(ITEM_SEPARATOR));
	return row;
}

describe.each(databaseKinds())('similar contributions (%s)', (kind) => {
	let database: Database;
	let db: Db;
	let bodyId: string;
	let otherBodyId: string;
	const target = [paragraph(1), paragraph(2), paragraph(3), paragraph(4)];
	let targetId: string;
	let decoyId: string;
	let hiddenId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		bodyId = (await buildBody(db)).id;
		otherBodyId = (await buildBody(db)).id;
		for (let n = 10; n < 30; n++) await contribution(db, bodyId, [paragraph(n), paragraph(n + 100), paragraph(n + 200)]);
		targetId = (await contribution(db, bodyId, target, { title: 'The one pasted from' })).id;
		// Shares one of the two pasted paragraphs: found, but after the target.
		decoyId = (await contribution(db, bodyId, [paragraph(50), target[3], paragraph(51)])).id;
		// Copies of the target that must not be found.
		await contribution(db, bodyId, target, { status: 'withdrawn', withdrawnAt: new Date() });
		await contribution(db, bodyId, target, { mergedIntoId: targetId });
		await contribution(db, otherBodyId, target);
		hiddenId = (await contribution(db, bodyId, [paragraph(60), target[1], target[3]], { published: false })).id;
	});
	afterAll(async () => {
		await database?.close();
	});

	it('ranks first the contribution two paragraphs were pasted from, with both passages', async () => {
		const pasted = [paragraph(900), target[3], paragraph(901), target[1].toUpperCase(), paragraph(902)];
		const text = pasted.join('\n\n');
		const found = await findSimilar(db, { bodyId, text, includeUnpublished: false, limit: 5 });

		expect(found[0]).toMatchObject({ contributionId: targetId, title: 'The one pasted from' });
		expect(found[0].passages.map((p) => p.candidate.text)).toEqual([target[3].slice(0, -1), target[1].slice(0, -1)]);
		expect(found[0].passages.map((p) => p.query.text)).toEqual([target[3].slice(0, -1), target[1].toUpperCase().slice(0, -1)]);
		const stored = target.join(ITEM_SEPARATOR);
		for (const p of found[0].passages) {
			expect(stored.slice(p.candidate.start, p.candidate.end)).toBe(p.candidate.text);
			expect(text.slice(p.query.start, p.query.end)).toBe(p.query.text);
		}
		expect(found[0].score).toBeGreaterThan(0.3);
		expect(found[0].score).toBeLessThan(0.5);

		expect(found[1]).toMatchObject({ contributionId: decoyId });
		expect(found[1].passages).toHaveLength(1);
		expect(found[1].score).toBeLessThan(found[0].score);
		// Withdrawn, merged, unpublished and other bodies' copies stay out; unrelated ones have no passage.
		expect(found).toHaveLength(2);
	});

	it('finds unpublished contributions only when asked', async () => {
		const text = `${target[1]}\n\n${target[3]}`;
		const open = await findSimilar(db, { bodyId, text, includeUnpublished: false, limit: 10 });
		expect(open.map((f) => f.contributionId)).not.toContain(hiddenId);
		const all = await findSimilar(db, { bodyId, text, includeUnpublished: true, limit: 10 });
		expect(all.map((f) => f.contributionId)).toContain(hiddenId);
		expect(all.find((f) => f.contributionId === hiddenId)!.score).toBe(1);
	});

	it('leaves out the contribution being reviewed, and keeps to the limit and the body', async () => {
		const text = target.join(ITEM_SEPARATOR);
		const found = await findSimilar(db, { bodyId, text, excludeId: targetId, includeUnpublished: false, limit: 5 });
		expect(found.map((f) => f.contributionId)).toEqual([decoyId]);
		expect(await findSimilar(db, { bodyId, text, includeUnpublished: false, limit: 1 })).toHaveLength(1);
		const elsewhere = await findSimilar(db, { bodyId: otherBodyId, text, includeUnpublished: false, limit: 5 });
		expect(elsewhere).toHaveLength(1);
		expect(elsewhere[0].score).toBe(1);
		expect(await findSimilar(db, { bodyId, text: 'Nothing in common with anything stored here at all.', includeUnpublished: false, limit: 5 })).toEqual([]);
		expect(await findSimilar(db, { bodyId, text: '', includeUnpublished: false, limit: 5 })).toEqual([]);
	});

	it('replaces a contribution’s fingerprints when its text changes', async () => {
		const row = await contribution(db, bodyId, [paragraph(70)]);
		const count = async () =>
			Number((await db.select({ n: sql<number>`count(*)::int` }).from(contributionFingerprints).where(eq(contributionFingerprints.contributionId, row.id)))[0].n);
		expect(await count()).toBe(fingerprint(paragraph(70)).length);
		const revised = `${paragraph(71)}\n\n${paragraph(72)}`;
		const written = await db.transaction((tx) => writeFingerprints(tx, { id: row.id, bodyId }, revised));
		expect(written).toBe(fingerprint(revised).length);
		expect(await count()).toBe(written);
		const found = await findSimilar(db, { bodyId, text: paragraph(70), includeUnpublished: false, limit: 5 });
		expect(found.map((f) => f.contributionId)).not.toContain(row.id);
		expect(await db.transaction((tx) => writeFingerprints(tx, { id: row.id, bodyId }, ' '))).toBe(0);
		expect(await count()).toBe(0);
	});
});
