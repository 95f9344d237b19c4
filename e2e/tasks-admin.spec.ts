import { test } from "@playwright/test";
import { districtDay, loginAs, switchUser } from "./helpers";
import { addMilestone, createTaskAsOffice, expect, unique } from "./task-helpers";

// Long flows on a loaded 2-core machine: many page loads per test.
test.describe.configure({ timeout: 180_000 });

test("the office creates a task with milestones; broken rules are refused in Chinese and change nothing", async ({ page }) => {
  await loginAs(page, "admin");
  const title = unique("e2e背街小巷整治");

  // An end before the start is refused and the form keeps what was typed.
  await page.goto("/admin/tasks/new");
  const form = page.getByRole("form", { name: "新建任务" });
  await form.getByLabel("责任单位").selectOption({ label: "临洺关镇" });
  await form.getByLabel("任务名称").fill(title);
  await form.getByLabel("目标值").fill("-3");
  await form.getByLabel("计量单位").fill("条");
  await form.getByLabel("开始日期").fill(districtDay(10));
  await form.getByLabel("截止日期").fill(districtDay(5));
  await form.getByRole("button", { name: "创建任务" }).click();
  await expect(form.getByText(`截止日期（${districtDay(5)}）不能早于开始日期（${districtDay(10)}）`)).toBeVisible();
  await expect(form.getByText("目标值必须大于 0")).toBeVisible();
  await expect(form.getByLabel("任务名称")).toHaveValue(title);
  await expect(page).toHaveURL(/\/admin\/tasks\/new$/);

  const id = await createTaskAsOffice(page, { unit: "临洺关镇", title, target: "20", measure: "条", start: districtDay(-5), deadline: districtDay(60) });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "任务已创建" })).toBeVisible();

  // A milestone after the task's deadline is refused…
  await addMilestone(page, { title: "年后再说", dueDate: districtDay(61), target: "5" });
  const addForm = page.getByRole("form", { name: "添加节点" });
  await expect(addForm.getByText(`节点日期不能晚于任务截止日期（${districtDay(60)}）`)).toBeVisible();
  await expect(page.getByRole("listitem", { name: "节点 年后再说" })).toHaveCount(0);

  // …two dated, quantified steps are kept.
  await addMilestone(page, { title: "第一批整治8条", dueDate: districtDay(20), target: "8" });
  await expect(page.getByRole("listitem", { name: "节点 第一批整治8条" })).toBeVisible();
  await addMilestone(page, { title: "全部整治20条", dueDate: districtDay(60), target: "20" });
  await expect(page.getByRole("listitem", { name: "节点 全部整治20条" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "变更记录" })).toBeVisible();
  await expect(page.getByText("添加节点 ·")).toHaveCount(2);

  // The list finds it by text search, with its milestones and unit.
  await page.goto(`/admin/tasks?q=${encodeURIComponent(title)}`);
  const row = page.locator("tbody tr").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2 个节点");
  await expect(row).toContainText("临洺关镇");
  await expect(row).toContainText("未开始");
  await expect(row.getByRole("link", { name: title })).toHaveAttribute("href", `/admin/tasks/${id}`);
});

test("filters live in the URL and narrow the list; the export follows them", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/tasks");
  const form = page.getByRole("search", { name: "筛选任务" });
  await form.getByLabel("单位类别").selectOption("TOWN");
  await form.getByLabel("状态").selectOption("OVERDUE");
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=TOWN/);
  await expect(page).toHaveURL(/status=OVERDUE/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")))) expect(status).toBe("OVERDUE");

  const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(href).toContain("kind=TOWN");
  expect(href).toContain("status=OVERDUE");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toContain("任务编号");
  expect(lines.length - 1).toBe(Number(await page.locator("nav[aria-label=分页] strong").textContent()));
  for (const line of lines.slice(1)) expect(line).toContain("已逾期");
});

test("a leader reads the lists by key task and by line; an assessor only the group's units", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/tasks");
  await expect(page.getByRole("link", { name: "按重点工作" })).toHaveAttribute("aria-current", "page");
  const groups = page.getByRole("region", { name: /各项重点工作的进度/ });
  await groups.getByRole("link", { name: /招商引资/ }).click();
  await expect(page).toHaveURL(/keyTask=/);
  await expect(page.locator("tbody tr").first()).toContainText("招商引资");
  await page.getByRole("link", { name: "按分线" }).click();
  await expect(page).toHaveURL(/by=line/);
  await expect(page.getByRole("region", { name: /各条分线的进度/ }).getByRole("link", { name: /美丽乡村/ })).toBeVisible();
  await expect(page.locator("tbody tr[data-status=OVERDUE]").first()).toBeVisible();

  const leaderTotal = Number(await page.locator("nav[aria-label=分页] strong").textContent());
  await switchUser(page, "assessor");
  await page.goto("/tasks");
  const assessorTotal = Number(await page.locator("nav[aria-label=分页] strong").textContent());
  expect(assessorTotal).toBeGreaterThan(0);
  expect(assessorTotal).toBeLessThan(leaderTotal);
  // 区委网信办 is outside the 招商引资 group's scope: not even a choice in the filter.
  await expect(page.getByLabel("单位").locator("option", { hasText: "区委网信办" })).toHaveCount(0);
});
