/**
 * A unit cannot read or change another unit's tasks by editing ids in
 * requests: pages answer 404, the server actions refuse (nothing changes),
 * the route handlers answer 403 or return only the caller's own rows.
 */
import { test, type Page } from "@playwright/test";
import { makeTaskSheet } from "@/lib/testing/task-sheet";
import { districtDay, loginAs, switchUser } from "./helpers";
import { expect, unique } from "./task-helpers";

// Long flows on a loaded 2-core machine: many page loads per test.
test.describe.configure({ timeout: 180_000 });

/** As the office: a task of `unit` with a milestone — its id, title, milestone id and value reached. */
async function foreignTask(page: Page, unit: string) {
  await page.goto(`/admin/tasks?q=${encodeURIComponent(unit)}`);
  const row = page.locator("tbody tr").filter({ hasText: unit }).filter({ hasText: "个节点" }).first();
  const link = row.getByRole("link").first();
  const title = (await link.textContent())!;
  const id = (await link.getAttribute("href"))!.split("/").pop()!;
  await page.goto(`/admin/tasks/${id}`);
  const milestoneId = await page.locator('li[aria-label^="节点"] input[name="id"]').first().inputValue();
  const value = await page.getByRole("form", { name: "编辑任务" }).getByLabel("完成值").inputValue();
  const milestoneValue = (await page.locator('li[aria-label^="节点"]').first().textContent())!;
  return { id, title, milestoneId, value, milestoneValue };
}

test("a unit cannot read or change another unit's task or milestone by its id", async ({ page }) => {
  await loginAs(page, "admin");
  const other = await foreignTask(page, "区交运局");

  await switchUser(page, "town-reporter");
  // Reading: the other unit's task page is a 404 without its data.
  const raw = await page.request.get(`/unit/tasks/${other.id}`);
  expect(await raw.text()).not.toContain(other.title);
  await page.goto(`/unit/tasks/${other.id}`);
  await expect(page.getByRole("heading", { name: "没有找到这个页面" })).toBeVisible();
  await expect(page.getByText(other.title)).toHaveCount(0);
  // The leaders' read view is not a back door either.
  await page.goto(`/tasks/${other.id}`);
  await expect(page).toHaveURL(/\/unit\?denied=1$/);

  // Changing: our own task's form, its hidden id swapped for theirs, goes to the server and is refused.
  await page.goto("/unit/tasks");
  await page.locator("main ul a").first().click();
  const taskForm = page.getByRole("form", { name: "填报任务进度" });
  const ownValue = await taskForm.getByLabel(/完成值/).inputValue();
  await taskForm.locator('input[name="taskId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), other.id);
  await taskForm.getByLabel(/完成值/).fill("999");
  await taskForm.getByRole("button", { name: "保存进度" }).click();
  await expect(taskForm.getByRole("alert")).toHaveText("没有找到这项任务，或您无权操作。");
  await page.reload();
  await expect(page.getByRole("form", { name: "填报任务进度" }).getByLabel(/完成值/)).toHaveValue(ownValue);

  const milestoneForm = page.locator('form[aria-label^="填报节点进度"]').first();
  if (await milestoneForm.count()) {
    await milestoneForm.locator('input[name="milestoneId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), other.milestoneId);
    await milestoneForm.getByLabel(/完成值/).fill("999");
    await milestoneForm.getByRole("button", { name: "保存进度" }).click();
    await expect(milestoneForm.getByRole("alert")).toHaveText("没有找到这个节点，或您无权操作。");
  }

  // The export answers only with the caller's own tasks, whatever unit the query names.
  const exported = await page.request.get(`/tasks/export?format=csv&q=${encodeURIComponent("区交运局")}`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain("区交运局");

  // The office's routes refuse a unit outright, and the import writes nothing.
  expect((await page.request.get("/admin/tasks/template")).status()).toBe(403);
  const key = unique("SCOPE");
  const sneaked = await page.request.post("/admin/tasks/import/commit", {
    headers: { "X-Requested-With": "XMLHttpRequest" },
    multipart: {
      file: {
        name: "x.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await makeTaskSheet([{ 任务编号: key, 责任单位: "临洺关镇", 任务名称: key, 目标值: 1, 计量单位: "个", 截止日期: districtDay(30) }]),
      },
    },
  });
  expect(sneaked.status()).toBe(403);

  // Nothing changed on the other unit's task, and nothing was imported.
  await switchUser(page, "admin");
  await page.goto(`/admin/tasks/${other.id}`);
  await expect(page.getByRole("form", { name: "编辑任务" }).getByLabel("完成值")).toHaveValue(other.value);
  await expect(page.locator('li[aria-label^="节点"]').first()).toHaveText(other.milestoneValue);
  await page.goto(`/admin/tasks?q=${key}`);
  await expect(page.getByText("没有符合条件的任务")).toBeVisible();
});

test("an assessor cannot open a task outside the group's units", async ({ page }) => {
  await loginAs(page, "admin");
  const outside = await foreignTask(page, "区委网信办");
  await switchUser(page, "assessor");
  await page.goto(`/tasks/${outside.id}`);
  await expect(page.getByRole("heading", { name: "没有找到这个页面" })).toBeVisible();
  await expect(page.getByText(outside.title)).toHaveCount(0);
  const exported = await page.request.get(`/tasks/export?format=csv&q=${encodeURIComponent("区委网信办")}`);
  expect(await exported.text()).not.toContain("区委网信办");
});

test("an import upload without the page's header is refused (no cross-site posts)", async ({ page }) => {
  await loginAs(page, "admin");
  const response = await page.request.post("/admin/tasks/import/preview", {
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("任务编号\n1") } },
  });
  expect(response.status()).toBe(403);
});
