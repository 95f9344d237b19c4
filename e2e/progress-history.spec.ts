/**
 * The progress history on the task page, and a claim found false taken back
 * (issues 10 and 11): a unit's evening amount moves the task, the office
 * records the report as 不属实, and the task page shows the reversal linked
 * to the check, in the list and in the chart. Uses 西苏镇, which no other spec
 * reports for today.
 */
import { test } from "@playwright/test";
import { districtDay, loginAs, switchUser } from "./helpers";
import { createTaskAsOffice, expect, unique } from "./task-helpers";

test.describe.configure({ timeout: 180_000 });

test("an evening's amount shows in the task's history; found 不属实，it is taken back with a link to the check", async ({ page }) => {
  const title = unique("e2e进度历史");
  const text = unique("e2e拆除东街违建");
  const today = districtDay(0);
  await loginAs(page, "admin");
  const taskId = await createTaskAsOffice(page, { unit: "西苏镇", title, target: "10", measure: "户", start: districtDay(-30), deadline: districtDay(30) });

  await switchUser(page, "u130408106-rep");
  const posted = await page.request.post("/api/v1/cards/today/evening", {
    data: { items: [{ text, taskId, done: true, progressValue: 6 }], revisionReason: "补报今天的完成量" },
    headers: { "Idempotency-Key": unique("e2e-progress-") },
  });
  expect(posted.ok(), await posted.text()).toBe(true);
  await page.goto(`/unit/tasks/${taskId}`);
  const unitHistory = page.getByRole("region", { name: "进度记录" });
  await expect(unitHistory.getByRole("listitem").first()).toContainText("晚晒填报");
  await expect(unitHistory.getByRole("listitem").first()).toContainText("+6 → 6户");

  await switchUser(page, "admin");
  await page.goto(`/spot-checks/pick?from=${today}&to=${today}&q=${encodeURIComponent(text)}`);
  await page.getByRole("button", { name: `抽查这条：西苏镇 ${today}` }).click();
  await expect(page).toHaveURL(/\/spot-checks\/c[a-z0-9]+$/);
  const checkUrl = page.url();
  const form = page.getByRole("form", { name: "记录核查结果" });
  await form.getByLabel("核查方式").selectOption("ON_SITE");
  await form.getByLabel("不属实", { exact: true }).check();
  await expect(form.getByText(/将全部从任务进度中核减/)).toContainText(`${title} 6户`);
  await form.getByLabel("核查情况").fill("到现场查看，东街违建尚未拆除。");
  await form.getByRole("button", { name: "保存核查结果" }).click();
  await expect(form.getByRole("status")).toHaveText("核查结果已记录，任务进度已按核查结果调整。");
  await page.reload();
  await expect(page.getByText("已从任务进度中核减：")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("所报 6户，核减 6户");

  await page.goto(`/tasks/${taskId}`);
  const history = page.getByRole("region", { name: "进度记录" });
  const newest = history.getByRole("list", { name: "进度变化，最新在前" }).getByRole("listitem").first();
  await expect(newest).toContainText("抽查核减");
  await expect(newest).toContainText("−6 → 0户");
  await expect(newest.getByRole("link", { name: "查看抽查" })).toHaveAttribute("href", new URL(checkUrl).pathname);
  await expect(history.getByRole("img", { name: /^完成值变化：/ })).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText("未开始");
  await history.screenshot({ path: "test-results/progress-history-reversal.png" });
});

test("a seeded task's page charts its value over the year", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/tasks?status=DONE");
  await page.locator('a[href^="/admin/tasks/"]:not([href*="new"]):not([href*="import"]):not([href*="template"])').first().click();
  const history = page.getByRole("region", { name: "进度记录" });
  await expect(history.getByRole("img", { name: /^完成值变化：/ })).toBeVisible();
  await expect(history.getByRole("listitem").first()).toContainText("单位更新");
  await history.screenshot({ path: "test-results/progress-history-seeded.png" });
});
