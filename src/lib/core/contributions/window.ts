/** Where a call stands at a moment: not yet open, open, or closed. */
export type CallPhase = 'upcoming' | 'open' | 'closed';

/** The phase of a call at `now`: open from its opening instant up to (not including) its closing one. */
export function callPhase(call: { opensAt: Date; closesAt: Date }, now: Date): CallPhase {
	if (now.getTime() < call.opensAt.getTime()) return 'upcoming';
	if (now.getTime() < call.closesAt.getTime()) return 'open';
	return 'closed';
}
