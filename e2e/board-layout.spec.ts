/**
 * The board on the two screens it is read on: at 1366 px (a leader's laptop) the department ranking shows
 * every column without scrolling sideways; on a 375 px phone the heat map opens on its latest days, and
 * the page itself never scrolls sideways.
 */
import { expect, test, type Locator } from "@playwright/test";
import { loginAs } from "./helpers";

/** The scrolling box around a table or region: how far it reaches and where it stands. */
function scrollOf(locator: Locator) {
  return locator.evaluate((el) => {
    let box: HTMLElement | null = el as HTMLElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    const b = box ?? document.documentElement;
    return { scrollWidth: b.scrollWidth, clientWidth: b.clientWidth, scrollLeft: b.scrollLeft };
  });
}

const pageOverflows = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test("at 1366 px the department ranking shows all its columns: neither its table nor the page scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await loginAs(page, "leader");
  await page.goto("/board");
  const ranking = page.getByRole("table", { name: /区直部门排名$/ });
  await expect(ranking).toBeVisible();
  await expect(ranking.getByRole("columnheader")).not.toHaveCount(0);
  const scroll = await scrollOf(ranking);
  expect(scroll.scrollWidth, "the ranking's box does not scroll sideways").toBeLessThanOrEqual(scroll.clientWidth);
  // Every column header stands wholly on screen.
  for (const header of await ranking.getByRole("columnheader").all()) {
    const box = (await header.boundingBox())!;
    expect(box.x + box.width, `column ${await header.textContent()} ends on screen`).toBeLessThanOrEqual(1366);
  }
  expect(await pageOverflows(page), "the page does not scroll sideways").toBe(false);
});

test("on a phone the heat map opens on its latest days, and the page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await loginAs(page, "leader");
  await page.goto("/board");
  const heat = page.getByRole("region", { name: "乡镇晒报纪律" });
  await heat.scrollIntoViewIfNeeded();
  await expect(heat).toBeVisible();
  const scroll = await scrollOf(heat);
  // The days are wider than a phone: the map scrolls, and it stands at its right end (the latest day).
  expect(scroll.scrollWidth, "the days are wider than the phone").toBeGreaterThan(scroll.clientWidth);
  expect(scroll.scrollLeft + scroll.clientWidth, "opened on the latest days").toBeGreaterThanOrEqual(scroll.scrollWidth - 1);
  expect(await pageOverflows(page), "the page does not scroll sideways").toBe(false);
});
