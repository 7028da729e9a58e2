import { describe, expect, it } from 'vitest';
import { administratorInput, changePasswordForm, EMAIL_MAX, registerForm, resetPasswordForm, signInForm } from './schemas';

const firstIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; message: string }[] } }, field: string) =>
	r.error?.issues.find((i) => i.path[0] === field);

describe('registerForm', () => {
	it('trims and lower-cases the e-mail and trims the name, but keeps the password as typed', () => {
		const r = registerForm.parse({ name: '  Ana Pérez ', email: '  Ana.Perez@Example.ORG ', password: ' secret pass ' });
		expect(r).toEqual({ name: 'Ana Pérez', email: 'ana.perez@example.org', password: ' secret pass ' });
	});

	it('rejects an address that is not an e-mail with the catalog key', () => {
		const r = registerForm.safeParse({ name: 'A', email: 'not-an-address', password: 'long enough pw' });
		expect(firstIssue(r, 'email')?.message).toBe('auth.email.invalid');
	});

	it('rejects over-long fields as too long', () => {
		const local = 'a'.repeat(EMAIL_MAX - '@example.org'.length + 1);
		const r = registerForm.safeParse({ name: 'n'.repeat(201), email: `${local}@example.org`, password: 'p'.repeat(201) });
		expect(firstIssue(r, 'name')?.code).toBe('too_big');
		expect(firstIssue(r, 'email')?.code).toBe('too_big');
		expect(firstIssue(r, 'password')?.code).toBe('too_big');
	});

	it('accepts the longest allowed values', () => {
		const local = 'a'.repeat(EMAIL_MAX - '@example.org'.length);
		expect(registerForm.safeParse({ name: 'n'.repeat(200), email: `${local}@example.org`, password: 'p'.repeat(200) }).success).toBe(true);
	});

	it('asks for at least 10 characters of password, and says "required" when it is empty', () => {
		expect(firstIssue(registerForm.safeParse({ name: 'A', email: 'a@b.org', password: '123456789' }), 'password')?.message).toBe('auth.password.tooShort');
		expect(registerForm.safeParse({ name: 'A', email: 'a@b.org', password: '1234567890' }).success).toBe(true);
		const empty = firstIssue(registerForm.safeParse({ name: 'A', email: 'a@b.org', password: '' }), 'password');
		expect(empty?.code).toBe('too_small');
		expect(empty?.message).not.toBe('auth.password.tooShort');
	});

	it('refuses a blank name and missing fields', () => {
		expect(firstIssue(registerForm.safeParse({ name: '   ', email: 'a@b.org', password: '1234567890' }), 'name')?.code).toBe('too_small');
		expect(registerForm.safeParse({}).success).toBe(false);
	});

	it('drops an over-long next instead of failing the form', () => {
		const r = registerForm.parse({ name: 'A', email: 'a@b.org', password: '1234567890', next: '/x'.repeat(2000) });
		expect(r.next).toBeUndefined();
	});
});

describe('signInForm', () => {
	it('accepts any non-empty password up to the maximum (old short passwords still sign in)', () => {
		expect(signInForm.safeParse({ email: 'A@B.org', password: 'short' }).success).toBe(true);
		expect(signInForm.safeParse({ email: 'a@b.org', password: '' }).success).toBe(false);
		expect(signInForm.safeParse({ email: 'a@b.org', password: 'p'.repeat(201) }).success).toBe(false);
	});
});

describe('other account forms', () => {
	it('apply the new-password rule to resets, changes and administrators', () => {
		expect(resetPasswordForm.safeParse({ password: 'short' }).success).toBe(false);
		expect(changePasswordForm.safeParse({ current: 'x', password: 'short' }).success).toBe(false);
		expect(changePasswordForm.safeParse({ current: 'x', password: 'long enough' }).success).toBe(true);
		expect(administratorInput.safeParse({ email: 'Admin@Example.org', name: 'Admin', password: 'short' }).success).toBe(false);
		expect(administratorInput.parse({ email: 'Admin@Example.org', name: 'Admin', password: 'long enough' }).email).toBe('admin@example.org');
	});
});
