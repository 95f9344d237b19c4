/**
 * Two app servers on one PostgreSQL (scripts/test-servers.ts starts them):
 * nothing that must be shared lives in one process. Sessions, the login rate
 * limit and what one server writes are seen by the other.
 * A report goes in through A's API and is read through B; an idempotency key
 * used on A is honoured on B. Concurrent bulletin numbering across processes
 * is proven in lib/counters.integration.test.ts (two processes on one
 * PostgreSQL): publishing is a server action, which a second process drives
 * more simply through the same counter than through two browsers.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { sparePort } from "../../lib/testing/postgres-server";

const A = process.env.SERVER_A_URL!;
const B = process.env.SERVER_B_URL!;
const DATABASE_URL = process.env.SERVERS_DATABASE_URL!;
const PASSWORD = "shaitai-demo";
const RATE_LIMIT_MESSAGE = "登录失败次数过多，请 15 分钟后再试。";

/** Signs in through one server's next-auth API; null on success, else the error it reports. */
async function login(request: APIRequestContext, server: string, username: string, password = PASSWORD): Promise<string | null> {
  const { csrfToken } = await (await request.get(`${server}/api/auth/csrf`)).json();
  const response = await request.post(`${server}/api/auth/callback/credentials`, {
    form: { csrfToken, username, password, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(() => {
  expect(A && B && DATABASE_URL, "run through scripts/test-servers.ts").toBeTruthy();
});

test("a session opened on A is valid on B", async ({ request }) => {
  expect(await login(request, A, "assessor")).toBeNull();
  const page = await request.get(`${B}/assessor`);
  expect(page.url()).toBe(`${B}/assessor`);
  expect(await page.text()).toContain("招商引资跟踪考核组");
});

test("logout on A revokes the session on B", async ({ request }) => {
  expect(await login(request, A, "leader")).toBeNull();
  expect((await request.get(`${B}/leader`)).url()).toBe(`${B}/leader`);
  // Keep the cookie as it was before logout: a copy someone kept (or server B's view of it).
  const stolen = await playwrightRequest.newContext({ storageState: await request.storageState() });

  const { csrfToken } = await (await request.get(`${A}/api/auth/csrf`)).json();
  await request.post(`${A}/api/auth/signout`, { form: { csrfToken, json: "true" } });

  const onB = await stolen.get(`${B}/leader`);
  expect(new URL(onB.url()).pathname).toBe("/login");
  await stolen.dispose();
});

test("the login rate limit counts failures on both servers", async ({ request }) => {
  // 4 failures, alternating servers: below the limit of 5, the right password still works.
  for (const server of [A, B, A, B]) expect(await login(request, server, "dept-head", "wrong")).toBe("CredentialsSignin");
  expect(await login(request, B, "dept-head")).toBeNull();
  // The 5th failure (on A) blocks the account on B too — even with the right password.
  expect(await login(request, A, "dept-head", "wrong")).toBe("CredentialsSignin");
  expect(await login(request, B, "dept-head")).toBe(RATE_LIMIT_MESSAGE);
  expect(await login(request, A, "dept-head")).toBe(RATE_LIMIT_MESSAGE);
});

test("a password changed through A is the password on B", async ({ page, request }) => {
  const fresh = `pw-${crypto.randomBytes(4).toString("hex")}`;
  await page.goto(`${A}/login`);
  await page.getByLabel("用户名").fill("town-head");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${A}/unit`);
  await page.goto(`${A}/account`);
  await page.getByLabel("当前密码").fill(PASSWORD);
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("再次输入新密码").fill(fresh);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=changed/);

  expect(await login(request, B, "town-head", PASSWORD)).toBe("CredentialsSignin");
  expect(await login(request, B, "town-head", fresh)).toBeNull();
});

test("a report submitted through A's API is seen through B", async ({ page, request }) => {
  const [unit] = await sql<{ id: string }>(`SELECT id FROM "Unit" WHERE name = '临洺关镇'`);
  const item = `双服务器测试：早晒 ${crypto.randomBytes(3).toString("hex")}`;

  await page.goto(`${A}/login`);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${A}/admin`);
  await page.goto(`${B}/admin`);
  await expect(page.locator('tr[data-unit="临洺关镇"] td[data-label="早晒"]')).toHaveText(/^(未晒|待晒)$/);

  // The unit's reporter files the morning through server A, as the phone does.
  expect(await login(request, A, "town-reporter")).toBeNull();
  const key = `two-servers-${crypto.randomBytes(6).toString("hex")}`;
  const submitted = await request.post(`${A}/api/v1/cards/today/morning`, { headers: { "Idempotency-Key": key }, data: { items: [{ text: item }] } });
  expect(submitted.status(), await submitted.text()).toBe(201);
  // The same request again, through B: the key is shared, so it is answered, not saved twice.
  const replayed = await request.post(`${B}/api/v1/cards/today/morning`, { headers: { "Idempotency-Key": key }, data: { items: [{ text: item }] } });
  expect(replayed.status()).toBe(201);
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect(await sql(`SELECT id FROM "ReportItem" WHERE text = $1`, [item])).toHaveLength(1);

  // Read back through B by the reporter, and by the office on both servers.
  const card = await (await request.get(`${B}/api/v1/cards/today`)).json();
  expect(JSON.stringify(card)).toContain(item);
  for (const server of [B, A]) {
    await page.goto(`${server}/units/${unit.id}`);
    await expect(page.getByText(item)).toBeVisible();
    await page.goto(`${server}/admin`);
    // Submitted: on time or, after 09:30, late.
    await expect(page.locator('tr[data-unit="临洺关镇"] td[data-label="早晒"]')).toHaveText(/^(已晒|迟报)$/);
  }
});

test("a server started with an unreachable DATABASE_URL stops with a clear message", async () => {
  const port = await sparePort(3207, 3299);
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: "postgresql://shaitai:secret@127.0.0.1:1/shaitai", NEXTAUTH_SECRET: "x".repeat(32), AUTH_TRUST_HOST: "true" },
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => (server.kill("SIGKILL"), resolve(null)), 45_000);
    server.on("exit", (c) => (clearTimeout(timer), resolve(c)));
  });
  expect(output).toContain("Shaitai cannot start: PostgreSQL at postgresql://shaitai:***@127.0.0.1:1/shaitai is not reachable");
  expect(output).not.toContain("secret@");
  expect(code).toBe(1);
});
