import { QuestionnaireRecord, QuestionnaireResponseRecord } from '../../core/api/records';
import { textIn } from '../../core/questionnaires/questionnaire';
import type { CitedResponseData, QuestionnaireData } from '../repositories/open-data-questionnaires';

/** The texts people wrote in each language, blank ones left out. */
const translations = (text: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(text).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));

/** A questionnaire as the open-data API shows it, texts in its original language with their translations. */
export function presentQuestionnaire(data: QuestionnaireData): QuestionnaireRecord {
	const q = data.questionnaire;
	const original = (text: Partial<Record<string, string>>) => textIn(text, q.originalLang, q.originalLang).text;
	return QuestionnaireRecord.parse({
		id: q.id,
		slug: q.slug,
		body: data.bodySlug,
		title: original(q.title),
		consentStatement: original(q.consentStatement),
		originalLang: q.originalLang,
		languages: q.languages,
		opensAt: q.opensAt.toISOString(),
		closesAt: q.closesAt.toISOString(),
		requiresAccount: q.requiresAccount,
		k: q.k,
		submittedResponses: data.submittedResponses,
		citableResponses: data.citableResponses,
		questions: data.questions.map((x) => ({
			id: x.id,
			section: x.section,
			number: x.number,
			kind: x.kind,
			required: x.required,
			text: original(x.text),
			translations: translations(x.text),
			options: x.options.map((o) => o.code)
		}))
	});
}

/** A cited response: only ever built from a response read under `citable()`. */
export function presentCitedResponse(data: CitedResponseData): QuestionnaireResponseRecord {
	return QuestionnaireResponseRecord.parse({
		id: data.id,
		questionnaire: data.questionnaireSlug,
		respondentName: data.respondentName,
		respondentOrganisation: data.respondentOrganisation,
		stakeholderGroup: data.stakeholderGroup,
		country: data.countryIso2,
		lang: data.lang,
		submittedAt: data.submittedAt.toISOString(),
		answers: data.answers.map((a) => ({ questionId: a.questionId, question: a.number || `#${a.position + 1}`, text: a.text, choices: a.choices }))
	});
}
