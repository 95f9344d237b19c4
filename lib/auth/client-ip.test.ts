import assert from "node:assert/strict";
import { test } from "node:test";
import { clientIp, NO_PROXY, parseProxyTrust } from "@/lib/auth/client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

test("without a proxy, the address Next wrote from the socket (the last entry) — never a forged first entry", () => {
  assert.equal(clientIp(xff("127.0.0.1"), NO_PROXY), "127.0.0.1");
  assert.equal(clientIp(xff("6.6.6.6, 10.1.2.3"), NO_PROXY), "10.1.2.3");
});

test("behind one trusted proxy, the hop it appended; whatever the client wrote before is ignored", () => {
  const one = { hops: 1 };
  assert.equal(clientIp(xff("203.0.113.9"), one), "203.0.113.9");
  assert.equal(clientIp(xff("1.1.1.1, 203.0.113.9"), one), "203.0.113.9");
  assert.equal(clientIp(xff("9.9.9.9,8.8.8.8 , 203.0.113.9"), one), "203.0.113.9");
});

test("behind two proxies, the hop the outer one appended", () => {
  const two = { hops: 2 };
  // forged, client (appended by the CDN), CDN (appended by the nginx next to the app)
  assert.equal(clientIp(xff("1.1.1.1, 203.0.113.9, 10.0.0.5"), two), "203.0.113.9");
  // Fewer entries than proxies: the leftmost there is.
  assert.equal(clientIp(xff("203.0.113.9"), two), "203.0.113.9");
});

test("with a list of proxy addresses, the first address from the right that is not a proxy", () => {
  const listed = { addresses: ["10.0.0.5", "10.0.0.6"] };
  assert.equal(clientIp(xff("1.1.1.1, 203.0.113.9, 10.0.0.6, 10.0.0.5"), listed), "203.0.113.9");
  assert.equal(clientIp(xff("203.0.113.9"), listed), "203.0.113.9");
});

test("node's header object (next-auth's authorize) and a missing header", () => {
  assert.equal(clientIp({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }, { hops: 1 }), "203.0.113.9");
  assert.equal(clientIp({}, NO_PROXY), "unknown");
  assert.equal(clientIp(undefined, NO_PROXY), "unknown");
});

test("TRUSTED_PROXY_HOPS: a count, a list of addresses, or a clear error", () => {
  assert.deepEqual(parseProxyTrust(""), { hops: 0 });
  assert.deepEqual(parseProxyTrust("2"), { hops: 2 });
  assert.deepEqual(parseProxyTrust("10.0.0.5, ::1"), { addresses: ["10.0.0.5", "::1"] });
  assert.ok("error" in parseProxyTrust("yes"));
  assert.ok("error" in parseProxyTrust("10.0.0.5, nginx"));
  assert.ok("error" in parseProxyTrust("12"));
});
