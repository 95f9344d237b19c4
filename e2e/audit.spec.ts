/**
 * The office's audit viewer: a write made a moment ago is the newest entry,
 * with who, which unit, what and the changed fields; filters live in the URL;
 * the export is an .xlsx; the leaders read it; everyone else is kept out.
 */
import { expect, test } from "@playwright/test";
import { loginAs, switchUser } from "./helpers";

test("the audit viewer shows an edit made a moment ago, filtered by unit and kind, and exports it", async ({ page }) => {
  const text = `e2e 审计：${Date.now()}`;
  await loginAs(page, "town-reporter");
  await page.goto("/unit/log");
  await page.getByLabel("今天要做的事").fill(text);
  await page.getByRole("button", { name: "记下" }).click();
  await expect(page.getByRole("listitem", { name: text })).toBeVisible();

  await switchUser(page, "admin");
  await page.goto("/admin");
  await page.getByRole("button", { name: "督查" }).click();
  await page.getByRole("link", { name: "操作记录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "操作记录" })).toBeVisible();

  await page.getByLabel("单位").selectOption({ label: "临洺关镇" });
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "添加工作日志" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]unit=.+&.*action=worklog\.add/);
  const newest = page.getByTestId("audit-row").first();
  await expect(newest).toContainText("添加工作日志");
  await expect(newest).toContainText("临洺关镇");
  await expect(newest).toContainText("town-reporter");
  await expect(newest).toContainText(text);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: "test-results/audit-viewer.png", fullPage: false });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("a leader reads the audit log; other roles are refused, page and export", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "操作记录" })).toBeVisible();
  expect((await page.request.get("/admin/audit/export")).status()).toBe(200);

  for (const [user, home] of [
    ["assessor", "/assessor"],
    ["town-head", "/unit"],
    ["town-reporter", "/unit"],
  ] as const) {
    await switchUser(page, user);
    await page.goto("/admin/audit");
    await expect(page, user).toHaveURL(new RegExp(`${home}\\?denied=1$`));
    expect((await page.request.get("/admin/audit/export")).status(), user).toBe(403);
  }
});
