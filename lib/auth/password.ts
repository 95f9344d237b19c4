/**
 * Password hashing: argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane).
 * Accounts made before it carry bcrypt hashes; those still verify, and are
 * rehashed with argon2id at the next successful login (needsRehash).
 */
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// `Algorithm` is a const enum, which isolatedModules cannot import: 2 is Algorithm.Argon2id.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2Hash(plain, ARGON2);
}

const isBcrypt = (hash: string) => /^\$2[aby]\$/.test(hash);

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (isBcrypt(hash)) return bcrypt.compare(plain, hash);
  try {
    return await argon2Verify(hash, plain);
  } catch {
    return false;
  }
}

/** A stored hash made before argon2id (or with weaker parameters): rehash it once the password is known. */
export function needsRehash(hash: string): boolean {
  return isBcrypt(hash) || !hash.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`);
}

/**
 * A hash of no one's password, compared against when the user does not exist
 * (or is disabled), so that a login takes as long for an unknown name as for a
 * known one with a wrong password: timing tells nothing about who has an account.
 */
let dummyHash: Promise<string> | null = null;

/** The hash a login is compared against: the user's own, or the dummy one when there is none. */
export function loginHash(hash: string | null): Promise<string> {
  if (hash !== null) return Promise.resolve(hash);
  dummyHash ??= hashPassword("shaitai-no-such-user-password");
  return dummyHash;
}

/** verifyPassword against the user's hash, or the dummy one when there is none: same cost either way. */
export async function verifyLogin(plain: string, hash: string | null): Promise<boolean> {
  const ok = await verifyPassword(plain, await loginHash(hash));
  return hash !== null && ok;
}
