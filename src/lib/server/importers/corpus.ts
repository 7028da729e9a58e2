import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import { buildCorpusPlan, type CorpusPlan, type OrganisationRef, type PersonRef, type SubmitterRef } from '../../core/corpus/index';
import { findCountry } from '../../core/organisations/countries';
import { slugify } from '../../core/shared/slug';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db/client';
import { insertUnitRows, latestPublishedVersion, unitsOf, versionTextOf } from '../repositories/versions';
import { deriveForReview } from '../drafting/derive-copy';
import { storeAmendment } from '../drafting/store-amendment';
import {
	amendments,
	bodies,
	calls,
	categories,
	contributionRevisions,
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
} from '../db/schema';
import { indexContribution, indexDocumentVersion } from '../search/index-writer';
import { canonicalJson, Tally, upsertBy, type Changes, type Outcome } from './upsert';
import { writeFingerprints } from '../repositories/similar-contributions';
import { writeCompilation } from '../compilations/generate';
import { importQuestionnaire } from './questionnaire';

export interface ImportReport {
	created: number;
	updated: number;
	unchanged: number;
	warnings: string[];
}

/** The largest corpus file the importer reads; a bigger one is refused, not half-read. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads the corpus folder's text files where they lie (never copied), by name. */
export function readCorpusFolder(dir: string): Record<string, string> {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch (e) {
		throw new Error(`Cannot read the corpus folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	const files: Record<string, string> = {};
	for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
		const path = join(dir, name);
		const size = statSync(path).size;
		if (size > MAX_FILE_BYTES) throw new Error(`${name} is ${size} bytes; the importer reads files up to ${MAX_FILE_BYTES} bytes.`);
		files[name] = readFileSync(path, 'utf8');
	}
	if (Object.keys(files).length === 0) throw new Error(`The corpus folder ${dir} holds no .txt files.`);
	return files;
}

/**
 * Imports the WGEC corpus: both bodies with their Chairs, coordinators, meetings and categories;
 * the Member States and persons the documents name; the Chair's draft, the rolling document and
 * the contributions' texts as documents; each submission as one contribution. Idempotent: every
 * record has a natural key, so a second run finds everything unchanged ("0 created, 0 updated").
 * All of it happens in one transaction, with an audit event for each record created or updated.
 */
export async function importCorpus(db: Db, dir: string, log: (line: string) => void): Promise<ImportReport> {
	const files = readCorpusFolder(dir);
	log(`Reading ${Object.keys(files).length} files from ${dir}…`);
	const plan = buildCorpusPlan(files);
	for (const w of plan.warnings) log(`  warning: ${w}`);
	const tally = new Tally();
	const warnings = [...plan.warnings];
	await db.transaction(async (tx) => {
		const writer = new CorpusWriter(tx, plan, tally, log, warnings);
		await writer.write();
	});
	log(`${tally.created} created, ${tally.updated} updated (${tally.unchanged} unchanged).`);
	return { created: tally.created, updated: tally.updated, unchanged: tally.unchanged, warnings };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const partOfKey = (key: string) => key.slice(key.indexOf('/') + 1);
/** Global slug of a document or contribution: its body's slug and its own key, e.g. "wgec-2013-2014-ru-2013-12-12". */
const slugOfKey = (key: string) => slugify(key.replace('/', '-'), 120);

class CorpusWriter {
	private bodyIds = new Map<string, string>();
	private organisationIds = new Map<string, string>();
	private personIds = new Map<string, string>();
	private documentIds = new Map<string, string>();
	private meetingIds = new Map<string, string>();
	private categoryIds = new Map<string, string>();
	private callIds = new Map<string, string>();

	constructor(
		private tx: Tx,
		private plan: CorpusPlan,
		private tally: Tally,
		private log: (line: string) => void,
		/** What the import itself could not do (a questionnaire left as it is), after the plan's warnings. */
		private warnings: string[]
	) {}

	async write(): Promise<void> {
		this.log('Organisations and persons…');
		for (const o of this.plan.organisations) await this.organisation(o);
		for (const p of this.plan.persons) await this.person(p);
		this.log('Bodies, meetings, categories and roles…');
		for (const b of this.plan.bodies) await this.body(b);
		this.log('Questionnaires…');
		for (const b of this.plan.bodies) if (b.questionnaireForm) await this.questionnaire(b.slug, b.questionnaireForm);
		this.log('Documents…');
		for (const d of this.plan.documents) await this.document(d);
		this.log('Contributions…');
		for (const c of this.plan.contributions) await this.contribution(c);
		for (const c of this.plan.contributions) if (c.targetDocumentKey) await this.amendmentsFromCopy(c);
		this.log('Compilations…');
		for (const callId of this.callIds.values()) await this.compilation(callId);
	}

	/** The compilation of an imported call, generated from its contributions as the secretariat would (version 1 on first import). */
	private async compilation(callId: string): Promise<void> {
		const [call] = await this.tx.select().from(calls).where(eq(calls.id, callId));
		const g = await writeCompilation(this.tx, call, null);
		await this.audit(g.created ? (g.version.number === 1 ? 'created' : 'updated') : 'unchanged', 'document', g.documentId, call.bodyId, `Compilation of "${call.title}", version ${g.version.number}`);
		if (g.created) this.log(`  compilation of "${call.title}": version ${g.version.number} (${g.entries} entries)`);
	}

	/**
	 * A delegation's edited copy of a draft (the comments on a Chair's draft) is also its amendments
	 * to that draft: derived as a delegation's upload would be, whole left-out parts left unticked
	 * (not proposed), proposed in the submitters' names. Once: a second run finds them there.
	 */
	private async amendmentsFromCopy(c: CorpusPlan['contributions'][number]): Promise<void> {
		const draftId = this.documentIds.get(c.targetDocumentKey!);
		const copyId = this.documentIds.get(c.documentKey);
		if (!draftId || !copyId) return;
		const [draft] = await this.tx.select().from(documents).where(eq(documents.id, draftId)).limit(1);
		if (draft.kind !== 'draft') return;
		const copyName = partOfKey(c.documentKey);
		const [existing] = await this.tx
			.select({ id: amendments.id })
			.from(amendments)
			.where(and(eq(amendments.documentId, draftId), eq(amendments.copyName, copyName)))
			.limit(1);
		if (existing) return;
		const version = await latestPublishedVersion(this.tx, draftId);
		const copyVersion = await latestPublishedVersion(this.tx, copyId);
		if (!version || !copyVersion) return;
		const baseUnits = await unitsOf(this.tx, version.id);
		const copyText = versionTextOf(await unitsOf(this.tx, copyVersion.id)).text;
		const proposers: string[] = [];
		for (const s of c.submitters) {
			const { organisationId } = await this.submitter(s);
			if (organisationId) proposers.push(organisationId);
		}
		if (proposers.length === 0) return;
		for (const item of deriveForReview(baseUnits, { text: copyText, changes: [] })) {
			if (!item.ticked) continue;
			const row = await storeAmendment(this.tx, { documentId: draftId, versionId: version.id, units: baseUnits }, { ...item, newNumber: item.kind === 'insert' ? item.targetNumber : null }, proposers, {
				origin: 'copy',
				copyName,
				createdAt: c.date ? new Date(`${c.date}T00:00:00Z`) : undefined
			});
			await this.audit('created', 'amendment', row.id, draft.bodyId, `${draft.title}: amendment ${row.number} from ${copyName}`, { status: { from: null, to: 'proposed' } });
		}
	}

	private async audit(outcome: Outcome, entityType: string, entityId: string, bodyId: string | null, summary: string, changes: Changes = {}) {
		this.tally.add(outcome);
		if (outcome === 'unchanged') return;
		await recordAudit(this.tx, 'system', { action: `import.${outcome === 'created' ? 'create' : 'update'}`, entityType, entityId, bodyId, summary, changes });
	}

	private async organisation(o: OrganisationRef): Promise<string> {
		const known = this.organisationIds.get(o.iso2);
		if (known) return known;
		const country = findCountry(o.iso2);
		const { id, outcome, changes } = await upsertBy(
			this.tx,
			organisations,
			{ iso2: o.iso2 },
			{
				slug: slugify(o.name),
				kind: 'member_state',
				name: o.name,
				// Official names in the six languages from the reference list, with the UN short form in English.
				names: country ? { ...country.names, en: o.name } : { en: o.name },
				iso3: country?.iso3 ?? null,
				m49: country?.m49 ?? null,
				region: country?.region ?? null,
				subregion: country?.subregion ?? null,
				developmentStatus: country?.developmentStatus ?? [],
				stakeholderGroup: 'government'
			}
		);
		await this.audit(outcome, 'organisation', id, null, o.name, changes);
		this.organisationIds.set(o.iso2, id);
		return id;
	}

	private async person(p: PersonRef): Promise<string> {
		const known = this.personIds.get(p.name);
		if (known) return known;
		const { id, outcome, changes } = await upsertBy(this.tx, persons, { slug: slugify(p.name) }, { name: p.name, honorific: p.honorific });
		await this.audit(outcome, 'person', id, null, p.name, changes);
		this.personIds.set(p.name, id);
		return id;
	}

	private async submitter(s: SubmitterRef): Promise<{ organisationId: string | null; personId: string | null }> {
		return s.kind === 'organisation' ? { organisationId: await this.organisation(s), personId: null } : { organisationId: null, personId: await this.person(s) };
	}

	private async body(b: CorpusPlan['bodies'][number]): Promise<void> {
		const dc = b.declaredComposition;
		const { id: bodyId, outcome, changes } = await upsertBy(
			this.tx,
			bodies,
			{ slug: b.slug },
			{
				name: b.name,
				shortName: `WGEC ${b.period.from}–${b.period.to}`,
				mandate: b.mandate?.text ?? '',
				lang: 'en',
				// The documents give the years only: the period is recorded as whole years.
				periodStart: `${b.period.from}-01-01`,
				periodEnd: `${b.period.to}-12-31`,
				rules: { reportsTo: b.parentBody },
				declaredComposition: dc
					? [
							{ label: 'Member States', count: dc.memberStates },
							{ label: `Members from ${dc.otherMembersFrom}`, count: dc.otherMembers }
						]
					: []
			}
		);
		await this.audit(outcome, 'body', bodyId, bodyId, b.name, changes);
		this.bodyIds.set(b.slug, bodyId);

		for (const m of b.meetings) {
			const r = await upsertBy(
				this.tx,
				meetings,
				{ bodyId, number: m.number },
				{
					startsOn: m.startDate,
					endsOn: m.endDate,
					venue: m.venue ?? '',
					remoteParticipation: m.remoteParticipation === true,
					remoteNote: m.liveCaptioning ? 'Remote participation and live captioning were made available.' : ''
				}
			);
			await this.audit(r.outcome, 'meeting', r.id, bodyId, `Meeting ${m.number}`, r.changes);
			this.meetingIds.set(`${b.slug}#${m.number}`, r.id);
		}
		const callId = b.call ? await this.call(bodyId, b.call) : null;
		for (const c of b.categories) {
			const r = await upsertBy(this.tx, categories, { bodyId, code: c.code }, { callId, title: c.title, questions: c.questions, position: c.position });
			await this.audit(r.outcome, 'category', r.id, bodyId, `Group ${c.code}`, r.changes);
			this.categoryIds.set(`${b.slug}#${c.code}`, r.id);
		}
		for (const role of b.roles) {
			const personId = await this.person(role.person);
			const organisationId = role.organisation ? await this.organisation(role.organisation) : null;
			const r = await upsertBy(
				this.tx,
				memberships,
				{ bodyId, role: role.role, personId },
				{ organisationId, stakeholderGroup: organisationId ? 'government' : null, note: role.description }
			);
			await this.audit(r.outcome, 'membership', r.id, bodyId, `${role.role}: ${role.person.name}`, r.changes);
		}
	}

	/** The questionnaire a document reproduces, as the body's questionnaire (its file as the source). */
	private async questionnaire(bodySlug: string, form: NonNullable<CorpusPlan['bodies'][number]['questionnaireForm']>): Promise<void> {
		const bodyId = this.bodyIds.get(bodySlug)!;
		const sourceName = this.plan.documents.find((d) => d.key === form.documentKey)?.fileName ?? null;
		const r = await importQuestionnaire(this.tx, { bodyId, slug: form.slug, sourceName }, form.questionnaire);
		if (!r.ok) {
			this.log(`  warning: ${r.reason}`);
			this.warnings.push(r.reason);
			return;
		}
		await this.audit(r.outcome, 'questionnaire', r.id, bodyId, form.questionnaire.title.en ?? form.slug, r.changes);
		if (r.outcome !== 'unchanged') this.log(`  ${form.slug}: ${r.outcome} (${form.questionnaire.sections.reduce((n, s) => n + s.questions.length, 0)} questions)`);
	}

	/** An imported contribution's record of revisions starts with the text as the corpus has it. */
	private async firstRevision(contributionId: string, c: CorpusPlan['contributions'][number]): Promise<void> {
		const [had] = await this.tx.select({ id: contributionRevisions.id }).from(contributionRevisions).where(eq(contributionRevisions.contributionId, contributionId)).limit(1);
		if (had) return;
		await this.tx.insert(contributionRevisions).values({
			contributionId,
			number: 1,
			title: c.heading,
			sourceText: c.items.map((i) => i.source.trim()).join('\n\n'),
			items: c.items.map((i) => ({ number: i.number, kind: i.kind, text: i.text, categoryCode: i.categoryCode, notes: [] }))
		});
	}

	/** The call a body's framework answered, with the compilation's title and annexes. */
	private async call(bodyId: string, c: NonNullable<CorpusPlan['bodies'][number]['call']>): Promise<string> {
		const r = await upsertBy(
			this.tx,
			calls,
			{ slug: slugOfKey(c.key) },
			{
				bodyId,
				title: c.title,
				questions: c.questions,
				eligibility: 'members_and_observers',
				opensAt: new Date(`${c.opensOn}T00:00:00Z`),
				closesAt: new Date(new Date(`${c.closesOn}T00:00:00Z`).getTime() + 86_400_000),
				languages: ['en'],
				compilationTitle: c.compilationTitle,
				annexes: c.annexes,
				sourceName: c.source.documentKey ? partOfKey(c.source.documentKey) : null
			}
		);
		await this.audit(r.outcome, 'call', r.id, bodyId, c.title, r.changes);
		this.callIds.set(bodyId, r.id);
		return r.id;
	}

	private async document(d: CorpusPlan['documents'][number]): Promise<void> {
		const bodyId = this.bodyIds.get(d.bodySlug)!;
		const meetingId = d.meetingNumber ? (this.meetingIds.get(`${d.bodySlug}#${d.meetingNumber}`) ?? null) : null;
		const { id: documentId, outcome, row, changes } = await upsertBy(
			this.tx,
			documents,
			{ slug: slugOfKey(d.key) },
			{ bodyId, meetingId, kind: d.kind, title: d.subtitle ? `${d.title} — ${d.subtitle}` : d.title, lang: d.lang, issuedOn: d.date, published: true, sourceName: d.fileName }
		);
		this.documentIds.set(d.key, documentId);
		const hash = sha256(d.units.map((u) => u.source).join(''));
		const [newest] = await this.tx.select().from(documentVersions).where(eq(documentVersions.documentId, documentId)).orderBy(desc(documentVersions.number)).limit(1);
		let versionOutcome: Outcome = 'unchanged';
		if (!newest || newest.sourceHash !== hash) {
			const [version] = await this.tx
				.insert(documentVersions)
				.values({ documentId, number: (newest?.number ?? 0) + 1, sourceHash: hash, note: `Imported from ${d.fileName}`, publishedAt: new Date() })
				.returning();
			const rows = await insertUnitRows(this.tx, version.id, d.units, d.units.map((u) => u.key), d.lang);
			await indexDocumentVersion(this.tx, { document: row as typeof documents.$inferSelect, body: { id: bodyId }, version, units: rows });
			versionOutcome = newest ? 'updated' : 'created';
			changes.version = { from: newest?.number ?? null, to: version.number };
		} else if (outcome === 'updated') {
			const rows = await this.tx.select().from(units).where(eq(units.versionId, newest.id));
			await indexDocumentVersion(this.tx, { document: row as typeof documents.$inferSelect, body: { id: bodyId }, version: newest, units: rows });
		}
		const combined: Outcome = outcome === 'created' ? 'created' : outcome === 'updated' || versionOutcome !== 'unchanged' ? 'updated' : 'unchanged';
		await this.audit(combined, 'document', documentId, bodyId, d.title, changes);
		if (combined !== 'unchanged') this.log(`  ${d.fileName}: ${combined} (${d.units.length} units)`);
	}

	private async contribution(c: CorpusPlan['contributions'][number]): Promise<void> {
		const bodyId = this.bodyIds.get(c.bodySlug)!;
		const { id: contributionId, outcome, row, changes } = await upsertBy(
			this.tx,
			contributions,
			{ slug: slugOfKey(c.key) },
			{
				bodyId,
				meetingId: c.meetingNumber ? (this.meetingIds.get(`${c.bodySlug}#${c.meetingNumber}`) ?? null) : null,
				targetDocumentId: c.targetDocumentKey ? (this.documentIds.get(c.targetDocumentKey) ?? null) : null,
				textDocumentId: this.documentIds.get(c.documentKey) ?? null,
				// Submissions the rolling compilation gathered answered its call.
				callId: this.plan.documents.find((d) => d.key === c.documentKey)?.kind === 'compilation' ? (this.callIds.get(bodyId) ?? null) : null,
				// An undated submission was received when it was first imported, as far as Plenary knows.
				receivedAt: c.date ? new Date(`${c.date}T00:00:00Z`) : undefined,
				sourceText: c.items.map((i) => i.source.trim()).join('\n\n'),
				title: c.heading,
				heading: c.heading,
				onBehalfOf: c.onBehalfOf?.text ?? null,
				submittedOn: c.date,
				lang: 'en',
				published: true,
				position: c.position,
				sourceName: partOfKey(c.documentKey)
			}
		);

		const wantedSubmitters = [];
		for (const [position, s] of c.submitters.entries()) wantedSubmitters.push({ contributionId, position, ...(await this.submitter(s)) });
		const storedSubmitters = await this.tx
			.select({ contributionId: contributionSubmitters.contributionId, position: contributionSubmitters.position, organisationId: contributionSubmitters.organisationId, personId: contributionSubmitters.personId })
			.from(contributionSubmitters)
			.where(eq(contributionSubmitters.contributionId, contributionId))
			.orderBy(asc(contributionSubmitters.position));
		const submittersChanged = canonicalJson(storedSubmitters) !== canonicalJson(wantedSubmitters);
		if (submittersChanged) {
			changes.submitters = { from: storedSubmitters.length, to: wantedSubmitters.length };
			await this.tx.delete(contributionSubmitters).where(eq(contributionSubmitters.contributionId, contributionId));
			if (wantedSubmitters.length) await this.tx.insert(contributionSubmitters).values(wantedSubmitters);
		}

		const wantedItems = c.items.map((i) => ({
			contributionId,
			categoryId: i.categoryCode ? (this.categoryIds.get(`${c.bodySlug}#${i.categoryCode}`) ?? null) : null,
			position: i.position,
			kind: i.kind,
			number: i.number,
			text: i.text,
			source: i.source
		}));
		const storedItems = await this.tx
			.select({ contributionId: contributionItems.contributionId, categoryId: contributionItems.categoryId, position: contributionItems.position, kind: contributionItems.kind, number: contributionItems.number, text: contributionItems.text, source: contributionItems.source })
			.from(contributionItems)
			.where(eq(contributionItems.contributionId, contributionId))
			.orderBy(asc(contributionItems.position));
		const itemsChanged = canonicalJson(storedItems) !== canonicalJson(wantedItems);
		if (itemsChanged) {
			changes.items = { from: storedItems.length, to: wantedItems.length };
			await this.tx.delete(contributionItems).where(eq(contributionItems.contributionId, contributionId));
			if (wantedItems.length) await this.tx.insert(contributionItems).values(wantedItems);
		}

		const combined: Outcome = outcome === 'created' ? 'created' : outcome === 'updated' || submittersChanged || itemsChanged ? 'updated' : 'unchanged';
		await this.firstRevision(contributionId, c);
		if (combined !== 'unchanged') {
			const items = await this.tx.select().from(contributionItems).where(eq(contributionItems.contributionId, contributionId)).orderBy(asc(contributionItems.position));
			await writeFingerprints(this.tx, { id: contributionId, bodyId }, items.map((i) => i.text).join('\n\n'));
			const submitterIds = wantedSubmitters.flatMap((s) => [s.organisationId, s.personId]).filter((x): x is string => !!x);
			await indexContribution(this.tx, { contribution: row as typeof contributions.$inferSelect, items, submitterIds });
		}
		await this.audit(combined, 'contribution', contributionId, bodyId, c.heading, changes);
	}
}
