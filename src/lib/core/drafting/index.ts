/**
 * Drafting: versions of a draft with stable keys, amendments against a version, and what follows
 * from them — conflicts, the next version composed, renumbering, the tracked-changes view, the
 * comparison of two versions, and amendments carried forward to a newer version.
 */
export { wordEdits, applyWordEdits, editsOverlap } from './edits';
export { findConflicts, ConflictingAmendments } from './conflicts';
export { composeVersion } from './compose';
export { renumberText } from './renumber';
export { carryKeys, versionUnits, VersionMismatch, type KeyedUnit } from './keys';
export { trackChanges } from './tracked';
export { compareVersions } from './compare';
export { carryForward } from './carry';
export { wordSegments } from './segments';
export { AmendmentMismatch } from '../amendments/apply';
export type { VersionText, DraftAmendment, DraftAmendmentKind, WordEdit, Conflict, Segment, TrackedUnit, CompareRow, ComposedVersion, CarryResult } from './types';
