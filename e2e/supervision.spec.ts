/**
 * Supervision end to end: a spot check found 不属实 shows on the report; a
 * supervision order from issue to acceptance; a seeded recycled photo flagged
 * for the office with its evidence; a bulletin drafted and published.
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { confirmDialog, districtDay, drawSpotCheck, issueOrder, loginAs, switchUser } from "./helpers";

test("draw a sample, record a 不属实 result, and see it on the report", async ({ page }) => {
  test.slow();
  await loginAs(page, "leader");
  await drawSpotCheck(page, 3, "e2e-seed-1");
  await expect(page.getByRole("status").filter({ hasText: "复核" })).toContainText("结果与本次记录一致");
  await expect(page.getByText("e2e-seed-1")).toBeVisible();
  await expect(page.getByRole("link", { name: "记录核查结果" })).toHaveCount(3);

  await page.getByRole("link", { name: "记录核查结果" }).first().click();
  await expect(page).toHaveURL(/\/spot-checks\/c/);
  const record = page.getByRole("form", { name: "记录核查结果" });
  await record.getByLabel("核查方式").selectOption("ON_SITE");
  await record.getByRole("radio", { name: "不属实" }).check();
  // A 不属实 result without a word of explanation is refused.
  await record.getByRole("button", { name: "保存核查结果" }).click();
  await expect(record.locator("#notes-error")).toContainText("请写明核查情况");
  await record.getByLabel("核查情况").fill("实地查看，晒报所称现场拆除作业当天并未开展。");
  await record.getByLabel("核查照片（可选，最多 9 张）").setInputFiles({ name: "check.jpg", mimeType: "image/jpeg", buffer: await sitePhoto() });
  await record.getByRole("button", { name: "保存核查结果" }).click();
  // The drawn slot may have claimed amounts on tasks: then 不属实 also takes them back (issue 10).
  await expect(record.getByRole("status")).toHaveText(/^核查结果已记录(，任务进度已按核查结果调整)?。$/);
  await expect(page.locator("#result-heading")).toContainText("抽查不属实");
  const checkPhoto = page.getByRole("img", { name: "核查照片 1" });
  await expect(checkPhoto).toBeVisible();
  // Decoded, not a broken image (it may still be on its way when it becomes visible).
  await expect.poll(() => checkPhoto.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);

  // The report, where it is shown: the unit's page, that day's card.
  const report = page.getByRole("article").first();
  const unitName = (await report.getByRole("link").first().textContent())!;
  await report.getByRole("link", { name: unitName }).click();
  await expect(page).toHaveURL(/\/units\/.+\?date=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("heading", { level: 1, name: unitName })).toBeVisible();
  await expect(page.getByLabel("抽查结果：不属实")).toBeVisible();
});

/** A photo-like JPEG, as a phone would upload. */
async function sitePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#8ab"/><rect y="350" width="800" height="250" fill="#775"/><rect x="300" y="200" width="200" height="150" fill="#ddd"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

test("an order's full cycle: an assessor issues it, the unit signs and asks for closure with a photo, the assessor closes and rates it", async ({ page }) => {
  test.slow();
  await loginAs(page, "assessor");
  await page.goto("/orders/new");
  // Step one, the searchable unit picker: part of the name narrows the list, then the unit is picked.
  await page.getByRole("searchbox", { name: "按名称查找" }).fill("临洺关");
  await page.getByLabel("牵头单位").selectOption({ label: "临洺关镇" });
  await page.getByRole("button", { name: "下一步" }).click();
  const issue = page.getByRole("form", { name: "督办件立项" });
  await issue.getByLabel(/关联任务/).selectOption({ index: 1 });
  await issueOrder(page, { title: "招商项目签约后开工滞后，限时解决", body: "请说明已签约项目未开工的原因，明确开工时限，并在晚晒中逐日报告进展。" });
  const orderUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "招商项目签约后开工滞后，限时解决" })).toBeVisible();
  await expect(page.getByText("待签收", { exact: true }).first()).toBeVisible();

  // Another unit does not even find it.
  await switchUser(page, "dept-head");
  await page.goto(orderUrl);
  await expect(page.getByRole("heading", { name: "没有找到这个页面" })).toBeVisible();

  // The unit signs, then asks for closure with a photo.
  await switchUser(page, "town-reporter");
  await page.goto("/orders");
  await page.getByRole("link", { name: /招商项目签约后开工滞后/ }).click();
  await page.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  const answer = page.getByRole("form", { name: "申请办结" });
  await answer.getByLabel("办理结果").fill("已召开专题会，两个项目本周办结施工许可，下周一开工，每日晚晒报告进展。");
  await answer.getByLabel(/佐证照片/).setInputFiles({ name: "site.jpg", mimeType: "image/jpeg", buffer: await sitePhoto() });
  await answer.getByRole("button", { name: "申请办结" }).click();
  // Asked, the form gives way to the step in the order's history.
  await expect(page.getByRole("region", { name: "办理过程" })).toContainText("已召开专题会");
  await expect(answer).toHaveCount(0);
  await expect(page.locator("[data-colour]").first()).toHaveAttribute("data-colour", "WAITING");
  const photo = page.getByRole("img", { name: /办结申请照片 1/ });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expect(page.getByRole("form", { name: "办结（销号）" })).toHaveCount(0);

  // The issuer closes it, then rates it.
  await switchUser(page, "assessor");
  await page.goto(orderUrl);
  const decide = page.getByRole("form", { name: "办结（销号）" });
  await decide.getByLabel("意见（可选）").fill("经核实，措施具体，同意销号。");
  await decide.getByRole("button", { name: "办结（销号）" }).click();
  await expect(decide).toHaveCount(0);
  await expect(page.locator("[data-colour]").first()).toHaveAttribute("data-colour", "CLOSED");
  await expect(page.getByText("经核实，措施具体，同意销号。")).toBeVisible();
  const rate = page.getByRole("form", { name: "评价" });
  await rate.getByRole("radio", { name: "满意", exact: true }).check();
  await rate.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("评价：满意").first()).toBeVisible();

  // The office sees it among the closed ones.
  await switchUser(page, "admin");
  await page.goto("/orders?tab=closed");
  await expect(page.getByRole("link", { name: /招商项目签约后开工滞后/ })).toBeVisible();
});

test("a seeded recycled photo is flagged for the office with both photos side by side", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/anomalies?kind=RECYCLED_PHOTO");
  // 讲武镇's report of yesterday shows 刘营镇's photo of three days before (prisma/seed/supervision-evidence.ts).
  const flag = page.getByRole("article", { name: `照片疑似重复使用：讲武镇 ${districtDay(-1)}` });
  await expect(flag).toBeVisible();
  await expect(flag).toContainText("原图为其他单位所晒");
  // The earliest original, by when the photo was added to its report (issue 10).
  await expect(flag.getByRole("figure").nth(1)).toContainText("最早晒出的原图");
  await expect(flag.getByRole("figure").nth(1)).toContainText(`刘营镇 · ${districtDay(-4)}`);
  const photos = flag.getByRole("img");
  await expect(photos).toHaveCount(2);
  for (const img of await photos.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  }
  await flag.getByRole("button", { name: "确认属实" }).click();
  // Reviewed, it leaves the open list…
  await expect(flag).toHaveCount(0);
  await page.goto("/admin/anomalies?kind=RECYCLED_PHOTO&status=CONFIRMED");
  await expect(page.getByRole("article", { name: `照片疑似重复使用：讲武镇 ${districtDay(-1)}` })).toContainText("已确认");
});

test("the office drafts a day's bulletin, edits it, publishes what it shows (after a confirmation) with the next number, and everyone reads it", async ({
  page,
}) => {
  test.slow();
  await loginAs(page, "admin");
  const before = (await (await page.request.get("/api/v1/bulletins")).json()) as { bulletins: { number: number }[] };
  const next = Math.max(0, ...before.bulletins.map((b) => b.number)) + 1;

  await page.goto("/admin/bulletins");
  await page.getByLabel("晒报日期").fill(districtDay(-1));
  await page.getByRole("button", { name: "起草快讯" }).click();
  await expect(page).toHaveURL(/\/admin\/bulletins\/c/);
  const heading = page.getByRole("heading", { name: /^本期晒报/ });
  const count = Number(/((\d+))/.exec((await heading.textContent())!)![1]);
  expect(count).toBeGreaterThan(1);
  await page.getByRole("button", { name: "第 1 条 移出本期" }).click();
  await expect(heading).toHaveText(`本期晒报（${count - 1}）`);
  // The count in the editor's note follows the items.
  await expect(page.getByLabel("编者按")).toHaveValue(new RegExp(`${count - 1}条晒报`));

  // Edited and published without 保存: the published bulletin has the edit.
  const title = `${districtDay(-1).slice(5)} 全区重点工作动态（编辑后）`;
  const excerpt = page.getByLabel("第 1 条 摘编");
  const edited = `${await excerpt.inputValue()}（督查室补充：已现场核实。）`;
  await page.getByLabel("标题").fill(title);
  await excerpt.fill(edited);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  // Cancelling leaves the draft as it is, with what was typed.
  await page.getByRole("dialog", { name: "发布这期快讯？" }).getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByLabel("标题")).toHaveValue(title);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await confirmDialog(page, "发布这期快讯？", "发布");
  await expect(page).toHaveURL(/\/bulletins\/c/);
  await expect(page.getByText(`要情快讯 · ${districtDay(-1).slice(0, 4)}年第${next}期`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title.replace("(", "（").replace(")", "）"));
  await expect(page.getByText("督查室补充：已现场核实。")).toBeVisible();
  await expect(page.getByRole("region", { name: "编者按" })).toContainText(`${count - 1}条晒报`);

  await switchUser(page, "town-reporter");
  await page.goto("/bulletins");
  await expect(
    page
      .getByRole("link")
      .filter({ hasText: `第${next}期` })
      .first(),
  ).toBeVisible();
  await page
    .getByRole("link")
    .filter({ hasText: `第${next}期` })
    .first()
    .click();
  await page.getByRole("link", { name: "A4 打印版" }).click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
});
