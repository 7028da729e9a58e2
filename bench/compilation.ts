/**
 * `npm run bench:compilation`: the rolling compilation of a call with 10,000 contributions, from
 * memory to HTML and to DOCX, the way the app makes and prints it; the database read apart.
 *
 * Setup (bench/compilation-data.ts, seeded, so every run compiles the same call): 5 categories
 * A–E, 10,000 contributions of 5 numbered items of ~400 characters (~2,000 characters each),
 * one to three submitters each from 12 delegations and persons, a footnote on every 10th, every
 * 7th spread over several categories; one annex with a footnote.
 *
 * Timed separately, each the median of 3 runs after a warm-up:
 *  (a) compile — the compilation's structured text (what `compileCall` does);
 *  (b) units and printable — the stored version's units, read from what the generator wrote
 *      (what `compileCallWithUnits` adds, and what `writeCompilation` stores), then the printable
 *      model every download format prints (`printableOfVersion`, as `versionFile` builds it);
 *  (c) HTML — `toHtml`;  (d) DOCX — `toDocx`;
 * and the totals per run, compile+HTML = a+b+c and compile+DOCX = a+b+d, against the targets
 * (1 s and 10 s). For comparison, the units by parsing the text back (`parseDocument`, what
 * generation did before), and whether both give the same units.
 *  (e) the database read apart: the call loaded into a PGlite database in a temporary folder
 *      (direct inserts in the app's tables), then `compilationInputOf` timed, and its input
 *      checked to compile to the same text as the one from memory.
 *
 * Figures are printed, never asserted. Options: --contributions N (default 10000), --runs N
 * (default 3), --no-database (skip e), --no-parse (skip the comparison with the parser).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { compileCall } from '../src/lib/core/compilation/index';
import { writeCall } from '../src/lib/core/compilation/compile';
import { unitsOfCompilation } from '../src/lib/core/compilation/units';
import { parseDocument } from '../src/lib/core/documents/index';
import type { ParsedUnit } from '../src/lib/core/documents/types';
import { toHtml } from '../src/lib/core/exports/html';
import type { Printable } from '../src/lib/core/exports/types';
import { compilationInputOf } from '../src/lib/server/compilations/generate';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { bodies, calls, categories, contributionItems, contributions, contributionSubmitters, organisations, persons } from '../src/lib/server/db/schema';
import { toDocx } from '../src/lib/server/exports/docx';
import { printableOfVersion } from '../src/lib/server/exports/download';
import { CALL, FRAMEWORK, PARAGRAPHS, SUBMITTERS, syntheticCall } from './compilation-data';

const option = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONTRIBUTIONS = option('contributions', 10_000);
const RUNS = option('runs', 3);
const DATABASE = !process.argv.includes('--no-database');
const PARSE = !process.argv.includes('--no-parse');
const HTML_TARGET = 1_000;
const DOCX_TARGET = 10_000;

const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A compilation document and its first version, as `versionFile` receives them. */
const DOCUMENT = { title: CALL.compilationTitle, lang: 'en', kind: 'compilation' as const };
const VERSION = { number: 1, publishedAt: new Date('2026-11-22T12:00:00Z'), createdAt: new Date('2026-11-22T12:00:00Z') };

async function inMemory() {
	const input = syntheticCall(CONTRIBUTIONS);
	const items = input.contributions.reduce((n, c) => n + c.items.length, 0);
	const chars = input.contributions.reduce((n, c) => n + c.items.reduce((m, i) => m + i.text.length, 0), 0);
	console.log(
		`setup: ${CONTRIBUTIONS.toLocaleString('en')} contributions × ${PARAGRAPHS} items (${items.toLocaleString('en')} items, ${mb(chars)} characters, ~${Math.round(chars / CONTRIBUTIONS).toLocaleString('en')} per contribution), ` +
			`categories ${FRAMEWORK.map((c) => c.code).join('')}, Node ${process.version}; median of ${RUNS} runs after a warm-up`
	);

	const runs: { compile: number; units: number; printable: number; html: number; docx: number }[] = [];
	let text = '';
	let units: ParsedUnit[] = [];
	let printable: Printable | null = null;
	let html = '';
	let docx: Uint8Array = new Uint8Array();
	for (let run = 0; run <= RUNS; run++) {
		let t = performance.now();
		const { layout } = writeCall(input);
		text = layout.lines.join('\n');
		const compile = performance.now() - t;

		t = performance.now();
		units = unitsOfCompilation(text, layout);
		const unitsTime = performance.now() - t;
		t = performance.now();
		printable = printableOfVersion(DOCUMENT, VERSION, units);
		const printableTime = performance.now() - t;

		t = performance.now();
		html = toHtml(printable);
		const htmlTime = performance.now() - t;

		t = performance.now();
		docx = await toDocx(printable);
		const docxTime = performance.now() - t;
		if (run > 0) runs.push({ compile, units: unitsTime, printable: printableTime, html: htmlTime, docx: docxTime });
	}

	const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
	const htmlTotal = median(runs.map((r) => r.compile + r.units + r.printable + r.html));
	const docxTotal = median(runs.map((r) => r.compile + r.units + r.printable + r.docx));
	console.log(`(a) compile               ${ms(m('compile')).padStart(9)}   text ${mb(text.length)} characters, ${text.split('\n').length.toLocaleString('en')} lines`);
	console.log(`(b) units                 ${ms(m('units')).padStart(9)}   ${units.length.toLocaleString('en')} units, read from what the generator wrote`);
	console.log(`    printable             ${ms(m('printable')).padStart(9)}   ${printable!.units.length.toLocaleString('en')} printed units, ${printable!.footnotes.length.toLocaleString('en')} footnotes`);
	console.log(`(c) HTML                  ${ms(m('html')).padStart(9)}   ${mb(Buffer.byteLength(html))}`);
	console.log(`(d) DOCX                  ${ms(m('docx')).padStart(9)}   ${mb(docx.length)}`);
	const verdict = (t: number, target: number) => `${t < target ? 'under' : 'OVER'} the ${ms(target)} target`;
	console.log(`compile+HTML  (a+b+c)     ${ms(htmlTotal).padStart(9)}   ${verdict(htmlTotal, HTML_TARGET)}`);
	console.log(`compile+DOCX  (a+b+d)     ${ms(docxTotal).padStart(9)}   ${verdict(docxTotal, DOCX_TARGET)}`);

	if (PARSE) {
		const times: number[] = [];
		let parsed: ParsedUnit[] = [];
		for (let run = 0; run <= RUNS; run++) {
			const t = performance.now();
			parsed = parseDocument(text).units;
			if (run > 0) times.push(performance.now() - t);
		}
		const same = parsed.length === units.length && parsed.every((u, i) => isDeepStrictEqual(u, units[i]));
		console.log(`for comparison: units by parsing the text back (parseDocument) ${ms(median(times))}; the same units: ${same ? 'yes' : 'NO'}`);
	}
	return text;
}

async function fromDatabase(expected: string) {
	const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-compilation-'));
	const database = await openDatabase({ dataDir: join(dir, 'pglite') });
	try {
		const { db } = database;
		await migrate(database);
		const input = syntheticCall(CONTRIBUTIONS);
		let t = performance.now();
		const [body] = await db
			.insert(bodies)
			.values({ slug: 'bench', name: 'Benchmark body', shortName: 'BENCH', mandate: 'Benchmark.', periodStart: '2013-01-01', periodEnd: '2014-12-31' })
			.returning();
		const [call] = await db
			.insert(calls)
			.values({ slug: 'bench-call', bodyId: body.id, title: CALL.title, compilationTitle: CALL.compilationTitle, annexes: CALL.annexes, opensAt: new Date('2013-09-01'), closesAt: new Date('2014-03-01') })
			.returning();
		const framework = await db
			.insert(categories)
			.values(FRAMEWORK.map((c, position) => ({ bodyId: body.id, callId: call.id, code: c.code, title: c.title, questions: c.questions, position })))
			.returning();
		const categoryId = new Map(framework.map((c) => [c.code, c.id]));
		const submitterId = new Map<string, { organisationId: string | null; personId: string | null }>();
		for (const [k, s] of SUBMITTERS.entries()) {
			if (s.person) {
				const [p] = await db.insert(persons).values({ slug: `p-${k}`, name: s.name }).returning();
				submitterId.set(s.name, { organisationId: null, personId: p.id });
			} else {
				const [o] = await db.insert(organisations).values({ slug: `o-${k}`, kind: 'member_state', name: s.name }).returning();
				submitterId.set(s.name, { organisationId: o.id, personId: null });
			}
		}
		const BATCH = 200;
		for (let from = 0; from < input.contributions.length; from += BATCH) {
			await db.transaction(async (tx) => {
				const batch = input.contributions.slice(from, from + BATCH);
				const rows = await tx
					.insert(contributions)
					.values(
						batch.map((c, k) => ({
							slug: `c-${from + k}`,
							bodyId: body.id,
							callId: call.id,
							title: `Contribution ${from + k}`,
							onBehalfOf: c.onBehalfOf,
							submittedOn: c.date,
							position: c.position,
							receivedAt: new Date(`${c.date}T12:00:00Z`)
						}))
					)
					.returning({ id: contributions.id });
				await tx.insert(contributionSubmitters).values(batch.flatMap((c, k) => c.submitters.map((name, position) => ({ contributionId: rows[k].id, position, ...submitterId.get(name)! }))));
				await tx.insert(contributionItems).values(
					batch.flatMap((c, k) =>
						c.items.map((item, position) => ({
							contributionId: rows[k].id,
							categoryId: item.categoryCode ? categoryId.get(item.categoryCode)! : null,
							position,
							kind: item.kind,
							number: item.number,
							text: item.text,
							source: item.text,
							notes: item.notes
						}))
					)
				);
			});
		}
		const loadTime = performance.now() - t;

		const times: number[] = [];
		let read = await compilationInputOf(db, call);
		for (let run = 0; run < RUNS; run++) {
			t = performance.now();
			read = await compilationInputOf(db, call);
			times.push(performance.now() - t);
		}
		const same = compileCall(read).text === expected;
		console.log(
			`(e) database read (compilationInputOf, PGlite)  ${ms(median(times))}   ${read.contributions.length.toLocaleString('en')} contributions; ` +
				`compiles to the same text as from memory: ${same ? 'yes' : 'NO'} (loading the call took ${ms(loadTime)}, not counted)`
		);
	} finally {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

const text = await inMemory();
if (DATABASE) await fromDatabase(text);
