import { and, eq, gt, gte, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { ANONYMOUS, type Actor } from '../../core/shared/actor';
import type { MembershipRole } from '../../core/shared/vocabulary';
import type { Db, DbOrTx } from '../db/client';
import { memberships, sessions, users } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'plenary_session';
export const SESSION_DAYS = 30;

export interface NewSession {
	token: string;
	expiresAt: Date;
}

/** Opens a session for the account; only the token's hash is stored, the token goes in the cookie. */
export async function createSession(db: DbOrTx, userId: string, now: Date = new Date()): Promise<NewSession> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
	await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
	return { token, expiresAt };
}

/**
 * Opens a fresh session and ends the one the browser came with, if any: signing in always
 * issues a new token, so a token planted in someone's browser before they sign in (session
 * fixation) is worthless afterwards.
 */
export async function rotateSession(db: DbOrTx, userId: string, previousToken: string | null | undefined, now: Date = new Date()): Promise<NewSession> {
	if (previousToken) await deleteSession(db, previousToken);
	return createSession(db, userId, now);
}

/** Ends the session of this token; true when there was one. */
export async function deleteSession(db: DbOrTx, token: string): Promise<boolean> {
	const gone = await db.delete(sessions).where(eq(sessions.id, hashToken(token))).returning({ id: sessions.id });
	return gone.length > 0;
}

/** Ends every session of an account (after its password was reset or changed). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptToken?: string | null): Promise<void> {
	const own = eq(sessions.userId, userId);
	await db.delete(sessions).where(exceptToken ? and(own, ne(sessions.id, hashToken(exceptToken))) : own);
}

/** Whether a session with this token exists (expired or not). */
export async function sessionExists(db: DbOrTx, token: string): Promise<boolean> {
	const [row] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, hashToken(token))).limit(1);
	return Boolean(row);
}

/**
 * The session cookie's attributes: not readable by scripts, sent on top-level navigation from
 * other sites (so links into Plenary keep the reader signed in) but not on their form posts,
 * Secure whenever the site is reached over https, for 30 days.
 */
export function sessionCookieOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		maxAge: SESSION_DAYS * 86_400
	};
}

/** The actor a session cookie stands for, with their memberships; anonymous when none is valid. */
export async function actorForSession(db: Db, token: string | undefined): Promise<{ actor: Actor; sessionId: string | null }> {
	if (!token) return { actor: ANONYMOUS, sessionId: null };
	const id = hashToken(token);
	const [row] = await db
		.select({ user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
		.limit(1);
	if (!row) return { actor: ANONYMOUS, sessionId: null };
	return { actor: await actorForUser(db, row.user), sessionId: id };
}

/**
 * The actor a user is, with the seats they hold today: a seat whose term has not begun or has
 * ended grants nothing.
 */
export async function actorForUser(db: DbOrTx, user: typeof users.$inferSelect, today = new Date().toISOString().slice(0, 10)): Promise<Actor> {
	const seats = user.personId
		? await db
				.select({ bodyId: memberships.bodyId, role: memberships.role, organisationId: memberships.organisationId })
				.from(memberships)
				.where(
					and(
						eq(memberships.personId, user.personId),
						or(isNull(memberships.termStart), lte(memberships.termStart, today)),
						or(isNull(memberships.termEnd), gte(memberships.termEnd, today))
					)
				)
		: [];
	return {
		userId: user.id,
		personId: user.personId,
		email: user.email,
		displayName: user.displayName,
		isAdmin: user.isAdmin,
		memberships: seats.map((s) => ({ bodyId: s.bodyId, role: s.role as MembershipRole, organisationId: s.organisationId }))
	};
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
