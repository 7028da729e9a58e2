/** A framework category as a call declares it. */
export interface FrameworkCategory {
	code: string;
	title: string;
	/** 1-based numbers of the call's guiding questions it covers. */
	questions: number[];
	position: number;
}

const LINE_RE = /^([A-Za-z0-9]{1,3})[.):]\s+(.+?)(?:\s*\((?:Questions?|Q\.?)\s*([\d,\s]+(?:and\s+\d+)?)\))?\s*[;.]?$/i;

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
		const questions = (m[3]?.match(/\d+/g) ?? []).map(Number);
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
