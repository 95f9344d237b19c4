/**
 * The JSON API's one door (/api/v1): authenticates by session cookie or by
 * `Authorization: Bearer <token>`, checks the role, and turns every failure
 * into `{ "error": { "code", "message" } }` with a Chinese message and the
 * right status — 401, 403, 404, 422 — never a 500 for bad input.
 */
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { loadTokenUser } from "@/lib/auth/session-user";
import { z } from "@/lib/validation";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (message = "没有找到该资源。") => new ApiError(404, "NOT_FOUND", message);
export const forbidden = (message = "没有权限访问该资源。") => new ApiError(403, "FORBIDDEN", message);
export const invalid = (message: string, details?: unknown) => new ApiError(422, "VALIDATION_FAILED", message, details);

export function errorResponse(error: ApiError): Response {
  return Response.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, { status: error.status });
}

/** The caller: a Bearer token if one is sent (and then only it), else the session cookie. */
export async function authenticate(request: Request): Promise<SessionUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? loadTokenUser(db, match[1]) : null;
  }
  // A session with the office's one-time password may only change it (on /account), not use the API.
  const user = await getSessionUser();
  return user?.mustChangePassword ? null : user;
}

/** Parses a JSON body with a zod schema; bad JSON or bad fields are a 422. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw invalid("请求体不是有效的 JSON。");
  }
  return parseInput(schema, body);
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw invalid(`请求内容有误：${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join("；")}`, issues);
  }
  return parsed.data;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * A write authenticated by the session cookie must come from our own pages:
 * browsers mark a request from another site (Sec-Fetch-Site), and a token
 * in the Authorization header is never sent by a browser on its own.
 */
function crossSiteCookieWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.headers.has("authorization")) return false;
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** Runs a handler and maps its errors: an ApiError to its status, anything else to a logged 500. */
async function answer(run: () => Promise<Response | unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    console.error(error);
    return errorResponse(new ApiError(500, "INTERNAL", "服务器内部错误，请稍后重试。"));
  }
}

/** A route anyone may read without signing in (public data, e.g. the flags): errors mapped like apiRoute's. */
export function publicRoute<P = Record<string, never>>(handler: (args: { request: Request; params: P }) => Promise<Response | unknown>) {
  return (request: Request, context: RouteContext<P>): Promise<Response> => answer(async () => handler({ request, params: await context.params }));
}

/** Builds a route handler: authenticate, check the role, run, map errors. */
export function apiRoute<P = Record<string, never>>(
  options: { roles?: readonly Role[] },
  handler: (args: { user: SessionUser; request: Request; params: P }) => Promise<Response | unknown>,
) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    answer(async () => {
      const user = await authenticate(request);
      if (!user) throw new ApiError(401, "UNAUTHENTICATED", "请先登录，或提供有效的 API 令牌。");
      if (options.roles && !options.roles.includes(user.role)) throw forbidden();
      if (crossSiteCookieWrite(request)) throw forbidden("拒绝来自其他网站的提交。");
      return handler({ user, request, params: await context.params });
    });
}
