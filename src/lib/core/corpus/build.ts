import { parseDocument } from '../documents/parse';
import { emptyBody, WGEC_2013, WGEC_2016 } from './bodies';
import { interpretDraftComments, interpretGuidingQuestions, interpretJointRecommendations, type FileContribution } from './contributions';
import { interpretChairDraft } from './draft';
import type { BodyPlan, ContributionPlan, CorpusPlan, DocumentPlan, OrganisationRef, PersonRef, SubmitterRef } from './plan';
import { readQuestionnaireAnnex, WGEC_2013_QUESTIONNAIRE } from './questionnaire';
import { recogniseCorpusFile, type CorpusFileKind } from './recognise';
import { interpretRollingDocument } from './rolling';

/**
 * Builds the import plan from the five WGEC files' text, keyed by file name (the caller reads
 * them from disk). Files are recognised by content, so renamed files import the same; files
 * that are none of the five are reported in `warnings` and left out. Pure and deterministic:
 * the same files give the same plan, which keeps the import idempotent.
 *
 * Example: buildCorpusPlan({ '004_….txt': draftText, 'notes.txt': 'hello' }) → a plan with the
 * 2016–2018 body (its Chair, meetings and mandate read from the draft), the draft document, and
 * the warning 'notes.txt: not one of the WGEC corpus documents'.
 */
export function buildCorpusPlan(files: Record<string, string>): CorpusPlan {
	const warnings: string[] = [];
	const byKind = new Map<CorpusFileKind, { fileName: string; text: string }>();
	for (const fileName of Object.keys(files).sort()) {
		const text = files[fileName];
		const kind = recogniseCorpusFile(text);
		if (!kind) {
			warnings.push(`${fileName}: not one of the WGEC corpus documents`);
			continue;
		}
		const previous = byKind.get(kind);
		if (previous) {
			warnings.push(`${fileName}: same kind of document as ${previous.fileName} (${kind}); ignored`);
			continue;
		}
		byKind.set(kind, { fileName, text });
	}
	const parsed = (kind: CorpusFileKind) => {
		const f = byKind.get(kind);
		return f ? { fileName: f.fileName, units: parseDocument(f.text, { lang: 'en' }).units } : null;
	};

	const documents: DocumentPlan[] = [];
	const contributions: ContributionPlan[] = [];
	const bodies = new Map<string, BodyPlan>();
	const body = (slug: typeof WGEC_2013 | typeof WGEC_2016) => {
		let b = bodies.get(slug);
		if (!b) {
			b = emptyBody(slug);
			bodies.set(slug, b);
		}
		return b;
	};

	const rolling = parsed('rolling-compilation');
	if (rolling) {
		const r = interpretRollingDocument(rolling.fileName, rolling.units);
		Object.assign(body(WGEC_2013), r.body);
		documents.push(r.document);
		contributions.push(...r.contributions);
		warnings.push(...r.warnings);
		// The questionnaire is read from the text itself: its annex is a form export, not prose.
		const questionnaire = readQuestionnaireAnnex(byKind.get('rolling-compilation')!.text);
		if (questionnaire) body(WGEC_2013).questionnaireForm = { slug: WGEC_2013_QUESTIONNAIRE, documentKey: r.document.key, questionnaire };
		else warnings.push('rolling document: the questionnaire annex was not found');
	}

	const draftFile = parsed('chair-draft');
	const draft = draftFile ? interpretChairDraft(draftFile.fileName, draftFile.units) : null;
	if (draft) {
		Object.assign(body(WGEC_2016), draft.body);
		documents.push(draft.document);
		warnings.push(...draft.warnings);
	}

	const later: FileContribution[] = [];
	const guiding = parsed('guiding-questions-contribution');
	if (guiding) later.push(interpretGuidingQuestions(guiding.fileName, guiding.units));
	const joint = parsed('joint-revised-recommendations');
	if (joint) later.push(interpretJointRecommendations(joint.fileName, joint.units));
	const comments = parsed('draft-comments');
	if (comments) later.push(interpretDraftComments(comments.fileName, comments.units));
	if (later.length) body(WGEC_2016);

	const meetingStart = (n: number | null) => (n === null ? null : (body(WGEC_2016).meetings.find((m) => m.number === n)?.startDate ?? null));
	const when = (c: FileContribution) => c.contribution.date ?? meetingStart(c.contribution.meetingNumber) ?? c.targetDraftDate ?? '9999';
	later.sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
	for (const c of later) {
		if (c.targetDraftDate) {
			if (draft && draft.document.date === c.targetDraftDate) c.contribution.targetDocumentKey = draft.document.key;
			else warnings.push(`${c.document.fileName}: comments on the draft of ${c.targetDraftDate}, which is not among the files`);
		}
		c.contribution.position = contributions.filter((x) => x.bodySlug === WGEC_2016).length + 1;
		documents.push(c.document);
		contributions.push(c.contribution);
		warnings.push(...c.warnings);
	}

	const bodyList = [WGEC_2013, WGEC_2016].map((s) => bodies.get(s)).filter((b): b is BodyPlan => b !== undefined);
	const refs: SubmitterRef[] = [
		...bodyList.flatMap((b) => b.roles.flatMap((r) => [r.person, ...(r.organisation ? [r.organisation] : [])])),
		...contributions.flatMap((c) => [...c.submitters, ...(c.onBehalfOf ? [...c.onBehalfOf.persons, ...c.onBehalfOf.organisations] : [])])
	];
	return { bodies: bodyList, organisations: uniqueOrganisations(refs), persons: uniquePersons(refs), documents, contributions, warnings };
}

function uniqueOrganisations(refs: SubmitterRef[]): OrganisationRef[] {
	const seen = new Map<string, OrganisationRef>();
	for (const r of refs) if (r.kind === 'organisation' && !seen.has(r.iso2)) seen.set(r.iso2, r);
	return [...seen.values()].sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1));
}

function uniquePersons(refs: SubmitterRef[]): PersonRef[] {
	const seen = new Map<string, PersonRef>();
	for (const r of refs) {
		if (r.kind !== 'person') continue;
		const known = seen.get(r.name);
		if (!known || (!known.honorific && r.honorific)) seen.set(r.name, r);
	}
	return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
