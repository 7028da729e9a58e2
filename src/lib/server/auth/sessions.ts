import { and, eq, gt, lt } from 'drizzle-orm';
import { ANONYMOUS, type Actor } from '../../core/shared/actor';
import type { MembershipRole } from '../../core/shared/vocabulary';
import type { Db } from '../db/client';
import { memberships, sessions, users } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'plenary_session';
export const SESSION_DAYS = 30;

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
	return { token, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
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

export async function actorForUser(db: Db, user: typeof users.$inferSelect): Promise<Actor> {
	const seats = user.personId
		? await db.select({ bodyId: memberships.bodyId, role: memberships.role }).from(memberships).where(eq(memberships.personId, user.personId))
		: [];
	return {
		userId: user.id,
		personId: user.personId,
		email: user.email,
		displayName: user.displayName,
		isAdmin: user.isAdmin,
		memberships: seats.map((s) => ({ bodyId: s.bodyId, role: s.role as MembershipRole }))
	};
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
