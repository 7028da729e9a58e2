/**
 * Amendments from an edited copy: align its units with the base version's, diff words within
 * each pair, and derive one amendment per changed, new or removed unit; apply them back.
 */
export { alignUnits, type Alignment } from './align';
export { deriveAmendments } from './derive';
export { applyAmendments, AmendmentMismatch } from './apply';
export { diffWords, type WordChange } from './words';
export { withoutStruck } from './tokens';
export type { Amendment, AmendmentKind, EditedPiece, TrackedSpan } from './types';
