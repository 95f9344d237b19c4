import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, loginAs } from "../helpers";

// The e2e server runs with TRUSTED_PROXY_HOPS=1 (scripts/e2e-server.sh): these tests play the proxy,
// appending the "real" client address as the last X-Forwarded-For entry, and the attacker, who writes
// whatever it likes before it.

const randomOctet = () => 1 + Math.floor(Math.random() * 250);
const randomAddress = (prefix: string) => `${prefix}.${randomOctet()}`;

/** One login attempt through next-auth's API; returns the error it reports, or null when signed in. */
async function attempt(request: APIRequestContext, username: string, password: string, forwardedFor: string): Promise<string | null> {
  const headers = { "X-Forwarded-For": forwardedFor };
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, username, password, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("a forged first X-Forwarded-For entry does not give an address a fresh limit", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const real = randomAddress("198.51.100");
  // 20 wrong guesses over 20 accounts from one real address, each with a new forged first entry…
  for (let i = 0; i < 20; i++) {
    expect(await attempt(request, `nobody-${i}-${real}`, "guess-password", `${randomAddress("10.66")}.${i}, ${real}`)).toBe("CredentialsSignin");
  }
  // …and the address is held, whatever it claims next; another real address is not.
  expect(await attempt(request, "admin", DEMO_PASSWORD, `10.77.0.1, ${real}`)).toBe("登录失败次数过多，请 15 分钟后再试。");
  expect(await attempt(request, "nobody-else", "guess-password", `${real}, ${randomAddress("203.0.113")}`)).toBe("CredentialsSignin");
  await request.dispose();
});

test("an account attacked from ever new addresses waits longer each time, and the office lifts the delay", async ({ page, playwright }) => {
  const victim = "u130408104-head";
  const request = await playwright.request.newContext();
  const from = (i: number) => `10.88.${randomOctet()}.${i}, 192.0.2.${i + 1}`;
  // Five sources, one wrong password each: no source is locked, the account now waits 1 s, 2 s, 4 s, 8 s…
  for (let i = 0; i < 5; i++) expect(await attempt(request, victim, `wrong-${i}`, from(i))).toBe("CredentialsSignin");
  for (const [i, wait] of [
    [5, 1_100],
    [6, 2_100],
    [7, 4_100],
  ]) {
    await page.waitForTimeout(wait);
    expect(await attempt(request, victim, `wrong-${i}`, from(i))).toBe("CredentialsSignin");
  }
  // From a new address, even the right password waits (8 s now).
  expect(await attempt(request, victim, DEMO_PASSWORD, from(20))).toMatch(/^该账号登录失败次数较多，请 \d+ 秒后再试。$/);

  // The office sees the account and lifts the delay…
  await loginAs(page, "admin");
  await page.goto("/admin/security/logins");
  await expect(page.getByRole("heading", { level: 1, name: "登录限制" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: victim });
  await expect(row).toContainText("输错 8 次");
  await row.getByRole("button", { name: /^解除/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: victim })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: victim })).toHaveCount(0);
  // …with an audit entry, and the person signs in.
  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "解除账号登录限制" }).filter({ hasText: victim }).first()).toBeVisible();
  expect(await attempt(request, victim, DEMO_PASSWORD, from(21))).toBeNull();
  await request.dispose();
});

test("the login limits page is the office's alone", async ({ page }) => {
  await loginAs(page, "leader");
  const response = await page.request.get("/admin/security/logins", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
});
