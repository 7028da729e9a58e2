import { z } from 'zod';

/**
 * The account forms' fields and their limits, shared by the pages, the commands and the CLI.
 * Messages that are not zod's own are catalog keys (the page shows them in the reader's language).
 */
export const EMAIL_MAX = 254;
export const NAME_MAX = 200;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** Longest `next` address accepted after sign-in; longer ones are dropped, not rejected. */
export const NEXT_MAX = 2000;

/**
 * An e-mail address, trimmed and in lower case, so that "Ana@Example.org " and "ana@example.org"
 * are one account. The length is checked before the format so an over-long address says so.
 */
export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.min(1)
	.max(EMAIL_MAX)
	.pipe(z.email({ message: 'auth.email.invalid' }));

/** A person's name as they write it; surrounding spaces removed. */
export const nameField = z.string().trim().min(1).max(NAME_MAX);

/**
 * A password someone chooses. Never trimmed: spaces are characters like any other. An empty one
 * reports "required" (the first check), a short one the minimum.
 */
export const newPasswordField = z
	.string()
	.min(1)
	.min(PASSWORD_MIN, { message: 'auth.password.tooShort' })
	.max(PASSWORD_MAX);

/** A password someone types to prove who they are: any length the new-password rule allows. */
export const currentPasswordField = z.string().min(1).max(PASSWORD_MAX);

const nextField = z.string().max(NEXT_MAX).optional().catch(undefined);

export const registerForm = z.object({ name: nameField, email: emailField, password: newPasswordField, next: nextField });
export const signInForm = z.object({ email: emailField, password: currentPasswordField, next: nextField });
export const resetRequestForm = z.object({ email: emailField });
export const resetPasswordForm = z.object({ password: newPasswordField });
export const changePasswordForm = z.object({ current: currentPasswordField, password: newPasswordField });
/** What the CLI asks for to create an administrator. */
export const administratorInput = z.object({ email: emailField, name: nameField, password: newPasswordField });

export type RegisterInput = z.infer<typeof registerForm>;
export type SignInInput = z.infer<typeof signInForm>;
export type AdministratorInput = z.infer<typeof administratorInput>;
