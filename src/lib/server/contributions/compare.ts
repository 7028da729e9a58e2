import { parseDocument } from '../../core/documents/index';
import { carryKeys, compareVersions, versionUnits, type CompareRow } from '../../core/drafting/index';

/**
 * Two revisions of a contribution compared unit by unit and word by word, as the drafts'
 * versions are: the earlier text keeps the keys its parse gives, and the later one's units carry
 * them over where they align (same words, same place, or similar words), so a paragraph that was
 * reworded or renumbered is shown as changed rather than as deleted and inserted.
 */
export function compareRevisionTexts(before: string, after: string): CompareRow[] {
	const a = { text: before, keys: parseDocument(before).units.map((u) => u.key) };
	const b = { text: after, keys: carryKeys(versionUnits(a), parseDocument(after).units) };
	return compareVersions(a, b);
}
