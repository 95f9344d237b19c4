/**
 * Which address a login attempt came from, for the login limit (issue 13,
 * finding 2).
 *
 * What `next start` hands a route handler (checked in next 16.4's
 * server/base-server.js and by experiment, README "Security"): the socket
 * address is not exposed to route handlers or to next-auth's `authorize`;
 * Next writes it into `X-Forwarded-For` only when the request has no such
 * header (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`) and
 * otherwise passes the client's header on unchanged. So the header's LAST
 * entry is the one to read:
 *   - no proxy (TRUSTED_PROXY_HOPS=0): the socket address, as Next wrote it —
 *     unless the client sent its own header, which nothing can tell apart;
 *     that is why the per-account delay (rate-limit.ts) never depends on the
 *     source, and why a deployment on a network puts a proxy in front;
 *   - N trusted proxies: each appends the address it saw, so the client is the
 *     N-th entry from the right — the one the outermost trusted proxy
 *     appended; whatever the client wrote before it is ignored;
 *   - a list of proxy addresses: entries are read from the right, skipping the
 *     listed proxies; the first address that is not one of them is the client.
 */
import { isIP } from "node:net";

export type ProxyTrust = { hops: number } | { addresses: readonly string[] };

export const NO_PROXY: ProxyTrust = { hops: 0 };

/** Parses TRUSTED_PROXY_HOPS: a count of proxies (0–9) or a comma-separated list of their addresses. */
export function parseProxyTrust(raw: string): ProxyTrust | { error: string } {
  const value = raw.trim();
  if (value === "") return NO_PROXY;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 9 ? { hops } : { error: "must be a number of proxies from 0 to 9, or a comma-separated list of proxy addresses" };
  }
  const addresses = value.split(",").map((part) => part.trim());
  const bad = addresses.filter((address) => isIP(address) === 0);
  if (bad.length > 0) return { error: `is neither a number of proxies nor a list of IP addresses (not an address: ${bad.join(", ")})` };
  return { addresses };
}

function headerValue(headers: Record<string, string | string[] | undefined> | Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The client's address as the nearest trusted hop saw it ("unknown" when there is none). */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined, trust: ProxyTrust): string {
  const chain = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  if ("addresses" in trust) {
    for (let i = chain.length - 1; i >= 0; i--) if (!trust.addresses.includes(chain[i])) return chain[i];
    return chain[0];
  }
  // Fewer entries than proxies: the request did not come through all of them; the leftmost is the best there is.
  return chain[Math.max(0, chain.length - Math.max(1, trust.hops))];
}
