import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/**
 * A hash of no one's password, compared against when the user does not exist
 * (or is disabled), so that a login takes as long for an unknown name as for a
 * known one with a wrong password: timing tells nothing about who has an account.
 */
const DUMMY_HASH = bcrypt.hashSync("shaitai-no-such-user-password", COST);

/** verifyPassword against the user's hash, or the dummy one when there is none: same cost either way. */
export async function verifyLogin(plain: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash ?? DUMMY_HASH);
  return hash !== null && ok;
}
