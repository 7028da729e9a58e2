/**
 * The WGEC 2013 questionnaire, read from the annex of the rolling document that reproduces it
 * ("ANNEX 2: Questionnaire of the UN Commission on Science and Technology for Development (WGEC)")
 * as a questionnaire Plenary can store and put online again.
 *
 * The annex is an export of the online form: one line per question, blank lines between, a
 * "Timestamp" column header first, the consent question, the contact details, the stakeholder
 * category (question 1) with two follow-ups, and questions 2–18. How it is read:
 *
 *  - A line "N. text" starts question N. Any other line starts an unnumbered question, unless the
 *    question before it is unfinished (it does not end with . ? ! or :), in which case the line
 *    continues it: the annex breaks question 8 after "…pertaining to the", and the next line
 *    "Internet and public policy issues…" is the rest of it.
 *  - The question asking leave to cite the respondent ("Do you authorise us…?") is the consent
 *    question; the sentences before its question are the consent statement, kept verbatim.
 *  - The question about the stakeholder category is the stakeholder-group question.
 *  - Other numbered questions are long texts; other unnumbered ones (contact details, the
 *    follow-ups "If non-government, please indicate…") short texts. The follow-ups stay unnumbered,
 *    as printed: a question's number is what the document prints.
 *  - Question 2's "a) Significance b) Purpose c) Scope" stays in its text, as printed: it is part
 *    of what was asked, not guidance about answering.
 *  - Everything before the first long-text question is "About you", the rest "Questions" (our
 *    section titles; the form had none). Consent and stakeholder group are required, the rest not.
 *
 * Dates: the document states none for the questionnaire. It says the first meeting, "in May
 * 2013", was devoted to finalising the questionnaire, and that the analysis of the responses was
 * presented at "the second meeting of the WGEC held on 6-8 November 2013". So the questionnaire
 * opens on the first day after the first meeting's month (1 June 2013) and closes when the
 * second meeting begins (6 November 2013, 00:00 UTC). A text that does not say both (the annex
 * alone) gets those same dates.
 *
 * Example: the annex's lines "8. What are … pertaining to the" and "Internet and public policy
 * issues … resources?" → one long-text question numbered "8" whose text reads "… pertaining to the
 * Internet and public policy issues … resources?".
 */
import { LIMITS, type QuestionnaireInput } from '../questionnaires/questionnaire';
import { dateRanges } from './dates';

/** The slug the imported questionnaire is known by, so a second import finds it. */
export const WGEC_2013_QUESTIONNAIRE = 'wgec-2013-questionnaire';

/** The dates read from the rolling document (see above), for a text that does not state them. */
const DOCUMENTED_PERIOD = { opensAt: new Date('2013-06-01T00:00:00Z'), closesAt: new Date('2013-11-06T00:00:00Z') };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Spaces a Word or PDF export leaves: no-break, figure, narrow no-break, ideographic, tabs. */
const ODD_SPACES = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ANNEX_HEADING = /^ANNEX\s+(?:\d+|[IVX]+)\s*[:.–—-]\s*(.+)$/i;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/;
/** Column headers of the form's export that are not questions. */
const ARTEFACT = /^timestamp$/i;
const FINISHED = /[.?!:…]["'”’)\]]*$/;
const CONSENT = /\b(?:authori[sz]e|consent)\b/i;
const STAKEHOLDER = /\bstakeholder\s+(?:category|group)\b/i;

type Question = QuestionnaireInput['sections'][number]['questions'][number];

/** A table of contents entry: a page number after a tab or dot leaders ("ANNEX 2: Questionnaire …\t21"). */
const TOC_ENTRY = /(?:\t|\.{3,}|…)\s*\d{1,4}\s*$/;

/**
 * The text's lines, trimmed, with line ends, odd spaces and runs of spaces made plain and
 * Markdown emphasis around a line dropped; `toc` marks the table of contents' entries.
 */
function plainLines(text: string): { line: string; toc: boolean }[] {
	return text
		.replace(/^\ufeff/, '')
		.split(/\r\n?|\n/)
		.map((raw) => ({
			line: raw
				.replace(ODD_SPACES, ' ')
				.replace(/ {2,}/g, ' ')
				.trim()
				.replace(/^[#*_\s]+|[*_\s]+$/g, ''),
			toc: TOC_ENTRY.test(raw)
		}));
}

/**
 * The questionnaire in a document's questionnaire annex, in English, ready for
 * `validateQuestionnaire`; null when the text has no such annex or the annex holds no question.
 */
export function readQuestionnaireAnnex(text: string): QuestionnaireInput | null {
	const all = plainLines(text);
	const lines = all.map((l) => l.line);
	const isAnnex = (i: number) => ANNEX_HEADING.test(lines[i]) && !all[i].toc;
	// The last one: a table of contents that escaped `toc` comes before the annexes it lists.
	const start = lines.findLastIndex((line, i) => isAnnex(i) && /\bquestionnaire\b/i.test(line));
	if (start < 0) return null;
	const title = ANNEX_HEADING.exec(lines[start])![1].trim();
	const nextAnnex = lines.findIndex((_, i) => i > start && isAnnex(i));
	const body = lines.slice(start + 1, nextAnnex < 0 ? undefined : nextAnnex).filter((line) => line !== '' && !ARTEFACT.test(line));

	const blocks: { number: string; text: string }[] = [];
	for (const line of body) {
		const numbered = NUMBERED.exec(line);
		const last = blocks.at(-1);
		if (numbered) blocks.push({ number: numbered[1], text: numbered[2] });
		else if (last && !FINISHED.test(last.text)) last.text = `${last.text} ${line}`;
		else blocks.push({ number: '', text: line });
	}
	if (blocks.length === 0) return null;

	let consentStatement = '';
	let hasStakeholder = false;
	const questions: Question[] = blocks.map(({ number, text }) => {
		if (!consentStatement && CONSENT.test(text)) {
			consentStatement = statementBefore(text);
			return { number, kind: 'consent', required: true, text: { en: text } };
		}
		if (!hasStakeholder && STAKEHOLDER.test(text)) {
			hasStakeholder = true;
			return { number, kind: 'stakeholder_group', required: true, text: { en: text } };
		}
		if (number) return { number, kind: 'long_text', required: false, text: { en: text } };
		return { number, kind: 'short_text', required: false, text: { en: text }, maxLength: LIMITS.shortAnswer };
	});

	const firstLong = questions.findIndex((q) => q.kind === 'long_text');
	const aboutYou = firstLong < 0 ? questions : questions.slice(0, firstLong);
	const asked = firstLong < 0 ? [] : questions.slice(firstLong);
	const sections = [
		...(aboutYou.length ? [{ title: { en: 'About you' }, questions: aboutYou }] : []),
		...(asked.length ? [{ title: { en: 'Questions' }, questions: asked }] : [])
	];

	return {
		title: { en: title },
		consentStatement: consentStatement ? { en: consentStatement } : {},
		originalLang: 'en',
		languages: ['en'],
		...questionnairePeriod(lines),
		requiresAccount: false,
		k: 5,
		sections
	};
}

/**
 * The statement a consent question asks about: the sentences before its question sentence.
 * "The information … respondent. Do you authorise us to cite/share your views individually?" →
 * "The information … respondent."; a line that is only a question is its own statement.
 */
function statementBefore(text: string): string {
	const m = /^(.*[.!])\s+([^.!?]*\?)$/s.exec(text);
	return (m ? m[1] : text).trim();
}

/** When the questionnaire was open, from what the document says of the meetings around it (see the file's comment). */
function questionnairePeriod(lines: readonly string[]): { opensAt: Date; closesAt: Date } {
	const all = lines.join('\n');
	const first = /\bfirst meeting in (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/i.exec(all);
	const analysed = lines.find((line) => /responses to the questionnaire/i.test(line) && /\bmeeting of the \w+ held on\b/i.test(line));
	const presented = analysed ? dateRanges(analysed.slice(analysed.search(/\bheld on\b/i)))[0] : undefined;
	if (!first || !presented) return DOCUMENTED_PERIOD;
	const month = MONTHS.indexOf(first[1].toLowerCase());
	const opensAt = new Date(Date.UTC(Number(first[2]), month + 1, 1));
	const closesAt = new Date(`${presented.start}T00:00:00Z`);
	return closesAt.getTime() > opensAt.getTime() ? { opensAt, closesAt } : DOCUMENTED_PERIOD;
}
