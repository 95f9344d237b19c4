import { test } from "@playwright/test";
import { districtDay, loginAs, switchUser } from "./helpers";
import { addMilestone, createTaskAsOffice, expect, unique } from "./task-helpers";

// Long flows on a loaded 2-core machine: many page loads per test.
test.describe.configure({ timeout: 180_000 });

test("a unit reports progress on its phone and sees the status change; overdue comes first", async ({ page }) => {
  const title = unique("e2e签约项目");
  const lateTitle = unique("e2e逾期任务");
  await loginAs(page, "admin");
  await createTaskAsOffice(page, { unit: "临洺关镇", title, target: "4", measure: "个", start: districtDay(-10), deadline: districtDay(30) });
  await addMilestone(page, { title: "先签约2个", dueDate: districtDay(10), target: "2" });
  await expect(page.getByRole("listitem", { name: "节点 先签约2个" })).toBeVisible();
  await createTaskAsOffice(page, { unit: "临洺关镇", title: lateTitle, target: "3", measure: "个", start: districtDay(-30), deadline: districtDay(-1) });

  await switchUser(page, "town-reporter");
  await page.goto("/unit/tasks");
  // Sections in order of urgency: overdue first.
  const headings = page.getByRole("heading", { level: 2 });
  await expect(headings.first()).toHaveText(/^已逾期/);
  await expect(page.getByRole("region", { name: /已逾期/ }).getByRole("link", { name: new RegExp(lateTitle) })).toBeVisible();
  const card = page.getByRole("link", { name: new RegExp(title) });
  await expect(card).toContainText("未开始");
  await card.click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const taskForm = page.getByRole("form", { name: "填报任务进度" });
  await taskForm.getByLabel(/完成值/).fill("1");
  await taskForm.getByLabel("进展说明").fill("已签约1个项目");
  await taskForm.getByRole("button", { name: "保存进度" }).click();
  await expect(taskForm.getByRole("status")).toHaveText("已保存，当前状态：进行中。");
  await expect(page.locator("[data-status]").first()).toHaveText("进行中");
  await expect(page.getByText("进展：已签约1个项目")).toBeVisible();

  // A negative value is refused, and nothing changes.
  await taskForm.getByLabel(/完成值/).fill("-2");
  await taskForm.getByRole("button", { name: "保存进度" }).click();
  await expect(taskForm.getByText("完成值不能为负数")).toBeVisible();
  await page.reload();
  await expect(page.getByText("已完成 1 / 4 个")).toBeVisible();

  const milestoneForm = page.getByRole("form", { name: "填报节点进度：先签约2个" });
  await milestoneForm.getByLabel(/完成值/).fill("2");
  await milestoneForm.getByRole("button", { name: "保存进度" }).click();
  await expect(milestoneForm.getByRole("status")).toHaveText("已保存，当前状态：已完成。");

  await taskForm.getByLabel(/完成值/).fill("4");
  await taskForm.getByRole("button", { name: "保存进度" }).click();
  await expect(taskForm.getByRole("status")).toHaveText("已保存，当前状态：已完成。");
  await expect(page.locator("[data-status]").first()).toHaveText("已完成");

  await page.goto("/unit/tasks");
  await expect(page.getByRole("region", { name: /已完成/ }).getByRole("link", { name: new RegExp(title) })).toBeVisible();
});
