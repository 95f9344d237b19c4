import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { loginAs, loginWithForm } from "../helpers";

test("pages carry a nonce-based CSP that Next.js's own scripts follow", async ({ request }) => {
  const response = await request.get("/login");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce every time.
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);
});

test("signing in and using the card work under the CSP, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await loginWithForm(page, "town-reporter");
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("今日晒台");
  expect(violations).toEqual([]);
});

test("geolocation only on the unit's card; camera and microphone nowhere", async ({ page }) => {
  const login = await page.request.get("/login");
  expect(login.headers()["permissions-policy"]).toContain("geolocation=()");
  await loginAs(page, "town-reporter");
  const card = await page.request.get("/unit");
  expect(card.headers()["permissions-policy"]).toContain("geolocation=(self)");
  expect(card.headers()["permissions-policy"]).toContain("camera=()");
});

test("the JSON API and signed-in pages are never cached; HSTS only behind HTTPS", async ({ page }) => {
  await loginAs(page, "admin");
  const api = await page.request.get("/api/v1/status/today");
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(api.headers()["strict-transport-security"]).toBeUndefined();
  // A page with personal data is not kept either.
  expect((await page.request.get("/admin")).headers()["cache-control"]).toContain("no-store");
  const behindTls = await page.request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toContain("max-age=31536000");
});

test("a cross-site POST to a page (a forged server action) is refused with 403, not 500", async ({ page }) => {
  await loginAs(page, "admin");
  const forged = await page.request.post("/admin", {
    headers: { Origin: "https://evil.example", "Next-Action": "0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("跨站提交已拒绝");
});

test("an API upload over 10 MB reaches its handler whole (the proxy does not cut the body)", async ({ page }) => {
  await loginAs(page, "town-reporter");
  // Two 6 MB files: each under the 10 MB photo limit, together over the proxy's default body buffer.
  const form = new FormData();
  form.append("payload", JSON.stringify({ note: "上午在现场" }));
  for (const name of ["a.jpg", "b.jpg"]) form.append("photos", new Blob([new Uint8Array(6 * 1024 * 1024).fill(0x61)], { type: "image/jpeg" }), name);
  const response = await page.request.post("/api/v1/cards/today/noon", { multipart: form });
  // The whole form was read: the refusal is about the photo's content, not a broken form.
  expect(response.status()).toBe(422);
  expect((await response.json()).error.code).toBe("PHOTO_REJECTED");
});

test("a photo is cached by the browser only (private), never by a shared cache", async ({ page }) => {
  const db = new Database(path.join(process.cwd(), "data", "e2e.db"), { readonly: true });
  const photo = db.prepare(`SELECT p.id FROM Photo p JOIN ReportSlot s ON s.id = p.slotId ORDER BY p.id LIMIT 1`).get() as { id: string } | undefined;
  db.close();
  expect(photo, "a seeded report photo").toBeTruthy();
  await loginAs(page, "admin");
  const response = await page.request.get(`/api/photos/${photo!.id}?size=thumb`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/^private\b/);
});
