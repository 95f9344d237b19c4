import assert from "node:assert/strict";
import { test } from "node:test";
import { EnvError, loadEnv } from "@/lib/env";

const secret = "x".repeat(32);

test("defaults to the embedded SQLite file", () => {
  const env = loadEnv({ NEXTAUTH_SECRET: secret });
  assert.equal(env.DATABASE_URL, "file:./data/shaitai.db");
  assert.equal(env.SHAITAI_DEMO, false);
});

test("a missing secret stops the start with a message naming it", () => {
  assert.throws(
    () => loadEnv({}),
    (error: unknown) => error instanceof EnvError && /NEXTAUTH_SECRET/.test(error.message),
  );
});

test("a short secret or a foreign database URL is refused", () => {
  assert.throws(() => loadEnv({ NEXTAUTH_SECRET: "short" }), /NEXTAUTH_SECRET/);
  assert.throws(() => loadEnv({ NEXTAUTH_SECRET: secret, DATABASE_URL: "mysql://x" }), /DATABASE_URL/);
});

test("PostgreSQL URLs and demo mode are accepted", () => {
  const env = loadEnv({ NEXTAUTH_SECRET: secret, DATABASE_URL: "postgresql://u:p@localhost:5432/shaitai", SHAITAI_DEMO: "1" });
  assert.equal(env.SHAITAI_DEMO, true);
});

test("TRUSTED_PROXY_HOPS defaults to no proxy; a bad value stops the start naming it", () => {
  assert.deepEqual(loadEnv({ NEXTAUTH_SECRET: secret }).TRUSTED_PROXY_HOPS, { hops: 0 });
  assert.deepEqual(loadEnv({ NEXTAUTH_SECRET: secret, TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS, { hops: 1 });
  assert.deepEqual(loadEnv({ NEXTAUTH_SECRET: secret, TRUSTED_PROXY_HOPS: "10.0.0.5" }).TRUSTED_PROXY_HOPS, { addresses: ["10.0.0.5"] });
  assert.throws(() => loadEnv({ NEXTAUTH_SECRET: secret, TRUSTED_PROXY_HOPS: "nginx" }), /TRUSTED_PROXY_HOPS/);
});
