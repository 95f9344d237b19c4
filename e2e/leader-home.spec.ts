/**
 * The leader's home (/leader) reads its task figures in one pass (getTaskOverview) and both days'
 * 三晒 in one query (listDaysStatus): its figures must agree with the lists they summarise.
 */
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

/** The value of a Stat card, found by its label. */
async function stat(page: Page, label: string): Promise<string> {
  const card = page
    .locator("div.rounded-xl")
    .filter({ has: page.getByText(label, { exact: true }) })
    .first();
  return (await card.locator("div.text-3xl").innerText()).trim();
}

/** The total of a task list page: 「共 N 项」. */
async function listTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^共 \d+ 项/)
    .first()
    .innerText();
  return Number(/共 (\d+) 项/.exec(text)![1]);
}

test("the leader's home agrees with the task lists: overdue count, done of all, and the oldest overdue tasks first", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/leader");
  await expect(page.getByRole("heading", { level: 1, name: "全区工作概览" })).toBeVisible();

  const overdue = Number(await stat(page, "任务已逾期"));
  const [done, all] = (await stat(page, "任务已完成")).split("/").map(Number);
  expect(overdue).toBeGreaterThan(0);
  expect(done).toBeLessThanOrEqual(all);

  // The overdue list: at most 8, each marked 已逾期, oldest deadline first.
  const items = page.getByRole("region", { name: "逾期任务" }).getByRole("listitem");
  await expect(items).toHaveCount(Math.min(8, overdue));
  await expect(items.filter({ hasText: "已逾期" })).toHaveCount(Math.min(8, overdue));
  const deadlines = (await items.allInnerTexts()).map((text) => /截止 (\d{4}-\d{2}-\d{2})/.exec(text)![1]);
  expect(deadlines).toEqual([...deadlines].sort());

  // 今日早晒 and 昨日晚晒 count every unit of the district.
  expect(await stat(page, "今日早晒")).toMatch(/^\d+\/113$/);
  expect(await stat(page, "昨日晚晒")).toMatch(/^\d+\/113$/);

  await page.getByRole("link", { name: "全部逾期任务 →" }).click();
  await expect(page).toHaveURL(/status=OVERDUE/);
  expect(await listTotal(page)).toBe(overdue);

  await page.goto("/tasks");
  expect(await listTotal(page)).toBe(all);
});
