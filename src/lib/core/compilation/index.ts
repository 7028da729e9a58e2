/**
 * The rolling compilation of a call: a pure generator from the call, its framework and its
 * contributions to structured text and a table of contents, and the reader of that table of
 * contents from a stored compilation's units. See docs/compilation.md.
 */
export { compileCall, compileCallWithUnits } from './compile';
export { tocOf } from './toc';
export { submissionHeading, formatDate, joinList } from './headings';
export { planCompilation, isShown, compareContributions, type CompilationPlan, type CompilationPart, type CompilationSection } from './select';
export { wordingFor, WORDING, type CompilationWording } from './wording';
export type {
	CompilationInput,
	CompilationCategory,
	CompilationContribution,
	CompilationItem,
	CompiledCall,
	TocEntry,
	TocEntryKind,
	StoredTocEntry,
	TocUnit
} from './types';
