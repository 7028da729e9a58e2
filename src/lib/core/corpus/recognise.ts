/**
 * Which WGEC document a text is, judged by its content (file names are only a tie-breaker for
 * the order of warnings): each kind has phrases its title page carries.
 *
 * Example: a text containing "Proposals of Draft Recommendations" and "Rolling Document" is the
 * 2013–2014 rolling compilation, whatever the file is called.
 */
export type CorpusFileKind = 'rolling-compilation' | 'chair-draft' | 'draft-comments' | 'guiding-questions-contribution' | 'joint-revised-recommendations';

const SIGNATURES: { kind: CorpusFileKind; all: RegExp[] }[] = [
	{ kind: 'draft-comments', all: [/Comments to the Chairman.s initial proposal/i] },
	{ kind: 'rolling-compilation', all: [/Proposals of Draft Recommendations/i, /Rolling Document/i] },
	{ kind: 'chair-draft', all: [/DRAFT REPORT OF THE WORKING GROUP ON ENHANCED\s+COOPERATION/i, /initial proposal of \d{1,2} \w+ \d{4}/i] },
	{ kind: 'guiding-questions-contribution', all: [/Contribution to the guiding questions/i] },
	{ kind: 'joint-revised-recommendations', all: [/Revised recommendations submitted in preparation for the \d+(?:st|nd|rd|th) WGEC\s+meeting/i] }
];

/** The kind of WGEC document `text` is, or null when it is none of the five. */
export function recogniseCorpusFile(text: string): CorpusFileKind | null {
	const head = text.slice(0, 3000);
	for (const s of SIGNATURES) if (s.all.every((re) => re.test(head))) return s.kind;
	return null;
}
