/**
 * next-auth: credentials (username + password) with JWT cookies. A JWT alone
 * cannot be revoked, so each login creates an AuthSession row whose id rides
 * in the token; getSessionUser() checks that row on every request, and
 * logout/password change revoke it (on every app server at once).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, needsRehash, verifyLogin } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import { checkLoginAllowed, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const SESSION_GONE = "SESSION_GONE";

/** The user behind a live session, once per request however often it is asked (next-auth's callback, then getSessionUser). */
export const liveSessionUser = cache((sid: string) => loadSessionUser(db, sid));

const credentialsInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        const ip = clientIp(req?.headers, env().TRUSTED_PROXY_HOPS);

        const verdict = await checkLoginAllowed(db, username, ip);
        if (!verdict.allowed) throw new Error(verdict.message);

        const user = await db.user.findUnique({
          where: { username },
          select: { id: true, name: true, passwordHash: true, active: true },
        });
        // Unknown and disabled accounts are compared against a dummy hash: the same time as a wrong password.
        const ok = await verifyLogin(password, user?.active ? user.passwordHash : null);
        await recordLoginAttempt(db, username, ip, ok);
        if (!ok || !user) return null;
        // A hash from before argon2id (bcrypt) is replaced now that the password is known.
        if (needsRehash(user.passwordHash)) {
          await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
        }

        const session = await db.authSession.create({
          data: {
            userId: user.id,
            expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
            ip,
            userAgent: String(req?.headers?.["user-agent"] ?? "").slice(0, 200) || null,
          },
          select: { id: true },
        });
        return { id: user.id, name: user.name, sid: session.id };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    async session({ session, token }) {
      // A revoked or expired session reads as none everywhere — /api/auth/session included, not
      // only our pages: throwing here makes next-auth answer {} and clear the cookie.
      const user = typeof token.sid === "string" ? await liveSessionUser(token.sid) : null;
      if (!user) throw new Error(SESSION_GONE);
      return { ...session, sid: token.sid };
    },
  },
  logger: {
    // A revoked session is an expected answer (none), not an error to log on every request.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string })?.message === SESSION_GONE) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      const sid = token?.sid;
      if (typeof sid === "string") {
        await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
      }
    },
  },
};
