import type { DbOrTx } from '../db/client';
import { insertAmendment, nextAmendmentNumber, type AmendmentRow } from '../repositories/amendments';
import type { UnitRow } from '../repositories/versions';
import { checkAmendment } from './validate-amendment';

type Proposal = Parameters<typeof checkAmendment>[0];
type Recorded = Omit<Parameters<typeof insertAmendment>[1], 'documentId' | 'versionId' | 'proposedOnVersionId' | 'number' | keyof ReturnType<typeof checkAmendment>>;

/**
 * Saves one proposal against a version, checked against its units (an invalid one throws
 * `ActionFailure('invalid')`), under the document's next number, in its proposers' names. The one
 * way an amendment is written: by a delegation's command and by the corpus import alike.
 */
export async function storeAmendment(
	tx: DbOrTx,
	on: { documentId: string; versionId: string; units: readonly UnitRow[] },
	proposal: Proposal,
	proposers: readonly string[],
	recorded: Recorded
): Promise<AmendmentRow> {
	const checked = checkAmendment(proposal, on.units);
	const number = await nextAmendmentNumber(tx, on.documentId);
	return insertAmendment(tx, { ...recorded, documentId: on.documentId, versionId: on.versionId, proposedOnVersionId: on.versionId, number, ...checked }, proposers);
}
