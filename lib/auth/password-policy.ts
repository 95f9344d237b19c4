/**
 * What a new password must be (ASVS 5.0 V6.2): at least 10 characters, at
 * most 200, and not one of the 10,000 most common passwords
 * (lib/auth/common-passwords.txt, compared ignoring case). No composition
 * rules (a digit, a symbol …): length and the blocklist are what help.
 */
import fs from "node:fs";
import path from "node:path";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib/auth/common-passwords.txt");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    common = new Set(lines.filter((line) => line && !line.startsWith("#")).map((line) => line.toLowerCase()));
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** null when acceptable, otherwise why not (Chinese). */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return "密码太长";
  if (isCommonPassword(password)) return "这个密码太常见，容易被猜中，请换一个";
  return null;
}
