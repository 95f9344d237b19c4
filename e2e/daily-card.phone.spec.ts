/**
 * 一日三晒 on a phone (375 px), as 临洺关镇's reporter — whose card the seed
 * leaves empty today: the morning plan picked from the task list, the noon
 * with a photo, the evening ticks; then the feed, the office and a leader see
 * it, and the unit answers the leader's instruction. The tests may run at any
 * hour: a slot past its deadline is accepted and marked late, so they assert
 * on content, never on "on time".
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { loginAs, openSlot, switchUser } from "./helpers";

test.describe.configure({ mode: "serial" });

const PLAN = "e2e 现场推进拆迁";

async function sitePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="100%" height="100%" fill="#8a7"/><circle cx="700" cy="500" r="300" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

test("the morning plan is picked from the unit's tasks", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/unit");
  const morning = await openSlot(page, "早晒");
  const form = morning.getByRole("form", { name: "填报早晒" });
  // Yesterday's open items are offered, not ticked; a task from the list is picked and worded for today.
  const carried = form.getByRole("group", { name: "昨日未完成（结转）" });
  await expect(carried).toBeVisible();
  for (const box of await carried.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await form.getByRole("group", { name: "从任务清单选" }).getByRole("checkbox").first().check();
  await form.getByLabel("今天具体做什么（可改写）").fill(PLAN);
  await form.getByRole("button", { name: "提交早晒" }).click();

  await expect(morning.getByText(PLAN)).toBeVisible();
  // The slot's badge (after 09:30 the form itself also says 迟报 until it is sent).
  await expect(morning.getByRole("heading").getByText(/^(已晒|迟报)$/)).toBeVisible();
  // The item's task once, in a neutral line (not the red "任务:…" link).
  await expect(morning.getByText("关联任务").first()).toBeVisible();
  await expect(morning.getByRole("link", { name: /^任务:/ })).toHaveCount(0);
});

test("the noon reports progress with a photo", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/unit");
  const noon = await openSlot(page, "午晒");
  const form = noon.getByRole("form", { name: "填报午晒" });
  await form.getByLabel(PLAN).fill("已完成一半");
  await form.getByLabel("拍照").setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: await sitePhoto() });
  await expect(form.getByRole("img", { name: "待上传：现场.jpg" })).toBeVisible();
  await form.getByRole("button", { name: "提交午晒" }).click();

  await expect(noon.getByText("进展：已完成一半")).toBeVisible();
  await expect(noon.getByRole("button", { name: /查看大图：午晒第 1 张照片/ })).toBeVisible();
});

test("the evening ticks each item ✓ or ? with a reason", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/unit");
  const evening = await openSlot(page, "晚晒");
  const form = evening.getByRole("form", { name: "填报晚晒" });
  const items = form.locator("fieldset").filter({ has: page.getByRole("radio", { name: "✓ 完成" }) });
  // Before 13:30 in Shanghai the evening starts closed and its form loads when opened: count once it is there.
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    if ((await item.locator("legend").innerText()) === PLAN) {
      await item.getByText("✓ 完成").click();
      await item.getByLabel(/今日完成量/).fill("2");
    } else {
      await item.getByText("? 未完成").click();
      await item.getByLabel("未完成原因（必填）").fill("e2e 等待协调");
    }
  }
  await form.getByLabel("地点名称").fill("东街拆迁现场");
  await form.getByRole("button", { name: "提交晚晒" }).click();

  const done = evening.getByRole("listitem").filter({ hasText: PLAN });
  await expect(done).toContainText("已完成：");
  await expect(done).toContainText("完成 2");
  if (count > 1) await expect(evening.getByText("原因：e2e 等待协调").first()).toBeVisible();
});

test("the feed shows the day's three slots, photos in a lightbox", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/feed");
  const latest = page.getByRole("article", { name: /临洺关镇 .* 晚晒/ }).first();
  await expect(latest).toContainText(`${PLAN}，完成2`);
  const noon = page.getByRole("article", { name: /临洺关镇 .* 午晒/ }).first();
  await expect(noon).toContainText("已完成一半");
  await noon.getByRole("button", { name: /查看大图/ }).click();
  const lightbox = page.getByRole("dialog");
  await expect(lightbox.getByRole("img")).toBeVisible();
  // The lightbox shows the display size; the stored original only behind 查看原图.
  await expect(lightbox.getByRole("img")).toHaveAttribute("src", /\?size=display$/);
  await expect(lightbox.getByRole("link", { name: "查看原图" })).toHaveAttribute("href", /^\/api\/photos\/[^?]+$/);
  await lightbox.getByRole("button", { name: "关闭" }).click();
  await expect(lightbox).toBeHidden();
});

test("the office sees the unit as reported", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin?kind=TOWN");
  const row = page.locator('tr[data-unit="临洺关镇"]');
  for (const slot of ["早晒", "午晒", "晚晒"]) await expect(row.locator(`td[data-label="${slot}"]`)).toHaveText(/^(已晒|迟报)$/);
  await page.goto("/admin/reminders?slot=EVENING");
  await expect(page.locator('tr[data-unit="临洺关镇"]')).toHaveCount(0);
});

test("a leader instructs on the report with a deadline, the unit answers, the leader accepts it and the 批示 is closed", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/feed");
  const report = page.getByRole("article", { name: /临洺关镇 .* 晚晒/ }).first();
  await report.getByText("写批示").click();
  await report.getByLabel("批示内容").fill("e2e 批示：拆迁要依法依规，明天报告进度。");
  // The earliest deadline the form offers is the district's today.
  const deadline = report.getByLabel("办理期限（可不填）");
  const today = await deadline.getAttribute("min");
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await deadline.fill(today!);
  await report.getByRole("button", { name: "发出批示" }).click();
  await expect(report.getByRole("status")).toHaveText(`批示已发出，请单位在 ${today} 前回复。`);
  await page.goto("/leader/instructions");
  const mine = page.getByRole("listitem", { name: /临洺关镇/ }).filter({ hasText: "e2e 批示" });
  await expect(mine).toContainText("待回复");
  await expect(mine).toContainText(`期限 ${today}`);
  await expect(mine.getByRole("link", { name: "转为督办件" })).toHaveAttribute("href", /^\/orders\/new\?instructionId=/);
  await page.screenshot({ path: "test-results/instructions-open-375.png", fullPage: true });

  await switchUser(page, "town-head");
  await page.goto("/unit");
  const open = page.getByRole("listitem").filter({ hasText: "e2e 批示：拆迁要依法依规" });
  await expect(open).toContainText(`期限 ${today}`);
  await open.getByLabel("回复（落实情况）").fill("已安排专人盯办，明晚晚晒报告。");
  await open.getByRole("button", { name: "提交回复" }).click();
  await expect(open.getByRole("status")).toHaveText("回复已提交。");

  await switchUser(page, "leader");
  await page.goto("/leader/instructions");
  const answered = page.getByRole("listitem", { name: /临洺关镇/ }).filter({ hasText: "e2e 批示" });
  await expect(answered).toContainText("已回复，待确认");
  await expect(answered).toContainText("已安排专人盯办");
  await page.screenshot({ path: "test-results/instructions-answered-375.png", fullPage: true });
  await answered.getByRole("button", { name: "采纳，办结" }).click();
  await expect(answered.getByRole("status")).toHaveText("已采纳回复，批示办结。");
  await page.goto("/leader/instructions?show=closed");
  const closed = page.getByRole("listitem", { name: /临洺关镇/ }).filter({ hasText: "e2e 批示" });
  await expect(closed).toContainText("已办结");
  await expect(closed.getByRole("button", { name: "采纳，办结" })).toHaveCount(0);
  await page.goto("/leader/instructions");
  await expect(page.getByRole("listitem").filter({ hasText: "e2e 批示" })).toHaveCount(0);
});
