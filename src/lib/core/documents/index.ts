/**
 * The document parser's public surface: one parser for the importer, uploads and amendment
 * derivation (see parse.ts), lossless reproduction, and paragraph numbering.
 */
export { parseDocument } from './parse';
export { reproduce, partitionProblem } from './reproduce';
export { parseNumber, formatNumber, compareNumbers, nextInsertedNumber, followsInSequence, type ParagraphNumber } from './numbering';
export type { ParsedDocument, ParsedUnit, NoteRef, ParseOptions } from './types';
