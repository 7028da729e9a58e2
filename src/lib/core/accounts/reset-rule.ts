/**
 * A password-reset link works once, within an hour of being asked for. Only the token's hash is
 * stored, so a copy of the database does not hand out working links.
 */
export const RESET_TTL_MINUTES = 60;
export const RESET_TTL_MS = RESET_TTL_MINUTES * 60_000;
/** At most this many links per account and hour, so nobody can flood someone's mailbox. */
export const MAX_RESETS_PER_HOUR = 3;

export interface ResetRecord {
	expiresAt: Date;
	usedAt: Date | null;
}

export type ResetStatus = 'usable' | 'used' | 'expired' | 'unknown';

/** What a presented token is worth: unknown (never issued, or forged), used, expired or usable. */
export function resetStatus(record: ResetRecord | null | undefined, now: Date): ResetStatus {
	if (!record) return 'unknown';
	if (record.usedAt) return 'used';
	if (record.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'usable';
}

/** When a link asked for at `now` stops working. */
export function resetExpiry(now: Date): Date {
	return new Date(now.getTime() + RESET_TTL_MS);
}
