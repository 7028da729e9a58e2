/**
 * `npx tsx bench/similar.ts`: similar-contribution lookups among 10,000 contributions on PGlite.
 *
 * Setup: a PGlite database in a temporary folder, one body, 10,000 contributions of 5 paragraphs
 * of about 2,000 characters each. The paragraphs are pseudo-sentences from a seeded generator
 * over a vocabulary of 60 function words and 4,000 made-up content words drawn with a skew (a few
 * very common, most rare), so contributions share words and stock phrases but not long passages;
 * 3 % of them are near-duplicates that copy two or three paragraphs of an earlier one with a few
 * words changed. Every contribution's fingerprints are written with `writeFingerprints`, then
 * `ANALYZE` and `VACUUM` run once (PGlite has no autovacuum).
 *
 * Then 100 lookups (after 5 untimed warm-ups), each a text of four to five paragraphs mixing
 * paragraphs (whole or in part) of existing contributions with new ones; `findSimilar` with
 * limit 10 is timed from the text to the scored results. Prints the load times apart, the
 * lookups' p50, p95 and max, and how often the contribution a text was pasted from came first.
 * Last, 100 texts that paste a single sentence of 15–25 words between new ones: how often the
 * source is found at all (what sampling one hash in four costs in recall).
 *
 * Options (environment): SIMILAR_CONTRIBUTIONS (default 10000), SIMILAR_LOOKUPS (default 100),
 * SIMILAR_VACUUM=0 (skip the vacuum analyze).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MAX_QUERY_HASHES, SAMPLE_EVERY, SHINGLE_WORDS } from '../src/lib/core/similarity/index';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate, rows } from '../src/lib/server/db/migrate';
import { bodies, contributionItems, contributions } from '../src/lib/server/db/schema';
import { findSimilar, ITEM_SEPARATOR, writeFingerprints } from '../src/lib/server/repositories/similar-contributions';
import { random } from './seeded';

const CONTRIBUTIONS = Number(process.env.SIMILAR_CONTRIBUTIONS ?? 10_000);
const LOOKUPS = Number(process.env.SIMILAR_LOOKUPS ?? 100);
const PARAGRAPHS = 5;
const PARAGRAPH_CHARS = 2_000;
const WARM_UPS = 5;
/** SIMILAR_VACUUM=0 skips the `vacuum analyze` after loading, to see what it is worth. */
const VACUUM = process.env.SIMILAR_VACUUM !== '0';


const rnd = random(20131118);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

const FUNCTION_WORDS = (
	'the of and to in a is that for it as with be by on not this are or from at which an have all its their ' +
	'should may will can these those such other also more most between within through under including'
).split(' ');
const SYLLABLES = 'ka to ri mo na se lu vi ter pol gov nat com mun dev sec tra ber lin dal fen gar hol jus kel mar nor pel quo res sta tur ven wal xen yor zan'.split(' ');
const CONTENT_WORDS = Array.from({ length: 4000 }, () => {
	const n = 2 + Math.floor(rnd() * 3);
	return Array.from({ length: n }, () => pick(SYLLABLES)).join('');
});

/** A content word, skewed: the first hundred words make a good share of the text, as in real prose. */
function contentWord(): string {
	return CONTENT_WORDS[Math.floor(CONTENT_WORDS.length * rnd() ** 3)];
}

function sentence(): string {
	const length = 10 + Math.floor(rnd() * 16);
	const ws: string[] = [];
	for (let i = 0; i < length; i++) ws.push(rnd() < 0.4 ? pick(FUNCTION_WORDS) : contentWord());
	ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
	return `${ws.join(' ')}${rnd() < 0.2 ? ',' : '.'}`;
}

function paragraph(chars = PARAGRAPH_CHARS): string {
	const out: string[] = [];
	let size = 0;
	while (size < chars - 60) {
		const s = sentence();
		out.push(s);
		size += s.length + 1;
	}
	return out.join(' ');
}

/** A copy with about one word in fifty replaced. */
function edited(text: string): string {
	return text
		.split(' ')
		.map((w) => (rnd() < 0.02 ? contentWord() : w))
		.join(' ');
}

/** A run of a paragraph's sentences: between half of it and all of it. */
function part(text: string): string {
	const sentences = text.split(/(?<=[.,]) /);
	const length = Math.max(1, Math.ceil(sentences.length * (0.5 + rnd() * 0.5)));
	const from = Math.floor(rnd() * (sentences.length - length + 1));
	return sentences.slice(from, from + length).join(' ');
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-similar-'));
	const database = await openDatabase({ dataDir: join(dir, 'pglite') });
	try {
		const { db } = database;
		await migrate(database);

		let t = performance.now();
		const texts: string[][] = [];
		for (let i = 0; i < CONTRIBUTIONS; i++) {
			const paragraphs = Array.from({ length: PARAGRAPHS }, () => paragraph());
			if (i > 10 && rnd() < 0.03) {
				const source = texts[Math.floor(rnd() * i)];
				const copied = 2 + Math.floor(rnd() * 2);
				for (let k = 0; k < copied; k++) paragraphs[Math.floor(rnd() * PARAGRAPHS)] = edited(pick(source));
			}
			texts.push(paragraphs);
		}
		const totalChars = texts.reduce((n, ps) => n + ps.reduce((m, p) => m + p.length + ITEM_SEPARATOR.length, 0), 0);
		console.log(`Generated ${CONTRIBUTIONS.toLocaleString('en')} contributions, ${(totalChars / 1e6).toFixed(1)} million characters, in ${seconds(performance.now() - t)}.`);

		t = performance.now();
		const [body] = await db
			.insert(bodies)
			.values({ slug: 'bench', name: 'Benchmark body', shortName: 'BENCH', mandate: 'Benchmark.', periodStart: '2016-01-01', periodEnd: '2018-12-31' })
			.returning();
		const ids: string[] = [];
		const BATCH = 200;
		for (let from = 0; from < CONTRIBUTIONS; from += BATCH) {
			await db.transaction(async (tx) => {
				const batch = texts.slice(from, from + BATCH);
				const inserted = await tx
					.insert(contributions)
					.values(batch.map((_, k) => ({ slug: `c-${from + k}`, bodyId: body.id, title: `Contribution ${from + k}` })))
					.returning({ id: contributions.id });
				ids.push(...inserted.map((r) => r.id));
				await tx.insert(contributionItems).values(
					batch.flatMap((ps, k) => ps.map((text, position) => ({ contributionId: inserted[k].id, position, text, source: text })))
				);
			});
		}
		const rowsTime = performance.now() - t;

		t = performance.now();
		let stored = 0;
		for (let from = 0; from < CONTRIBUTIONS; from += BATCH) {
			await db.transaction(async (tx) => {
				for (let i = from; i < Math.min(CONTRIBUTIONS, from + BATCH); i++) stored += await writeFingerprints(tx, { id: ids[i], bodyId: body.id }, texts[i].join(ITEM_SEPARATOR));
			});
		}
		const fingerprintTime = performance.now() - t;

		t = performance.now();
		if (VACUUM) {
			await db.execute(sql`vacuum analyze contribution_fingerprints`);
			await db.execute(sql`analyze contributions`);
			await db.execute(sql`analyze contribution_items`);
		}
		const analyzeTime = performance.now() - t;

		console.log(`Database load (PGlite in ${dir}):`);
		console.log(`  contributions and items: ${seconds(rowsTime)}`);
		console.log(`  fingerprints (writeFingerprints, ${stored.toLocaleString('en')} rows, ${(stored / CONTRIBUTIONS).toFixed(0)} per contribution): ${seconds(fingerprintTime)}`);
		console.log(`  vacuum analyze: ${VACUUM ? seconds(analyzeTime) : 'skipped (SIMILAR_VACUUM=0)'}`);
		const [size] = rows(await db.execute(sql`select pg_size_pretty(pg_total_relation_size('contribution_fingerprints')) as fingerprints, pg_size_pretty(pg_database_size(current_database())) as total`));
		console.log(`  size: fingerprints with indexes ${size.fingerprints}, database ${size.total}`);

		const lookups = Array.from({ length: LOOKUPS + WARM_UPS }, () => {
			const a = Math.floor(rnd() * CONTRIBUTIONS);
			const b = rnd() < 0.3 ? Math.floor(rnd() * CONTRIBUTIONS) : a;
			const p = pick(texts[a]);
			const q = pick(texts[b].filter((x) => x !== p));
			const fresh = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => paragraph());
			const pasted = [rnd() < 0.5 ? part(p) : p, rnd() < 0.5 ? part(q) : q];
			return { sources: new Set([ids[a], ids[b]]), text: [fresh[0], pasted[0], fresh[1], pasted[1], ...fresh.slice(2)].join('\n\n') };
		});

		const times: number[] = [];
		let first = 0;
		let candidates = 0;
		for (const [n, lookup] of lookups.entries()) {
			const start = performance.now();
			const found = await findSimilar(db, { bodyId: body.id, text: lookup.text, includeUnpublished: false, limit: 10 });
			const elapsed = performance.now() - start;
			if (n < WARM_UPS) continue;
			times.push(elapsed);
			candidates += found.length;
			if (found[0] && lookup.sources.has(found[0].contributionId)) first += 1;
		}
		times.sort((x, y) => x - y);
		const avgChars = lookups.reduce((n, l) => n + l.text.length, 0) / lookups.length;
		console.log(`Parameters: shingles of ${SHINGLE_WORDS} words, 1 hash in ${SAMPLE_EVERY} kept, at most ${MAX_QUERY_HASHES} query hashes, limit 10.`);
		console.log(`Lookups: ${LOOKUPS} texts of ${Math.round(avgChars).toLocaleString('en')} characters on average (after ${WARM_UPS} warm-ups):`);
		console.log(`  p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
		console.log(`  a source of the pasted text ranked first in ${first} of ${LOOKUPS}; ${(candidates / LOOKUPS).toFixed(1)} results per lookup on average`);

		// How often one sentence of 15 words or more, pasted into new text, still finds its source:
		// the cost of keeping only a sample of the hashes.
		let sentenceFound = 0;
		const sentenceTimes: number[] = [];
		for (let n = 0; n < LOOKUPS; n++) {
			const i = Math.floor(rnd() * CONTRIBUTIONS);
			const sentences = pick(texts[i]).split(/(?<=[.,]) /).filter((x) => x.split(' ').length >= 15);
			if (sentences.length === 0) continue;
			const text = `${paragraph(600)} ${pick(sentences)} ${paragraph(600)}`;
			const start = performance.now();
			const found = await findSimilar(db, { bodyId: body.id, text, includeUnpublished: false, limit: 10 });
			sentenceTimes.push(performance.now() - start);
			if (found.some((f) => f.contributionId === ids[i])) sentenceFound += 1;
		}
		sentenceTimes.sort((x, y) => x - y);
		console.log(
			`One pasted sentence (15–25 words) in new text: source found in ${sentenceFound} of ${sentenceTimes.length}; p95 ${percentile(sentenceTimes, 95).toFixed(1)} ms`
		);
	} finally {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
