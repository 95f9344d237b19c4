/**
 * Long lists and 催报 (issue 14): /admin/reminders opens on the slot whose deadline passed most
 * recently and says which, the 未晒 counters of /admin lead to it, 全部提醒 asks first and names
 * how many (at a laptop's and a phone's width); search on /units; the searchable unit picker (the task
 * form, 开具督办单 step one, the board's trend chart);
 * paging on /admin/anomalies.
 */
import { expect, test } from "@playwright/test";
import { DEFAULT_SLOT_DEADLINES, lastPassedSlot, SLOT_LABELS } from "@/lib/reports/slots";
import { loginAs } from "./helpers";

for (const size of [
  { name: "laptop", width: 1366, height: 768 },
  { name: "phone", width: 375, height: 812 },
]) {
  test(`催报 opens on the slot most recently due and asks before reminding all (${size.name})`, async ({ page }) => {
    await page.setViewportSize(size);
    await loginAs(page, "admin");
    await page.goto("/admin/reminders");
    // The seed keeps the default deadlines; before 09:30 nothing has passed and the morning is shown.
    const passed = lastPassedSlot(DEFAULT_SLOT_DEADLINES, new Date());
    const slot = passed ?? "MORNING";
    const tabs = page.getByRole("navigation", { name: "选择时段" });
    await expect(tabs.getByRole("link", { name: SLOT_LABELS[slot] })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("default-slot")).toContainText(
      passed ? `最近一个已过截止时间的时段：${SLOT_LABELS[slot]}` : `显示下一个：${SLOT_LABELS[slot]}`,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const all = page.getByRole("button", { name: /^全部提醒（(\d+)）$/ });
    if ((await all.count()) === 0) return; // every unit has shown this slot
    const count = Number((await all.textContent())!.match(/\d+/)![0]);
    await expect(page.getByRole("heading", { name: new RegExp(`（${count}）$`) })).toBeVisible();
    await all.click();
    const dialog = page.getByRole("dialog", { name: `提醒 ${count} 个单位？` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`尚未报送${SLOT_LABELS[slot]}的 ${count} 个单位`);
    // 取消 reminds nobody: the count stays.
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(all).toHaveText(`全部提醒（${count}）`);
  });
}

test("the 未晒 counters of the office's home open 催报 on their slot", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin");
  const counter = page.getByRole("link", { name: /^未晒 \d+$/ }).first();
  await counter.click();
  await expect(page).toHaveURL("/admin/reminders?slot=MORNING");
  await expect(page.getByRole("navigation", { name: "选择时段" }).getByRole("link", { name: "早晒" })).toHaveAttribute("aria-current", "page");
});

test("/units finds a unit by part of its name, and says when none matches", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/units");
  const search = page.getByRole("search", { name: "查找单位" });
  await search.getByLabel("单位名称").fill("临洺");
  await search.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL("/units?q=%E4%B8%B4%E6%B4%BA");
  // 临洺关镇 and 临洺关自然资源所
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator('tbody tr[data-unit="临洺关镇"]')).toBeVisible();
  await expect(search.getByRole("status")).toHaveText(/找到 2 个单位/);
  await search.getByLabel("单位名称").fill("不存在的单位");
  await search.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("没有名称含“不存在的单位”的单位")).toBeVisible();
  await page.getByRole("link", { name: "显示全部" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(113);
});

test("the unit picker narrows 113 units to those whose name holds the search, and picks a single match", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/tasks/new");
  const form = page.getByRole("form", { name: "新建任务" });
  const select = form.getByLabel("责任单位");
  await expect(select.locator("option")).toHaveCount(114); // 请选择 + 113
  await form.getByRole("searchbox", { name: "按名称查找" }).fill("镇");
  await expect(form.getByText(/找到 \d+ 个单位/)).toBeVisible();
  expect(await select.locator("option").count()).toBeLessThan(30);
  await form.getByRole("searchbox", { name: "按名称查找" }).fill("交运");
  await expect(select.locator("option:checked")).toHaveText("区交运局");
  await form.getByRole("searchbox", { name: "按名称查找" }).fill("");
  // The choice stays when the search is cleared.
  await expect(select.locator("option:checked")).toHaveText("区交运局");
  await expect(select.locator("option")).toHaveCount(114);
});

test("开具督办单 finds the lead unit and a 配合单位 by part of their names, and the order is issued to them", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/orders/new");
  const step = page.getByRole("main").locator("form").first();
  const select = step.getByLabel("牵头单位");
  const search = step.getByRole("searchbox", { name: "按名称查找" });
  await expect(select.locator("option")).toHaveCount(114); // 请选择单位 + 113
  // No unit chosen: the step does not go on.
  await step.getByRole("button", { name: "下一步" }).click();
  await expect(page).toHaveURL(/\/orders\/new$/);
  // Part of a name: the list narrows and says how many.
  await search.fill("临洺关");
  await expect(step.getByText("找到 2 个单位")).toBeVisible();
  await expect(select.locator("option")).toHaveCount(3); // 请选择单位（2 个匹配）+ 2
  await expect(select.locator("option:checked")).toHaveText(/^请选择单位/);
  // A single match is picked; Enter in the search box goes to the list, it does not send the step.
  await search.fill("交运");
  await expect(select.locator("option:checked")).toHaveText("区交运局");
  await search.press("Enter");
  await expect(select).toBeFocused();
  await expect(page).toHaveURL(/\/orders\/new$/);
  await step.getByRole("button", { name: "下一步" }).click();
  await expect(page).toHaveURL(/\/orders\/new\?unitId=/);
  await expect(page.getByText("牵头单位：区交运局")).toBeVisible();
  // Step two: 配合单位 are found the same way (several: a search over checkboxes), and both travel with the order.
  const issue = page.getByRole("form", { name: "督办件立项" });
  await issue.getByText("配合单位（可选）").click();
  const co = issue.getByRole("group", { name: "配合单位" });
  await co.getByRole("searchbox", { name: "查找单位" }).fill("临洺关");
  await expect(co.getByRole("checkbox")).toHaveCount(2);
  await co.getByRole("checkbox", { name: "临洺关镇" }).check();
  await expect(co.getByRole("button", { name: "移除 临洺关镇" })).toBeVisible();
  await issue.getByLabel("标题").fill("交通护栏破损未修复，限时解决");
  await issue.getByLabel("督办内容").fill("请三日内修复国道沿线破损护栏，临洺关镇配合做好交通疏导。");
  await issue.getByRole("button", { name: "立项并交办" }).click();
  await expect(page).toHaveURL(/\/orders\/c/);
  await expect(page.getByRole("heading", { level: 1, name: "交通护栏破损未修复，限时解决" })).toBeVisible();
  await expect(page.getByText(/^牵头单位 区交运局/)).toBeVisible();
  await expect(page.getByText(/^配合单位：临洺关镇（未签收）$/)).toBeVisible();
});

test("the board's trend chart picks its unit with the same search", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/board");
  const card = page.getByRole("region", { name: "各单位季度走势" });
  await card.scrollIntoViewIfNeeded();
  const search = card.getByRole("searchbox", { name: "按名称查找" });
  await expect(search).toBeVisible();
  await search.fill("交运");
  await expect(card.getByLabel("单位", { exact: true })).toHaveValue(/.+/);
  await expect(card.getByLabel("单位", { exact: true }).locator("option:checked")).toHaveText("区交运局");
  await expect(card.getByRole("img", { name: /^区交运局各季度总分/ })).toBeVisible();
  // Cleared, the search shows every unit again and the chart keeps its unit.
  await search.fill("");
  expect(await card.getByLabel("单位", { exact: true }).locator("option").count()).toBeGreaterThan(100);
  await expect(card.getByRole("img", { name: /^区交运局各季度总分/ })).toBeVisible();
});

test("/admin/anomalies shows ten flags a page, with the pages around", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/anomalies");
  const flags = page.locator("main article");
  await expect(flags).toHaveCount(10);
  const first = await flags.first().getAttribute("aria-label");
  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(pager).toContainText(/第 1 \/ \d+ 页/);
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pager).toContainText(/第 2 \/ \d+ 页/);
  expect(await flags.first().getAttribute("aria-label")).not.toBe(first);
  await pager.getByRole("link", { name: "上一页" }).click();
  await expect(flags.first()).toHaveAttribute("aria-label", first!);
});
