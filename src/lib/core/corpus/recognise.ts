/**
 * Which WGEC document a text is, judged by its content (file names are only a tie-breaker for
 * the order of warnings): each kind has phrases its title page carries.
 *
 * Example: a text containing "Proposals of Draft Recommendations" and "Rolling Document" is the
 * 2013–2014 rolling compilation, whatever the file is called.
 */
export type CorpusFileKind = 'rolling-compilation' | 'chair-draft' | 'draft-comments' | 'guiding-questions-contribution' | 'joint-revised-recommendations';

// Each phrase must open a line (after Markdown marks), as a title does: a README that quotes
// the titles in a table is not one of the documents.
const SIGNATURES: { kind: CorpusFileKind; all: RegExp[] }[] = [
	{ kind: 'draft-comments', all: [/^[\s*#]*Comments to the Chairman.s initial proposal of \d{1,2} \w+ \d{4}/im] },
	{ kind: 'rolling-compilation', all: [/^[\s*#]*Proposals of Draft Recommendations\s*$/im, /^[\s*#]*Rolling Document\s*$/im] },
	{ kind: 'chair-draft', all: [/^\s*DRAFT REPORT OF THE WORKING GROUP ON ENHANCED\s+COOPERATION/m, /^\s*Chairman.s initial proposal of \d{1,2} \w+ \d{4}/im] },
	{ kind: 'guiding-questions-contribution', all: [/^[\s*#]*Contribution to the guiding questions/im] },
	{ kind: 'joint-revised-recommendations', all: [/^[\s*#]*Revised recommendations submitted in preparation for the \d+(?:st|nd|rd|th) WGEC\s+meeting/im] }
];

/** The kind of WGEC document `text` is, or null when it is none of the five. */
export function recogniseCorpusFile(text: string): CorpusFileKind | null {
	const head = text.slice(0, 3000);
	for (const s of SIGNATURES) if (s.all.every((re) => re.test(head))) return s.kind;
	return null;
}
