/**
 * The first-run page (/setup), on the empty server of the `first-run` project (playwright.config.ts):
 * the same checks as e2e/a11y.spec.ts, at both widths, before e2e/first-run.spec.ts creates the first
 * admin (files run in name order; afterwards /setup leads to /login).
 */
import { expect, test } from "@playwright/test";
import { LAPTOP, PHONE, problems } from "./a11y-checks";

test("the first-run page: no serious accessibility violation, one <main>, tap targets ≥ 24 px (≥ 44 px on a phone)", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "首次使用" })).toBeVisible();
  const found: string[] = [];
  if ((await page.locator("main").count()) !== 1) found.push(`/setup: ${await page.locator("main").count()} <main> elements`);
  found.push(...(await problems(page, "/setup @laptop", 24)));
  await page.setViewportSize(PHONE);
  found.push(...(await problems(page, "/setup @phone", 44)));
  if (!(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))) found.push("/setup @phone: the page is wider than the screen");
  await page.screenshot({ path: "test-results/a11y-setup-phone.png", fullPage: true });
  expect(found, found.join("\n")).toEqual([]);
});
