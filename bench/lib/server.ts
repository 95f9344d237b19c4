/** What the benchmarks share: signing in over next-auth's API and waiting for a `next start`. */
import type { ChildProcess } from "node:child_process";

/** Signs in a demo account; returns the Cookie header of its session. */
export async function signIn(base: string, username: string, password = "shaitai-demo"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const cookies = [...jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`Sign-in as ${username} failed (${login.status}).`);
  return cookies.join("; ");
}

/** Resolves once the server answers /login; fails if it exits or takes over 120 s. */
export async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer in 120 s");
}
