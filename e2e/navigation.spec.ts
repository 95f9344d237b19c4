/**
 * Every section reachable for every role, on a phone (375 px) and a laptop (1366 px): the bar never
 * scrolls sideways or runs off the screen, and every page of the role's navigation is one tap (or a
 * menu and a tap) away, wholly on screen.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { isNavGroup, navItemsFor } from "@/components/shell/nav-items";
import type { Role } from "@/lib/generated/prisma/enums";
import { loginAs } from "./helpers";

const ROLES: { username: string; role: Role; home: string; mustReach: string[] }[] = [
  { username: "admin", role: "ADMIN", home: "/admin", mustReach: ["单位", "要情快讯", "考核排名", "季度"] },
  { username: "leader", role: "LEADER", home: "/leader", mustReach: ["单位", "要情快讯", "考核排名"] },
  { username: "assessor", role: "ASSESSOR", home: "/assessor", mustReach: ["晾晒墙", "单位", "督办"] },
  { username: "town-head", role: "UNIT_HEAD", home: "/unit", mustReach: ["今日", "承诺书", "要情快讯"] },
  { username: "town-reporter", role: "REPORTER", home: "/unit", mustReach: ["今日", "工作日志"] },
];

const SIZES = [
  { name: "phone", width: 375, height: 812 },
  { name: "laptop", width: 1366, height: 768 },
] as const;

/** Wholly inside the viewport's width and not clipped by a scrolling ancestor. */
async function expectOnScreen(page: Page, locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(width);
  expect(box!.height, `${what} is a 44 px target`).toBeGreaterThanOrEqual(44);
  const clipped = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === "visible" && s.overflowY === "visible") continue;
      const q = p.getBoundingClientRect();
      if (r.left < q.left - 0.5 || r.right > q.right + 0.5) return true;
    }
    return false;
  });
  expect(clipped, `${what} is not cut by a scrolling box`).toBe(false);
}

for (const size of SIZES) {
  for (const { username, role, home, mustReach } of ROLES) {
    test(`${username} reaches every section at ${size.name} width`, async ({ page }) => {
      await page.setViewportSize(size);
      await loginAs(page, username);
      await page.goto(home);
      const nav = page.getByRole("navigation", { name: "主导航" });
      const bar = nav.locator(":scope > ul:visible");
      await expect(bar).toHaveCount(1);
      expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth), "the bar does not scroll sideways").toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "the page does not overflow").toBe(true);

      const buttons = bar.locator(":scope > li > button");
      for (const entry of await bar.locator(":scope > li > a, :scope > li > button").all())
        await expectOnScreen(page, entry, `entry ${await entry.textContent()}`);

      // Every page of the role's navigation, under its menu when it is not on the bar.
      const labels = navItemsFor(role)
        .flatMap((e) => (isNavGroup(e) ? e.items : [e]))
        .map((i) => i.label);
      for (const name of mustReach) expect(labels).toContain(name);
      const found = new Set<string>();
      for (const link of await bar.locator(":scope > li > a").all()) found.add((await link.textContent())!.trim());
      for (let i = 0; i < (await buttons.count()); i++) {
        const button = buttons.nth(i);
        await button.click();
        await expect(button).toHaveAttribute("aria-expanded", "true");
        const menu = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
        for (const link of await menu.getByRole("link").all()) {
          const text = (await link.textContent())!.trim();
          if (!labels.includes(text)) continue;
          await expectOnScreen(page, link, `${text} under ${await button.textContent()}`);
          found.add(text);
        }
        await page.keyboard.press("Escape");
        await expect(button).toHaveAttribute("aria-expanded", "false");
      }
      expect([...found].sort()).toEqual([...new Set(labels)].sort());
    });
  }
}

test("on a phone the office opens 单位 from the bar and 考核排名 from 更多，and signs out there", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await loginAs(page, "admin");
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "单位", exact: true }).click();
  await expect(page).toHaveURL("/units");
  await nav.getByRole("button", { name: "更多" }).click();
  await nav.getByRole("link", { name: "考核排名" }).click();
  await expect(page).toHaveURL(/\/board/);
  // The menu closed on arrival, and 更多 says the current page is inside it.
  await expect(nav.getByRole("link", { name: "考核排名" })).toBeHidden();
  await nav.getByRole("button", { name: "更多" }).click();
  await expect(nav.getByRole("link", { name: "考核排名" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: /^账号：/ })).toBeVisible();
  await expect(nav.getByRole("button", { name: "退出" })).toBeVisible();
});

test("the skip link is the first stop of the keyboard and moves to the page's content", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/leader");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main")).toBeFocused();
});
