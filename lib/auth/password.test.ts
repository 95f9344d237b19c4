import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, verifyLogin } from "@/lib/auth/password";

test("a login without an account never succeeds, not even with the dummy hash's own password", async () => {
  assert.equal(await verifyLogin("shaitai-no-such-user-password", null), false);
  assert.equal(await verifyLogin("", null), false);
});

test("a login with an account succeeds only with its password", async () => {
  const hash = await hashPassword("right-password-1");
  assert.equal(await verifyLogin("right-password-1", hash), true);
  assert.equal(await verifyLogin("wrong-password-1", hash), false);
});
