import { expect, test } from "@playwright/test";
import { loginAs, loginWithForm } from "./helpers";

const homes = [
  { username: "admin", path: "/admin", heading: "今日晒报情况" },
  { username: "leader", path: "/leader", heading: "全区工作概览" },
  { username: "assessor", path: "/assessor", heading: "招商引资跟踪考核组" },
  { username: "town-head", path: "/unit", heading: "临洺关镇 · 今日晒台" },
  { username: "town-reporter", path: "/unit", heading: "临洺关镇 · 今日晒台" },
  { username: "dept-head", path: "/unit", heading: "区交运局 · 今日晒台" },
];

for (const { username, path, heading } of homes) {
  test(`${username} logs in and lands on their home with seeded data`, async ({ page }) => {
    await loginWithForm(page, username);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  });
}

test("the office home lists every unit's slots", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin");
  await expect(page.locator("tbody tr")).toHaveCount(113);
  await page.getByRole("link", { name: "乡镇", exact: true }).click();
  await expect(page.locator("tbody tr")).toHaveCount(17);
  await expect(page.locator("tbody tr").first()).toContainText("临洺关镇");
});

test("the office's navigation groups its pages in menus that open, close and mark the current page", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "主导航" });
  const menu = nav.getByRole("button", { name: "考核" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "考核排名" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "考核排名" })).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await nav.getByRole("link", { name: "季度" }).click();
  await expect(page).toHaveURL("/admin/quarters");
  // The menu closed on arrival; its button says the current page is inside it.
  await expect(nav.getByRole("link", { name: "季度" })).toBeHidden();
  await menu.click();
  await expect(nav.getByRole("link", { name: "季度" })).toHaveAttribute("aria-current", "page");
  // A click elsewhere closes it.
  await page.mouse.click(640, 600);
  await expect(nav.getByRole("link", { name: "季度" })).toBeHidden();
});

test("a unit's home shows its three slots and its tasks", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/unit");
  for (const slot of ["早晒", "午晒", "晚晒"]) await expect(page.getByRole("listitem", { name: slot })).toBeVisible();
  await expect(page.getByRole("heading", { name: "需要关注的任务" })).toBeVisible();
  await expect(page.getByRole("progressbar").first()).toBeVisible();
});

test("a wrong password shows the error and does not sign in", async ({ page }) => {
  await loginWithForm(page, "admin", "not-the-password");
  await expect(page.locator("form [role=alert]")).toHaveText("用户名或密码错误。");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures trip the rate limit, even for the right password", async ({ page }) => {
  // An account no other spec signs in with: it stays locked for 15 minutes.
  const victim = "u130408108-head";
  for (let i = 0; i < 5; i++) {
    await loginWithForm(page, victim, `wrong-${i}`);
    await expect(page.locator("form [role=alert]")).toBeVisible();
  }
  await loginWithForm(page, victim);
  await expect(page.locator("form [role=alert]")).toHaveText("登录失败次数过多，请 15 分钟后再试。");
  await expect(page).toHaveURL(/\/login/);
});

test("logout revokes the session: the old cookie no longer opens a page", async ({ page, browser }) => {
  await loginAs(page, "leader");
  await page.goto("/leader");
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBeTruthy();

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto("/leader");
  await expect(stolen).toHaveURL(/\/login/);
  await replay.close();
});

test("a password change ends the old session", async ({ page, browser }) => {
  await loginAs(page, "town-head");
  await page.goto("/account");
  const cookies = await page.context().cookies();

  await page.getByLabel("当前密码").fill("wrong-current");
  await page.getByLabel("新密码", { exact: true }).fill("new-password-1");
  await page.getByLabel("再次输入新密码").fill("new-password-1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("当前密码不正确");

  await page.getByLabel("当前密码").fill("shaitai-demo");
  await page.getByLabel("新密码", { exact: true }).fill("new-password-1");
  await page.getByLabel("再次输入新密码").fill("new-password-1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=changed/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const old = await replay.newPage();
  await old.goto("/unit");
  await expect(old).toHaveURL(/\/login/);
  await replay.close();

  // Put the demo password back for the other tests.
  await loginWithForm(page, "town-head", "new-password-1");
  await expect(page).toHaveURL("/unit");
  await page.goto("/account");
  await page.getByLabel("当前密码").fill("new-password-1");
  await page.getByLabel("新密码", { exact: true }).fill("shaitai-demo");
  await page.getByLabel("再次输入新密码").fill("shaitai-demo");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=changed/);
});
