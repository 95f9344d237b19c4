import assert from "node:assert/strict";
import { test } from "node:test";
import bcrypt from "bcryptjs";
import { hashPassword, loginHash, needsRehash, verifyLogin, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";

test("a login without an account never succeeds, not even with the dummy hash's own password", async () => {
  assert.equal(await verifyLogin("shaitai-no-such-user-password", null), false);
  assert.equal(await verifyLogin("", null), false);
});

// Cost is a property of the hash's parameters, so the test compares parameters,
// not stopwatch readings (a timed test failed under CI's load at a ratio of 0.49).
test("an unknown account is compared against a full-cost hash, like a wrong password", async () => {
  const dummy = await loginHash(null);
  const real = await hashPassword("right-password-1");
  const parameters = (hash: string) => hash.split("$").slice(0, 4).join("$");
  assert.match(dummy, /^\$argon2id\$/);
  assert.equal(parameters(dummy), parameters(real));
  assert.equal(needsRehash(dummy), false);
  assert.equal(await verifyPassword("shaitai-no-such-user-password", dummy), true, "a real hash, not a placeholder");
  assert.equal(await loginHash(real), real);
});

test("a login with an account succeeds only with its password", async () => {
  const hash = await hashPassword("right-password-1");
  assert.equal(await verifyLogin("right-password-1", hash), true);
  assert.equal(await verifyLogin("wrong-password-1", hash), false);
});

test("new hashes are argon2id; bcrypt hashes still verify and are marked for rehash", async () => {
  const hash = await hashPassword("right-password-1");
  assert.match(hash, /^\$argon2id\$/);
  assert.equal(needsRehash(hash), false);
  const legacy = bcrypt.hashSync("old-bcrypt-pass", 4);
  assert.equal(await verifyPassword("old-bcrypt-pass", legacy), true);
  assert.equal(await verifyPassword("wrong", legacy), false);
  assert.equal(needsRehash(legacy), true);
  assert.equal(await verifyPassword("x", "not-a-hash"), false);
});

test("the password policy: 10 characters at least, none of the 10,000 most common", () => {
  assert.equal(passwordProblem("short-pw1"), "密码至少 10 位");
  assert.equal(passwordProblem("1234567890"), "这个密码太常见，容易被猜中，请换一个");
  assert.equal(passwordProblem("QWERTYUIOP"), "这个密码太常见，容易被猜中，请换一个");
  assert.equal(passwordProblem("晒台-临洺关-2026"), null);
  assert.equal(passwordProblem("x".repeat(201)), "密码太长");
});
