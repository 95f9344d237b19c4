import { expect, test } from "@playwright/test";
import { loginAs, switchUser } from "./helpers";

test("signed out, every page sends you to the login", async ({ page }) => {
  for (const path of ["/", "/admin", "/leader", "/assessor", "/unit", "/units", "/account"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
});

test("a unit account is sent home from office, leader and assessor pages", async ({ page }) => {
  await loginAs(page, "town-reporter");
  for (const path of ["/admin", "/leader", "/assessor", "/units"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/unit\?denied=1$/);
  }
});

test("a unit account cannot open another unit's page by its id", async ({ page }) => {
  // The office finds another unit's id…
  await loginAs(page, "admin");
  await page.goto("/admin?kind=DEPARTMENT");
  const href = await page.getByRole("link", { name: "区交运局" }).getAttribute("href");
  expect(href).toMatch(/^\/units\//);

  // …and a town's reporter who types it in is sent home, without the data.
  await switchUser(page, "town-reporter");
  const raw = await page.request.get(href!, { maxRedirects: 0 });
  expect(await raw.text()).not.toContain("区交运局");
  await page.goto(href!);
  await expect(page).toHaveURL(/\/unit\?denied=1$/);
  await expect(page.getByRole("status")).toContainText("您没有权限查看刚才的页面");
});

test("a unit account sees its own unit's page", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin?kind=TOWN");
  const href = await page.getByRole("link", { name: "临洺关镇" }).getAttribute("href");
  await switchUser(page, "town-head");
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "临洺关镇" })).toBeVisible();
});

test("an assessor cannot open a unit outside the group's scope", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin?kind=DEPARTMENT");
  // 区委网信办 is no part of the 招商引资 group's scope in the seed.
  const href = await page.getByRole("link", { name: "区委网信办" }).getAttribute("href");
  await switchUser(page, "assessor");
  await page.goto(href!);
  await expect(page).toHaveURL(/\/assessor\?denied=1$/);
});

test("the office's pages answer a leader with a redirect home", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/leader\?denied=1$/);
});
