/**
 * The daily card without traps (issue 14), on a phone (375 px), as 永合会镇's
 * reporter, whose card the seed leaves empty today and no other spec uses.
 * Its task 「王边村等4个美丽乡村省级重点村创建」 asks for a photo and a place
 * as evidence of ✓. The tests may run at any hour: the 迟报 notice is checked
 * against the slot's own deadline as the page shows it.
 */
import { expect, test, type Locator } from "@playwright/test";
import sharp from "sharp";
import { loginAs, openSlot } from "./helpers";

test.describe.configure({ mode: "serial" });

const REPORTER = "u130408104-rep";
const TASK = "王边村等4个美丽乡村省级重点村创建";
const PLAN = "e2e 王边村人居环境整治验收";

/** The district's clock (Asia/Shanghai), whatever the time zone of the machine running the tests: "YYYY-MM-DD HH:MM". */
const districtNow = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date());

/** Whether the district's clock is past the slot's deadline shown as "截止 HH:MM". */
async function pastDeadline(slot: Locator): Promise<boolean> {
  const text = await slot.locator("summary").innerText();
  const [, hh, mm] = /截止 (\d{2}):(\d{2})/.exec(text)!;
  return districtNow().slice(11) > `${hh}:${mm}`;
}

async function sitePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="100%" height="100%" fill="#7a8"/><rect x="400" y="300" width="700" height="500" fill="#eee"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

test("the morning: nothing ticked for the reporter，下一节点 not in the past, a notice before a late slot", async ({ page }) => {
  await loginAs(page, REPORTER);
  await page.goto("/unit");
  const morning = await openSlot(page, "早晒");
  const form = morning.getByRole("form", { name: "填报早晒" });
  for (const box of await form.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await expect(form.getByText(/已选 0 项/)).toBeVisible();

  // 下一节点 is a milestone due today or later.
  const today = districtNow().slice(0, 10);
  for (const hint of await form.getByText(/^下一节点：/).allInnerTexts()) {
    const [, due] = /((\d{4}-\d{2}-\d{2}))/.exec(hint)!;
    expect(due >= today, `${hint} is not in the past`).toBe(true);
  }

  const late = await pastDeadline(morning);
  await expect(form.getByText("将标为迟报：")).toHaveCount(late ? 1 : 0);
  await expect(form.getByRole("button", { name: late ? "提交早晒（迟报）" : "提交早晒" })).toBeVisible();
  await page.screenshot({ path: "test-results/card-traps-morning.png", fullPage: true });

  await form
    .getByRole("group", { name: "从任务清单选" })
    .getByRole("checkbox", { name: new RegExp(TASK) })
    .check();
  await form.getByLabel("今天具体做什么（可改写）").fill(PLAN);
  await form.getByRole("button", { name: /^提交早晒/ }).click();
  await expect(morning.getByText(PLAN)).toBeVisible();
  // The item's task once, in a neutral line.
  await expect(morning.getByText("关联任务")).toBeVisible();
  await expect(morning.getByRole("link", { name: TASK })).toBeVisible();
});

test("the evening says before sending what evidence is missing, and counts the day's photo and place", async ({ page }) => {
  await loginAs(page, REPORTER);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/v1/cards/")) posts.push(request.url());
  });
  await page.goto("/unit");
  let evening = await openSlot(page, "晚晒");
  let form = evening.getByRole("form", { name: "填报晚晒" });
  const item = form
    .locator("fieldset")
    .filter({ has: page.getByRole("radio", { name: "✓ 完成" }) })
    .filter({ hasText: PLAN });
  // The photo field says exactly when a photo is needed: only once ✓ is marked, and not for ?.
  await expect(form.getByRole("group", { name: /^照片（标记 ✓ 时必填）/ })).toBeVisible();
  await item.getByText("✓ 完成").click();
  await expect(form.getByRole("group", { name: /^照片（必填）/ })).toBeVisible();
  await expect(form.getByText(/标记完成须有现场照片/)).toBeVisible();
  await form.getByRole("button", { name: /^提交晚晒/ }).click();
  await expect(form.locator("[role=alert]").filter({ hasText: /须附现场照片：请在下方“照片”处上传至少 1 张/ })).toBeVisible();
  expect(posts, "nothing was sent: the form said what is missing first").toHaveLength(0);

  // The noon brings a photo and a place.
  await page.reload();
  const noon = await openSlot(page, "午晒");
  const noonForm = noon.getByRole("form", { name: "填报午晒" });
  await expect(noonForm.getByRole("group", { name: /^照片（可选，晚晒标记完成时须有）/ })).toBeVisible();
  await noonForm.getByLabel(PLAN).fill("验收资料已备齐");
  await noonForm.getByLabel("拍照").setInputFiles({ name: "验收.jpg", mimeType: "image/jpeg", buffer: await sitePhoto() });
  await noonForm.getByLabel("地点名称").fill("王边村村委会");
  await noonForm.getByRole("button", { name: /^提交午晒/ }).click();
  await expect(noon.getByText("进展：验收资料已备齐")).toBeVisible();

  // The evening's ✓ rests on them: nothing more to attach, no refusal.
  evening = await openSlot(page, "晚晒");
  form = evening.getByRole("form", { name: "填报晚晒" });
  // ✓ may already be ticked from the kept draft of the first attempt; ticking it again keeps it.
  const marked = form
    .locator("fieldset")
    .filter({ has: page.getByRole("radio", { name: "✓ 完成" }) })
    .filter({ hasText: PLAN });
  await marked.getByText("✓ 完成").click();
  await expect(form.getByText(/今天已上传的 1 张照片可以作为证明/)).toBeVisible();
  await expect(form.getByRole("group", { name: /^照片（可选，今天已有）/ })).toBeVisible();
  await page.screenshot({ path: "test-results/card-traps-evening.png", fullPage: true });
  await form.getByRole("button", { name: /^提交晚晒/ }).click();
  const done = evening.getByRole("listitem").filter({ hasText: PLAN });
  await expect(done).toContainText("已完成：");
});
