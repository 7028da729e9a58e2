import type { Actor } from '../../core/shared/actor';
import type { Result } from '../../core/shared/result';
import type { Db } from '../db/client';
import { writeCompilation, type Generation } from '../compilations/generate';
import { findCallById } from '../repositories/calls';
import { perform, type ActionError } from './perform';

/**
 * The secretariat generates the compilation of a call: the next version of its compilation
 * document, published at once, unless nothing changed since the latest. See
 * docs/actions/generateCompilation.md.
 */
export async function generateCompilation(db: Db, actor: Actor, callId: string): Promise<Result<Generation, ActionError>> {
	return perform(
		db,
		actor,
		'compilation.generate',
		async (tx) => {
			const call = await findCallById(tx, callId);
			return call ? { bodyId: call.bodyId } : null;
		},
		async (tx) => {
			const call = (await findCallById(tx, callId))!;
			const g = await writeCompilation(tx, call, actor.userId);
			return {
				value: g,
				audit: {
					action: 'compilation.generate',
					entityType: 'document',
					entityId: g.documentId,
					summary: g.created ? `Compilation of "${call.title}" generated as version ${g.version.number} (${g.entries} entries)` : `Compilation of "${call.title}" unchanged since version ${g.version.number}`
				}
			};
		}
	);
}
