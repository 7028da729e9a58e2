import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createServer } from 'node:net';
import { databaseKinds, freshDatabase } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import type { Database, Db } from '../../src/lib/server/db/client';
import { auditEvents, outbox, passwordResets, persons, sessions, users } from '../../src/lib/server/db/schema';
import { registerUser } from '../../src/lib/server/auth/register';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { signOut } from '../../src/lib/server/auth/sign-out';
import { changePassword } from '../../src/lib/server/auth/change-password';
import { passwordResetStatus, requestPasswordReset, resetPassword } from '../../src/lib/server/auth/password-reset';
import { createAdministrator } from '../../src/lib/server/auth/administrators';
import { actorForSession, sessionExists } from '../../src/lib/server/auth/sessions';
import { createMailer, MailDeliveryError } from '../../src/lib/server/mail';
import { OutboxMailer } from '../../src/lib/server/mail/outbox-mailer';
import { SmtpMailer } from '../../src/lib/server/mail/smtp-mailer';
import { findOutboxMessage, outboxMessagesTo } from '../../src/lib/server/repositories/outbox';

const PASSWORD = 'correct horse battery';
const ORIGIN = 'https://plenary.example';

async function counts(db: Db) {
	const [[u], [p], [a], [s]] = await Promise.all([
		db.select({ n: count() }).from(users),
		db.select({ n: count() }).from(persons),
		db.select({ n: count() }).from(auditEvents),
		db.select({ n: count() }).from(sessions)
	]);
	return { users: Number(u.n), persons: Number(p.n), audit: Number(a.n), sessions: Number(s.n) };
}

/** The token of the reset link in the newest message to `email`. */
async function linkTokenFor(db: Db, email: string): Promise<string> {
	const [msg] = await outboxMessagesTo(db, email);
	const m = msg.text.match(/https:\/\/plenary\.example\/en\/reset-password\/([A-Za-z0-9_-]+)/);
	if (!m) throw new Error(`no link in: ${msg.text}`);
	return m[1];
}

describe.each(databaseKinds())('accounts on %s', (kind) => {
	let d: Database;
	let db: Db;
	beforeAll(async () => {
		d = await freshDatabase(kind);
		db = d.db;
	});
	afterAll(async () => {
		await d?.close();
	});

	describe('registration', () => {
		it('creates the account, its person, a session and an audit event without the password', async () => {
			const r = await registerUser(db, { name: ' Ana Pérez ', email: ' Ana.Perez@Example.ORG ', password: PASSWORD, locale: 'fr' });
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			const [user] = await db.select().from(users).where(eq(users.id, r.value.userId));
			expect(user.email).toBe('ana.perez@example.org');
			expect(user.displayName).toBe('Ana Pérez');
			expect(user.personId).toBe(r.value.personId);
			expect(user.isAdmin).toBe(false);
			expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
			expect(user.passwordHash).not.toContain(PASSWORD);
			const [person] = await db.select().from(persons).where(eq(persons.id, r.value.personId));
			expect(person.slug).toBe('ana-perez');
			expect(person.name).toBe('Ana Pérez');
			// Registration signs the person in.
			const { actor } = await actorForSession(db, r.value.session.token);
			expect(actor.userId).toBe(user.id);
			const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
			expect(events.map((e) => e.action)).toEqual(['user.register']);
			expect(events[0].actorUserId).toBe(user.id);
			const logged = JSON.stringify(events);
			expect(logged).not.toContain(PASSWORD);
			expect(logged).not.toContain('$argon2');
		});

		it('refuses a registered e-mail address, however it is written, and changes nothing', async () => {
			const before = await counts(db);
			const r = await registerUser(db, { name: 'Someone Else', email: 'ANA.PEREZ@example.org  ', password: 'another password' });
			expect(r).toMatchObject({ ok: false, error: 'email_taken' });
			expect(await counts(db)).toEqual(before);
			// The first account's password still works: it was not overwritten.
			expect((await signIn(db, { email: 'ana.perez@example.org', password: PASSWORD })).ok).toBe(true);
		});

		it('refuses invalid input without touching the database', async () => {
			const before = await counts(db);
			const r = await registerUser(db, { name: 'x'.repeat(201), email: 'nobody@example.org', password: 'short' });
			expect(r).toMatchObject({ ok: false, error: 'invalid', detail: { problems: { name: 'too_big', password: 'auth.password.tooShort' } } });
			expect(await counts(db)).toEqual(before);
		});

		it('numbers the person slug when the name is taken', async () => {
			const r = await registerUser(db, { name: 'Ana Perez', email: 'ana2@example.org', password: PASSWORD });
			expect(r.ok && r.value.personSlug).toBe('ana-perez-2');
		});

		it('lets only one of two simultaneous registrations of one address through', async () => {
			const [a, b] = await Promise.all([
				registerUser(db, { name: 'Twin', email: 'twin@example.org', password: PASSWORD }),
				registerUser(db, { name: 'Twin', email: 'twin@example.org', password: PASSWORD })
			]);
			expect([a.ok, b.ok].sort()).toEqual([false, true]);
			expect([a, b].find((r) => !r.ok)).toMatchObject({ error: 'email_taken' });
			const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.email, 'twin@example.org'));
			expect(Number(n)).toBe(1);
		});

		it('gives simultaneous namesakes different slugs', async () => {
			const rs = await Promise.all([1, 2, 3].map((i) => registerUser(db, { name: 'Same Name', email: `same${i}@example.org`, password: PASSWORD })));
			expect(rs.every((r) => r.ok)).toBe(true);
			const slugs = rs.map((r) => (r.ok ? r.value.personSlug : '')).sort();
			expect(slugs).toEqual(['same-name', 'same-name-2', 'same-name-3']);
		});
	});

	describe('sign-in and sign-out', () => {
		beforeAll(async () => {
			await registerUser(db, { name: 'Bo Li', email: 'bo@example.org', password: PASSWORD });
		});

		it('refuses a wrong password and an unknown address alike', async () => {
			expect(await signIn(db, { email: 'bo@example.org', password: 'wrong password' })).toMatchObject({ ok: false, error: 'invalid_credentials' });
			expect(await signIn(db, { email: 'nobody@example.org', password: PASSWORD })).toMatchObject({ ok: false, error: 'invalid_credentials' });
		});

		it('signs in with the right password, whatever the case of the address, and rotates the session', async () => {
			const first = await signIn(db, { email: ' BO@example.org', password: PASSWORD });
			expect(first.ok).toBe(true);
			if (!first.ok) return;
			const second = await signIn(db, { email: 'bo@example.org', password: PASSWORD, previousToken: first.value.session.token });
			expect(second.ok).toBe(true);
			if (!second.ok) return;
			expect(second.value.session.token).not.toBe(first.value.session.token);
			expect(await sessionExists(db, first.value.session.token)).toBe(false);
			expect(await sessionExists(db, second.value.session.token)).toBe(true);
			expect(second.value.session.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
		});

		it('sign-out deletes the session', async () => {
			const r = await signIn(db, { email: 'bo@example.org', password: PASSWORD });
			if (!r.ok) throw new Error('sign-in failed');
			expect((await actorForSession(db, r.value.session.token)).actor.userId).toBe(r.value.userId);
			expect(await signOut(db, r.value.session.token)).toEqual({ ok: true, value: { ended: true } });
			expect(await sessionExists(db, r.value.session.token)).toBe(false);
			expect((await actorForSession(db, r.value.session.token)).actor.userId).toBeNull();
			expect(await signOut(db, r.value.session.token)).toEqual({ ok: true, value: { ended: false } });
		});
	});

	describe('throttling', () => {
		const t0 = new Date('2030-01-01T10:00:00Z');
		const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

		beforeAll(async () => {
			await registerUser(db, { name: 'Cy Guess', email: 'cy@example.org', password: PASSWORD });
			await registerUser(db, { name: 'Di Other', email: 'di@example.org', password: PASSWORD });
		});

		it('after 5 failures for one e-mail refuses even the right password, then lets it through after 15 minutes', async () => {
			for (let i = 0; i < 5; i++) {
				const r = await signIn(db, { email: 'cy@example.org', password: `wrong ${i}`, clientAddress: `10.0.0.${i}`, now: later(i) });
				expect(r).toMatchObject({ ok: false, error: 'invalid_credentials' });
			}
			const sessionsBefore = (await counts(db)).sessions;
			const locked = await signIn(db, { email: 'cy@example.org', password: PASSWORD, clientAddress: '10.0.0.99', now: later(5) });
			expect(locked).toMatchObject({ ok: false, error: 'throttled', detail: { retryAfterMinutes: 14 } });
			expect((await counts(db)).sessions).toBe(sessionsBefore);
			// A refused attempt does not extend the lock.
			expect(await signIn(db, { email: 'cy@example.org', password: 'wrong', now: later(18) })).toMatchObject({ error: 'throttled', detail: { retryAfterMinutes: 1 } });
			expect((await signIn(db, { email: 'cy@example.org', password: PASSWORD, now: later(19) })).ok).toBe(true);
		});

		it('a success resets the count', async () => {
			for (let i = 0; i < 4; i++) await signIn(db, { email: 'cy@example.org', password: 'wrong', clientAddress: '10.1.1.1', now: later(30 + i) });
			expect((await signIn(db, { email: 'cy@example.org', password: PASSWORD, clientAddress: '10.1.1.1', now: later(35) })).ok).toBe(true);
			for (let i = 0; i < 4; i++) {
				expect(await signIn(db, { email: 'cy@example.org', password: 'wrong', clientAddress: '10.1.1.1', now: later(36 + i) })).toMatchObject({ error: 'invalid_credentials' });
			}
			expect((await signIn(db, { email: 'cy@example.org', password: PASSWORD, clientAddress: '10.1.1.1', now: later(41) })).ok).toBe(true);
		});

		it('tolerates a shared address’s typos, but after 50 failures from one address refuses it for any account, not others', async () => {
			// A meeting room behind one address: a few people mistyping does not lock the others out.
			for (let i = 0; i < 5; i++) await signIn(db, { email: `typo${i}@example.org`, password: 'guess', clientAddress: '192.0.2.7', now: later(60) });
			expect((await signIn(db, { email: 'di@example.org', password: PASSWORD, clientAddress: '192.0.2.7', now: later(60) })).ok).toBe(true);
			// One machine spraying guesses across many accounts is stopped.
			for (let i = 0; i < 50; i++) await signIn(db, { email: `spray${i}@example.org`, password: 'guess', clientAddress: '192.0.2.9', now: later(61) });
			expect(await signIn(db, { email: 'di@example.org', password: PASSWORD, clientAddress: '192.0.2.9', now: later(62) })).toMatchObject({
				ok: false,
				error: 'throttled',
				detail: { retryAfterMinutes: 14 }
			});
			expect((await signIn(db, { email: 'di@example.org', password: PASSWORD, clientAddress: '192.0.2.8', now: later(62) })).ok).toBe(true);
		});

		it('counts failures from concurrent guesses exactly', async () => {
			await Promise.all(
				[0, 1, 2, 3, 4].map((i) => signIn(db, { email: 'di@example.org', password: `wrong ${i}`, clientAddress: `198.51.100.${i}`, now: later(120) }))
			);
			expect(await signIn(db, { email: 'di@example.org', password: PASSWORD, now: later(121) })).toMatchObject({ error: 'throttled' });
		});
	});

	describe('password reset', () => {
		let mailer: OutboxMailer;
		beforeAll(async () => {
			mailer = new OutboxMailer(db);
			await registerUser(db, { name: 'Eve Reset', email: 'eve@example.org', password: PASSWORD });
		});

		it('answers alike for an unknown address, and sends nothing', async () => {
			const [before] = await db.select({ n: count() }).from(outbox);
			expect(await requestPasswordReset(db, mailer, { email: 'nobody@example.org', locale: 'en', origin: ORIGIN })).toEqual({ ok: true, value: { mailed: false } });
			const [after] = await db.select({ n: count() }).from(outbox);
			expect(Number(after.n)).toBe(Number(before.n));
		});

		it('writes one outbox message with a link that works once', async () => {
			const signedIn = await signIn(db, { email: 'eve@example.org', password: PASSWORD });
			expect(await requestPasswordReset(db, mailer, { email: ' EVE@example.org', locale: 'en', origin: `${ORIGIN}/` })).toEqual({ ok: true, value: { mailed: true } });
			const mail = await outboxMessagesTo(db, 'eve@example.org');
			expect(mail).toHaveLength(1);
			expect(mail[0]).toMatchObject({ transport: 'outbox', error: null, subject: 'Reset your Plenary password' });
			expect(mail[0].sentAt).not.toBeNull();
			expect(mail[0].text).toContain('Hello Eve Reset');
			const token = await linkTokenFor(db, 'eve@example.org');
			// Only the hash is stored.
			const stored = await db.select().from(passwordResets);
			expect(JSON.stringify(stored)).not.toContain(token);

			expect(await passwordResetStatus(db, token)).toBe('usable');
			expect(await resetPassword(db, { token, password: 'short' })).toMatchObject({ ok: false, error: 'invalid' });
			const done = await resetPassword(db, { token, password: 'a brand new password' });
			expect(done).toMatchObject({ ok: true, value: { email: 'eve@example.org' } });
			expect(await passwordResetStatus(db, token)).toBe('used');
			expect(await resetPassword(db, { token, password: 'yet another password' })).toMatchObject({ ok: false, error: 'used_token' });

			// The new password works, the old one does not, and old sessions are gone.
			expect(await signIn(db, { email: 'eve@example.org', password: PASSWORD })).toMatchObject({ error: 'invalid_credentials' });
			expect((await signIn(db, { email: 'eve@example.org', password: 'a brand new password' })).ok).toBe(true);
			if (signedIn.ok) expect(await sessionExists(db, signedIn.value.session.token)).toBe(false);

			const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.resetPassword'));
			expect(events).toHaveLength(1);
			expect(JSON.stringify(events)).not.toMatch(/brand new|argon2/);
		});

		it('refuses a forged token and an expired one', async () => {
			expect(await resetPassword(db, { token: 'forged-token-that-was-never-issued', password: 'a brand new password' })).toMatchObject({ ok: false, error: 'unknown_token' });
			expect(await passwordResetStatus(db, 'forged')).toBe('unknown');

			const asked = new Date(Date.now() - 61 * 60_000);
			await requestPasswordReset(db, mailer, { email: 'eve@example.org', locale: 'en', origin: ORIGIN, now: asked });
			const token = await linkTokenFor(db, 'eve@example.org');
			expect(await passwordResetStatus(db, token)).toBe('expired');
			expect(await resetPassword(db, { token, password: 'expired link password' })).toMatchObject({ ok: false, error: 'expired_token' });
			expect((await signIn(db, { email: 'eve@example.org', password: 'a brand new password' })).ok).toBe(true);
		});

		it('sends at most three links an hour to one account', async () => {
			await registerUser(db, { name: 'Flo Flood', email: 'flo@example.org', password: PASSWORD });
			const results = [];
			for (let i = 0; i < 5; i++) results.push(await requestPasswordReset(db, mailer, { email: 'flo@example.org', locale: 'en', origin: ORIGIN }));
			expect(results.map((r) => r.ok && r.value.mailed)).toEqual([true, true, true, false, false]);
			expect(await outboxMessagesTo(db, 'flo@example.org')).toHaveLength(3);
		});

		it('a reset forgets the failed sign-ins of the account', async () => {
			await registerUser(db, { name: 'Gil Locked', email: 'gil@example.org', password: PASSWORD });
			for (let i = 0; i < 5; i++) await signIn(db, { email: 'gil@example.org', password: 'wrong' });
			expect(await signIn(db, { email: 'gil@example.org', password: PASSWORD })).toMatchObject({ error: 'throttled' });
			await requestPasswordReset(db, mailer, { email: 'gil@example.org', locale: 'en', origin: ORIGIN });
			expect((await resetPassword(db, { token: await linkTokenFor(db, 'gil@example.org'), password: 'gil new password' })).ok).toBe(true);
			expect((await signIn(db, { email: 'gil@example.org', password: 'gil new password' })).ok).toBe(true);
		});
	});

	describe('password change', () => {
		it('needs the current password, keeps the session in use and ends the others', async () => {
			const reg = await registerUser(db, { name: 'Hal Change', email: 'hal@example.org', password: PASSWORD });
			if (!reg.ok) throw new Error('register failed');
			const other = await signIn(db, { email: 'hal@example.org', password: PASSWORD });
			if (!other.ok) throw new Error('sign-in failed');
			const here = reg.value.session.token;
			expect(await changePassword(db, { userId: reg.value.userId, current: 'wrong', password: 'hal new password', keepSessionToken: here })).toMatchObject({
				ok: false,
				error: 'wrong_password'
			});
			expect((await changePassword(db, { userId: reg.value.userId, current: PASSWORD, password: 'hal new password', keepSessionToken: here })).ok).toBe(true);
			expect(await sessionExists(db, here)).toBe(true);
			expect(await sessionExists(db, other.value.session.token)).toBe(false);
			expect((await signIn(db, { email: 'hal@example.org', password: 'hal new password' })).ok).toBe(true);
			const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.changePassword'));
			expect(events).toHaveLength(1);
			expect(JSON.stringify(events)).not.toMatch(/hal new password|argon2/);
		});
	});

	describe('administrators', () => {
		it('creates an administrator with a person, refuses a second run, and promotes when asked', async () => {
			const created = await createAdministrator(db, { email: 'Admin@Example.org', name: 'Ada Admin', password: PASSWORD });
			expect(created).toMatchObject({ ok: true, value: { outcome: 'created' } });
			const [admin] = await db.select().from(users).where(eq(users.email, 'admin@example.org'));
			expect(admin.isAdmin).toBe(true);
			expect(admin.personId).not.toBeNull();
			const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.createAdministrator'));
			expect(event).toMatchObject({ actorLabel: 'system', entityId: admin.id });
			expect(JSON.stringify(event)).not.toMatch(/horse|argon2/);

			const before = await counts(db);
			expect(await createAdministrator(db, { email: 'admin@example.org', name: 'Ada Again', password: 'other password' })).toMatchObject({
				ok: false,
				error: 'email_taken'
			});
			expect(await counts(db)).toEqual(before);

			await registerUser(db, { name: 'Ivy Member', email: 'ivy@example.org', password: PASSWORD });
			expect(await createAdministrator(db, { email: 'ivy@example.org', name: 'Ivy', password: 'ignored password', promote: true })).toMatchObject({
				ok: true,
				value: { outcome: 'promoted' }
			});
			expect(await createAdministrator(db, { email: 'ivy@example.org', name: 'Ivy', password: '', promote: true })).toMatchObject({
				ok: true,
				value: { outcome: 'unchanged' }
			});
			const [ivy] = await db.select().from(users).where(eq(users.email, 'ivy@example.org'));
			expect(ivy.isAdmin).toBe(true);
			// Promotion keeps the account's own password.
			expect((await signIn(db, { email: 'ivy@example.org', password: PASSWORD })).ok).toBe(true);
		});

		it('refuses invalid input with the failing fields', async () => {
			expect(await createAdministrator(db, { email: 'not an address', name: '', password: 'short' })).toMatchObject({
				ok: false,
				error: 'invalid',
				detail: { problems: { email: 'auth.email.invalid', name: 'too_small', password: 'auth.password.tooShort' } }
			});
		});
	});

	describe('mailers', () => {
		it('chooses the outbox without SMTP_URL and SMTP with it', () => {
			expect(createMailer(db, { smtpUrl: undefined, mailFrom: 'x@y.org' }).transport).toBe('outbox');
			expect(createMailer(db, { smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'x@y.org' }).transport).toBe('smtp');
		});

		it('delivers through SMTP and records the message as sent', async () => {
			const smtp = await startFakeSmtp();
			try {
				const mailer = new SmtpMailer(db, { url: smtp.url, from: 'Plenary <no-reply@plenary.example>' });
				await mailer.send({ to: 'smtp-ok@example.org', subject: 'Hello over SMTP', text: 'Body of the message' });
				expect(smtp.messages).toHaveLength(1);
				expect(smtp.messages[0]).toContain('Subject: Hello over SMTP');
				expect(smtp.messages[0]).toContain('Body of the message');
				const [row] = await outboxMessagesTo(db, 'smtp-ok@example.org');
				expect(row).toMatchObject({ transport: 'smtp', error: null });
				expect(row.sentAt).not.toBeNull();
			} finally {
				await smtp.close();
			}
		});

		it('records a message the SMTP server could not take as failed, and says so', async () => {
			// A port that was free a moment ago: the connection is refused.
			const port = await new Promise<number>((resolve) => {
				const s = createServer();
				s.listen(0, '127.0.0.1', () => {
					const p = (s.address() as { port: number }).port;
					s.close(() => resolve(p));
				});
			});
			const mailer = new SmtpMailer(db, { url: `smtp://127.0.0.1:${port}`, from: 'no-reply@plenary.example' });
			const error = await mailer.send({ to: 'smtp-down@example.org', subject: 'Lost?', text: 'Not lost' }).catch((e) => e);
			expect(error).toBeInstanceOf(MailDeliveryError);
			const [row] = await outboxMessagesTo(db, 'smtp-down@example.org');
			expect(row).toMatchObject({ transport: 'smtp', sentAt: null, text: 'Not lost' });
			expect(row.error).toBeTruthy();
			expect((await findOutboxMessage(db, row.id))?.status).toBe('failed');
			expect(await findOutboxMessage(db, 'not-a-uuid')).toBeUndefined();
		});
	});
});
