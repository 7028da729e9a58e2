/** A framework category as a call declares it. */
export interface FrameworkCategory {
	code: string;
	title: string;
	/** 1-based numbers of the call's guiding questions it covers. */
	questions: number[];
	position: number;
}

/** "Question(s)" in the six languages, and their abbreviations: the word that opens the questions part. */
const QUESTION_WORD = String.raw`(?:questions?|q\.?|preguntas?|p\.?|вопрос(?:ы|ов)?|в\.?|الأسئلة|السؤال|أسئلة|سؤال|问题|問題)`;
/** "and" in the six languages, and the list separators of their scripts. */
const JOIN = String.raw`(?:[,،、，]|\s(?:and|et|y|и|و)\s|和|及)`;
/** Western digits, and the Arabic-Indic and Eastern Arabic-Indic ones an Arabic keyboard types. */
const DIGIT = String.raw`[0-9\u0660-\u0669\u06F0-\u06F9]`;
const NUMBERS = String.raw`(${DIGIT}+(?:\s*${JOIN}\s*${DIGIT}+)*)`;
/**
 * One line of a framework: a code of one to three letters or digits in any script, its title, and
 * optionally the questions it covers in parentheses (half- or full-width), in any of the six
 * languages: "A. … (Questions 2 and 3)", "Б. … (Вопросы 2 и 3)", "甲．…（问题2和3）".
 */
const LINE_RE = new RegExp(String.raw`^([\p{L}\p{N}]{1,3})(?:[.):]\s+|[：．]\s*)(.+?)(?:\s*[(（]${QUESTION_WORD}\s*${NUMBERS}\s*[)）])?\s*[;.。]?$`, 'iu');

/** A number written in any of the digit sets DIGIT allows. */
function westernNumber(digits: string): number {
	return Number([...digits].map((d) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : d >= '\u0660' ? 0x0660 : 0x30)) % 10)).join(''));
}

/**
 * Reads a framework written one category a line: "A. Implementation of the Tunis Agenda
 * (Questions 2 and 3)". Codes are upper-cased and must be unique; the questions part is optional.
 * Returns a catalog key as `problem` for a line it cannot read.
 */
export function readFramework(text: string): { categories: FrameworkCategory[]; problem: string | null } {
	const categories: FrameworkCategory[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line) continue;
		const m = LINE_RE.exec(line);
		if (!m) return { categories, problem: 'contributions.error.frameworkLine' };
		const code = m[1].toUpperCase();
		if (categories.some((c) => c.code === code)) return { categories, problem: 'contributions.error.frameworkDuplicate' };
		const questions = (m[3]?.match(new RegExp(`${DIGIT}+`, 'g')) ?? []).map(westernNumber);
		categories.push({ code, title: m[2].trim(), questions, position: categories.length + 1 });
	}
	if (categories.length > 50) return { categories, problem: 'contributions.error.frameworkLine' };
	return { categories, problem: null };
}

/** Writes a framework back as the form shows it: the inverse of `readFramework`. */
export function writeFramework(categories: readonly Omit<FrameworkCategory, 'position'>[]): string {
	return categories
		.map((c) => {
			const q = c.questions;
			const cites = q.length === 0 ? '' : ` (${q.length === 1 ? 'Question' : 'Questions'} ${q.length === 1 ? q[0] : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`})`;
			return `${c.code}. ${c.title}${cites}`;
		})
		.join('\n');
}
