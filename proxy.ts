/**
 * The first gate of every request (Next.js 16's proxy, formerly middleware).
 * It sets the security headers that depend on the request; it never decides
 * who may see what — every page, action and route checks the session, role
 * and unit scope itself, in its query.
 *
 * - Content-Security-Policy with a fresh nonce per request: Next.js reads the
 *   nonce from the request's CSP header and puts it on its own scripts, so
 *   scripts need no 'unsafe-inline'. Styles keep 'unsafe-inline' (Recharts and
 *   React set style attributes).
 * - Permissions-Policy: geolocation only on the unit's card (/unit), where the
 *   report form asks for the place; camera, microphone and the rest for no one
 *   (a photo input opens the phone's own camera app, which needs no permission).
 * - HSTS when the request came over HTTPS (the reverse proxy says so with
 *   X-Forwarded-Proto), never on plain http://localhost.
 * - Not the API (`/api/…`): a proxy makes Next.js buffer the request body,
 *   and the report API's uploads must stream to their handler within their
 *   limit (lib/api/body.ts). Its `Cache-Control: no-store` is set in
 *   next.config.js; pages with personal data are dynamic, and Next.js
 *   already marks them no-store.
 * - A cross-site POST to a page (a forged server action) is refused with 403
 *   here; Next.js itself would refuse it with a 500.
 * - A server action's body over ACTION_BODY_LIMIT_MB (lib/photos/limits.ts) is
 *   refused with 413 by its Content-Length, before it is read (Next.js would
 *   read up to the limit and answer 500).
 */
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_MB } from "@/lib/photos/limits";

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest).*)"],
};

export function proxy(request: NextRequest) {
  if (isCrossSitePost(request)) {
    return new NextResponse("跨站提交已拒绝:请从晒台页面提交。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const oversized = oversizedAction(request);
  if (oversized) return new NextResponse(oversized.message, { status: oversized.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, https);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Permissions-Policy", permissionsPolicy(request.nextUrl.pathname));
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script (Next.js's chunks) run; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The card's service worker (/serwist/sw.js, issue 14): 'strict-dynamic' would otherwise refuse it.
    "worker-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Geolocation only where the card's place field uses it; everything else off. */
export function permissionsPolicy(pathname: string): string {
  const card = pathname === "/unit" || pathname.startsWith("/unit/");
  return [`geolocation=${card ? "(self)" : "()"}`, "camera=()", "microphone=()", "payment=()", "usb=()"].join(", ");
}

/**
 * A POST to a page is a server action; the browser says where it came from in
 * Origin. One from another site is refused (as Next.js's own check would, but
 * with 403 instead of a 500). The API and next-auth have their own guards
 * (bearer tokens, CSRF token) and are left to them.
 */
function isCrossSitePost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A server action (a POST with Next-Action) whose declared body is over the limit. */
function oversizedAction(request: NextRequest): { status: number; message: string } | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = request.headers.get("content-length");
  // Without a length (chunked; a browser always sends the length of a form) Next.js's own limit applies.
  if (length === null) return null;
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT_MB * 1024 * 1024) {
    return { status: 413, message: `提交内容超过 ${ACTION_BODY_LIMIT_MB} MB，已拒绝：请少传几张照片。` };
  }
  return null;
}
