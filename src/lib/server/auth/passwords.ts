import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm.Argon2id; the package declares it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

/**
 * Hashes a password with argon2id at the package's defaults (19 MiB, 2 passes, 1 lane — the
 * OWASP-recommended minimum; about 50 ms here). The result is a PHC string carrying its own
 * salt and parameters, so they can be raised later without breaking stored hashes.
 */
export function hashPassword(password: string): Promise<string> {
	return hash(password, { algorithm: ARGON2ID });
}

/** True when `password` matches `passwordHash`; false for a wrong password or a damaged hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let decoy: Promise<string> | null = null;

/**
 * Spends the time a real verification would, for an e-mail without an account, so the answer's
 * timing does not tell which addresses have one. Always false.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	await verifyPassword(await decoy, password);
	return false;
}
