import { expect, test } from "@playwright/test";
import { loginAs } from "../helpers";

// A denial and a missing record answer with their status before any of the page is sent:
// a client, a proxy and a monitoring tool see 307 and 404, not 200 with a redirect inside.

test("a page outside the role answers 307 to the user's home", async ({ page }) => {
  await loginAs(page, "town-reporter");
  for (const path of ["/admin", "/leader", "/assessor", "/admin/audit", "/board"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toBe("/unit?denied=1");
  }
});

test("signed out, a page answers 307 to the login", async ({ request }) => {
  const response = await request.get("/unit", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toBe("/login");
});

test("a record that does not exist answers 404", async ({ page }) => {
  await loginAs(page, "admin");
  for (const path of ["/tasks/no-such-task", "/admin/tasks/no-such-task", "/admin/bulletins/no-such-bulletin"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});
