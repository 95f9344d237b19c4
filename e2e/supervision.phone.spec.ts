/** A unit's supervision pages on a phone (375 px): orders and bulletins fit the screen. */
import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("a unit reporter reads the unit's orders and the bulletins on a phone", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "本单位督办件" })).toBeVisible();
  await page.getByRole("link", { name: /冀南快递产业园征地进度滞后/ }).click();
  await expect(page.getByRole("form", { name: /签收|申请办结/ }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // On a phone the bar fits without scrolling sideways; the bulletins are under 更多.
  const nav = page.getByRole("navigation", { name: "主导航" });
  expect(
    await nav
      .locator("ul")
      .first()
      .evaluate((el) => el.scrollWidth <= el.clientWidth),
  ).toBe(true);
  await nav.getByRole("button", { name: "更多" }).click();
  await nav.getByRole("link", { name: "要情快讯" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "要情快讯" })).toBeVisible();
  await page.getByRole("link").filter({ hasText: "第1期" }).click();
  await expect(page.getByRole("region", { name: "编者按" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
