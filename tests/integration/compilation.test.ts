import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database } from '../../src/lib/server/db/client';
import { calls, documents, memberships, persons, users } from '../../src/lib/server/db/schema';
import { importCorpus } from '../../src/lib/server/importers/corpus';
import { tocOf } from '../../src/lib/core/compilation/index';
import { readSubmissionHeading } from '../../src/lib/core/corpus/submission-heading';
import { actorForUser } from '../../src/lib/server/auth/sessions';
import { generateCompilation } from '../../src/lib/server/actions/compilations';
import { setContributionPublished } from '../../src/lib/server/actions/contributions';
import { findVersion, listVersions, versionUnits } from '../../src/lib/server/repositories/documents';
import { versionFile } from '../../src/lib/server/exports/download';
import { ANONYMOUS } from '../../src/lib/core/shared/actor';

const CORPUS = resolve(process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');

describe.each(databaseKinds())('the compilation of the imported 2013 call on %s', (kind) => {
	let d: Database;
	let call: typeof calls.$inferSelect;
	let slug: string;

	beforeAll(async () => {
		d = await freshDatabase(kind);
		await importCorpus(d.db, CORPUS, () => {});
		[call] = await d.db.select().from(calls);
		const [doc] = await d.db.select().from(documents).where(eq(documents.id, call.compilationDocumentId!));
		slug = doc.slug;
	});
	afterAll(async () => {
		await d?.close();
	});

	async function toc(number: number) {
		const doc = (await d.db.select().from(documents).where(eq(documents.slug, slug)))[0];
		const version = (await findVersion(d.db, doc.id, number))!;
		return tocOf(await versionUnits(d.db, version.id), 'en');
	}

	it("is stored as version 1 with the rolling document's 28 contents entries: 5 groups, 20 submissions, the uncategorised part, 2 annexes", async () => {
		const entries = await toc(1);
		expect(entries).toHaveLength(28);
		expect(entries.filter((e) => e.kind === 'category').map((e) => e.categoryCode)).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(entries.filter((e) => e.kind === 'submission')).toHaveLength(20);
		expect(entries.filter((e) => e.kind === 'uncategorized')).toHaveLength(1);
		expect(entries.filter((e) => e.kind === 'annex')).toHaveLength(2);
		// Group C opens with the submission of 27 November 2013, as in the rolling document.
		const c = entries.findIndex((e) => e.kind === 'category' && e.categoryCode === 'C');
		expect(readSubmissionHeading(entries[c + 1].heading)?.date).toBe('2013-11-27');
	});

	it('lets only the secretariat generate; a held contribution leaves the next version, and a generation that changes nothing adds none', async () => {
		expect(await generateCompilation(d.db, ANONYMOUS, call.id)).toMatchObject({ ok: false, error: 'forbidden' });
		const [p] = await d.db.insert(persons).values({ slug: 'p-sec', name: 'Secretariat person' }).returning();
		await d.db.insert(memberships).values({ bodyId: call.bodyId, role: 'secretariat', personId: p.id });
		const [u] = await d.db.insert(users).values({ email: 'sec@example.org', passwordHash: 'x', displayName: 'Sec', personId: p.id }).returning();
		const secretariat = await actorForUser(d.db, u);
		const same = await generateCompilation(d.db, secretariat, call.id);
		expect(same).toMatchObject({ ok: true, value: { created: false } });

		const japan = (await d.db.query.contributions.findMany()).find((c) => c.callId === call.id && /Japan/.test(c.heading))!;
		expect((await setContributionPublished(d.db, secretariat, japan.id, false)).ok).toBe(true);
		const next = await generateCompilation(d.db, secretariat, call.id);
		expect(next).toMatchObject({ ok: true, value: { created: true } });
		const entries = await toc(2);
		expect(entries.filter((e) => e.kind === 'submission')).toHaveLength(15);
		expect(entries.some((e) => /Japan/.test(e.heading))).toBe(false);
		const doc = (await d.db.select().from(documents).where(eq(documents.slug, slug)))[0];
		expect((await listVersions(d.db, doc.id)).map((v) => v.number)).toEqual([1, 2]);
	});

	it('downloads version 1 as DOCX that a reader opens with the headings in order, and as PDF whose text has them in order', async () => {
		const doc = (await d.db.select().from(documents).where(eq(documents.slug, slug)))[0];
		const version = (await findVersion(d.db, doc.id, 1))!;
		const units = await versionUnits(d.db, version.id);
		const groups = ['GROUP A', 'GROUP B', 'GROUP C', 'GROUP D', 'GROUP E'];

		/** Whether the texts appear one after the other in `text`. */
		const inOrder = (text: string, wanted: string[]) => {
			let at = -1;
			for (const w of wanted) {
				at = text.indexOf(w, at + 1);
				if (at < 0) return `${w} missing after the previous one`;
			}
			return 'in order';
		};
		const docx = await versionFile(doc, version, units, 'docx');
		const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx.bytes) })).value;
		const headings = [...html.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').toUpperCase()).join('\n');
		expect(inOrder(headings, [...groups, 'COULD NOT BE CATEGORIZED', 'ANNEX 1', 'ANNEX 2'])).toBe('in order');

		const pdf = await versionFile(doc, version, units, 'pdf');
		const text = execFileSync('pdftotext', ['-raw', '-', '-'], { input: Buffer.from(pdf.bytes) }).toString('utf8').toUpperCase();
		// The contents list, then the parts in the same order.
		expect(inOrder(text, [...groups, ...groups, 'ANNEX 2'])).toBe('in order');
	});
	it('prints one table of contents in HTML, DOCX and PDF: the printed one, not the list the stored text also holds', async () => {
		const doc = (await d.db.select().from(documents).where(eq(documents.slug, slug)))[0];
		const version = (await findVersion(d.db, doc.id, 1))!;
		const units = await versionUnits(d.db, version.id);
		const entries = tocOf(units, 'en');
		const submission = entries.find((e) => e.kind === 'submission')!.heading;
		/** Where the first submission's heading stands: in the printed contents and in the body, for each part it has items in. */
		const expected = 2 * entries.filter((e) => e.heading === submission).length;
		const times = (text: string) => text.split(submission).length - 1;

		const html = new TextDecoder().decode((await versionFile(doc, version, units, 'html')).bytes);
		expect(html.match(/<nav class="contents"/g)).toHaveLength(1);
		expect(html.match(/>Contents</g)).toHaveLength(1);
		expect(times(html.replace(/&amp;/g, '&'))).toBe(expected);

		const docx = await versionFile(doc, version, units, 'docx');
		const zip = await JSZip.loadAsync(docx.bytes);
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml.match(/TOC \\/g)).toHaveLength(1);
		const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
		expect(text.match(/^Contents$/gm)).toHaveLength(1);
		expect(times(text)).toBeLessThanOrEqual(expected);

		const pdf = await versionFile(doc, version, units, 'pdf');
		const printed = execFileSync('pdftotext', ['-raw', '-', '-'], { input: Buffer.from(pdf.bytes) }).toString('utf8');
		expect(printed.match(/^Contents$/gm)).toHaveLength(1);
		expect(times(printed.replace(/\s+/g, ' '))).toBe(expected);
	});
});
