/**
 * The answering pages, by account (`/{lang}/questionnaires/{slug}/answer`) and by private link
 * (`…/r/{token}`): one section per page (`?section=N`, 0-based, then `?section=review`), each
 * "save" posting that section's answers. The form's fields are `q-{questionId}` (text, or option
 * codes, repeated), `questions` (the ids the form showed, so that an unticked box clears its
 * answer), `section`, and on the section with the consent question `respondentName` and
 * `respondentOrganisation`. A visitor's first save creates the private link and moves to it.
 *
 * These pages carry the private link's token in their address: they are never cached, and their
 * address is never sent to another site as a referrer. ("same-origin" rather than "no-referrer":
 * with no referrer at all a browser sends its form posts with `Origin: null`, which the forgery
 * check rightly refuses.)
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AnswerInput, CleanAnswer } from '../../core/questionnaires/questionnaire';
import type { Locale } from '../../i18n/locales';
import { saveResponse } from '../actions/responses';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db/client';
import type { FieldProblems } from '../forms';
import { answersOfResponse, findResponseByTokenHash, findResponseOfUser, type ResponseRow } from '../repositories/responses';
import type { QuestionnaireRow, QuestionnaireStructure } from '../repositories/questionnaires';
import { questionnaireOr404 } from './page';
import { presentQuestionnaire } from './present';

/** Headers of every answering page and post: the address may hold a private link. */
export const PRIVATE_PAGE_HEADERS = { 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The answering page's address for a respondent: their private link, or the account's page. */
export const answerBase = (locale: string, slug: string, token: string | null) => `/${locale}/questionnaires/${slug}/${token ? `r/${token}` : 'answer'}`;

/** The response a request answers: by private link (404 when unknown), else the account's. */
async function responseOf(d: Db, questionnaire: QuestionnaireRow, event: Pick<RequestEvent, 'locals'>, token: string | null): Promise<ResponseRow | undefined> {
	if (token !== null) {
		const found = TOKEN.test(token) ? await findResponseByTokenHash(d, questionnaire.id, hashToken(token)) : undefined;
		if (!found) error(404, 'Not found');
		return found;
	}
	return event.locals.actor.userId ? findResponseOfUser(d, questionnaire.id, event.locals.actor.userId) : undefined;
}

/** Which page of the form: a section's index, or the review before submitting. */
function sectionOf(raw: string | null, count: number): number | 'review' {
	if (raw === 'review') return 'review';
	const n = Number.parseInt(raw ?? '0', 10);
	return Number.isInteger(n) && n >= 0 && n < count ? n : 0;
}

export async function loadAnswerPage(d: Db, event: Pick<RequestEvent, 'locals' | 'url' | 'setHeaders'>, slug: string, token: string | null) {
	event.setHeaders(PRIVATE_PAGE_HEADERS);
	const { questionnaire, body, structure } = await questionnaireOr404(d, slug, event.locals.actor);
	const locale = event.locals.locale as Locale;
	const response = await responseOf(d, questionnaire, event, token);
	const view = presentQuestionnaire(questionnaire, structure, locale);
	const stored: Map<string, CleanAnswer> = response ? await answersOfResponse(d, response.id) : new Map();
	return {
		questionnaire: view,
		body: { slug: body.slug, shortName: body.shortName, lang: body.lang },
		section: sectionOf(event.url.searchParams.get('section'), structure.sections.length),
		base: answerBase(locale, questionnaire.slug, token),
		privateLink: token !== null,
		/** Shown once, right after the first save made it: the visitor must keep it. */
		newLink: token !== null && event.url.searchParams.get('link') === 'new',
		signInNeeded: questionnaire.requiresAccount && !event.locals.actor.userId && token === null,
		answers: Object.fromEntries([...stored].map(([id, a]) => [id, { text: a.text ?? '', choices: a.choices }])),
		response: response
			? { status: response.status, submittedAt: response.submittedAt?.toISOString() ?? null, respondentName: response.respondentName, respondentOrganisation: response.respondentOrganisation }
			: null
	};
}

/** The answers a section's form posted, by question id, for the questions it says it showed. */
export function answersOfForm(form: FormData, structure: QuestionnaireStructure): Map<string, AnswerInput> {
	const shown = new Set(form.getAll('questions').filter((v): v is string => typeof v === 'string'));
	const out = new Map<string, AnswerInput>();
	for (const q of structure.questions) {
		if (!shown.has(q.id)) continue;
		const values = form.getAll(`q-${q.id}`).filter((v): v is string => typeof v === 'string');
		if (q.kind === 'long_text' || q.kind === 'short_text') out.set(q.id, { text: values[0] ?? '' });
		else out.set(q.id, { choices: values });
	}
	return out;
}

/** What the form posted, to show again after a refusal: nothing typed is lost. */
function typedValues(answers: Map<string, AnswerInput>): Record<string, { text: string; choices: string[] }> {
	return Object.fromEntries([...answers].map(([id, a]) => [id, { text: a.text ?? '', choices: [...(a.choices ?? [])] }]));
}

/**
 * Saves a section (and with `submit`, submits the response), then moves on: to the next section,
 * the review, or the receipt. An autosave (`autosave=1`) answers with data instead of moving.
 */
export async function postAnswers(d: Db, event: RequestEvent, slug: string, token: string | null, submit: boolean) {
	event.setHeaders(PRIVATE_PAGE_HEADERS);
	const { questionnaire, structure } = await questionnaireOr404(d, slug, event.locals.actor);
	const locale = event.locals.locale;
	const form = await event.request.formData().catch(() => null);
	if (!form) return fail(400, { problems: { _form: { key: 'common.invalid' } } as FieldProblems, typed: {} });
	if (token !== null && !TOKEN.test(token)) error(404, 'Not found');
	const answers = answersOfForm(form, structure);
	const text = (name: string) => (form.has(name) ? String(form.get(name) ?? '') : undefined);
	let clientAddress: string | null = null;
	try {
		clientAddress = event.getClientAddress();
	} catch {
		clientAddress = null;
	}
	const result = await saveResponse(
		d,
		questionnaire.id,
		{ actor: event.locals.actor, token, clientAddress },
		{ answers, lang: locale, respondentName: text('respondentName'), respondentOrganisation: text('respondentOrganisation') },
		{ submit }
	);
	const typed = typedValues(answers);
	if (!result.ok) {
		switch (result.error) {
			case 'not_found':
				error(404, 'Not found');
			case 'forbidden':
				error(403, 'Forbidden');
			case 'closed':
				return fail(409, { problems: { _form: { key: 'questionnaires.answer.closed' } } as FieldProblems, typed });
			case 'rate_limited':
				return fail(429, { problems: { _form: { key: 'questionnaires.answer.rateLimited', values: { minutes: Number(result.detail?.retryAfterMinutes ?? 60) } } } as FieldProblems, typed });
			case 'conflict':
				return fail(409, { problems: { _form: { key: 'common.conflict' } } as FieldProblems, typed });
			default: {
				const found = (result.detail?.problems ?? {}) as Record<string, { key: string; values?: Record<string, string | number> }>;
				const problems: FieldProblems = {};
				for (const [id, p] of Object.entries(found)) problems[id.startsWith('respondent') ? id : `q-${id}`] = p as FieldProblems[string];
				return fail(400, { problems, typed });
			}
		}
	}
	const base = answerBase(locale, questionnaire.slug, result.value.token ?? token);
	if (form.get('autosave') === '1') return { autosaved: new Date().toISOString(), link: result.value.token ? `${base}?link=new` : null };
	const at = Number.parseInt(String(form.get('section') ?? '0'), 10);
	const next = submit ? 'review&submitted=1' : Number.isInteger(at) && at + 1 < structure.sections.length ? String(at + 1) : 'review';
	redirect(303, `${base}?section=${next}${result.value.token ? '&link=new' : ''}`);
}
