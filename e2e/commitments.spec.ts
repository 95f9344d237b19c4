import { test, type Page } from "@playwright/test";
import { confirmDialog, loginAs } from "./helpers";
import { expect, unique } from "./task-helpers";

// Long flows on a loaded 2-core machine: many page loads per test.
test.describe.configure({ timeout: 180_000 });

/** Opens the town head's page with no draft in the way (a retry may find one) and returns the start button. */
async function openCommitmentPage(page: Page) {
  await page.goto("/unit/commitment");
  const discard = page.getByRole("button", { name: "删除草稿" });
  if (await discard.isVisible()) {
    await discard.click();
    await confirmDialog(page, "删除这份草稿？", "删除草稿");
    await expect(discard).toHaveCount(0);
  }
  return page.getByRole("button", { name: /^(起草承诺书|修改（新建第 \d+ 版草稿）)$/ });
}

test("a unit head publishes the commitment; it is public without login and frozen, a change is a new version", async ({ page, browser }) => {
  const title = unique("临洺关镇公开承诺书");
  const pledge = "年底前完成城中村改造占地拆迁任务，每周晒一次进度。";
  await loginAs(page, "town-head");
  await (await openCommitmentPage(page)).click();

  const editor = page.getByRole("form", { name: "编辑承诺书草稿" });
  await expect(editor).toBeVisible();
  const version = Number((await editor.getByRole("button", { name: /^发布第 \d+ 版$/ }).textContent())!.match(/\d+/)![0]);
  await editor.getByLabel("标题").fill(title);
  await editor.getByLabel("第 1 条").fill(pledge);
  await editor
    .getByText(/关联任务/)
    .first()
    .click();
  await editor.getByRole("checkbox").first().check();
  await editor.getByRole("button", { name: "添加一条承诺" }).click();
  await editor.getByLabel("第 2 条").fill("坚持一日三晒，晒实情、不造假。");
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status")).toHaveText("草稿已保存（尚未公开）。");

  // A draft is not public.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/public/commitments");
  await expect(publicPage.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);

  await editor.getByRole("button", { name: `发布第 ${version} 版` }).click();
  await confirmDialog(page, `发布第 ${version} 版承诺书？`, "发布");
  await expect(page.getByRole("heading", { name: new RegExp(`当前公开的是第 ${version} 版`) })).toBeVisible();
  await expect(page.getByRole("form", { name: "编辑承诺书草稿" })).toHaveCount(0);

  // Logged out, anyone reads it.
  await publicPage.goto("/public/commitments");
  await expect(publicPage).toHaveURL(/\/public\/commitments$/);
  await publicPage.getByRole("link", { name: new RegExp(title) }).click();
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(publicPage.getByText(pledge)).toBeVisible();
  await expect(publicPage.getByText(/对应任务：/).first()).toBeVisible();
  await expect(publicPage.getByText("承诺单位：临洺关镇")).toBeVisible();
  await expect(publicPage.getByRole("button", { name: "打印（A4）" })).toBeVisible();
  const publishedUrl = publicPage.url();
  const publishedId = publishedUrl.split("/").pop()!;

  // Frozen: a new version starts as a draft copied from it…
  await page.getByRole("button", { name: `修改（新建第 ${version + 1} 版草稿）` }).click();
  const next = page.getByRole("form", { name: "编辑承诺书草稿" });
  await expect(next.getByLabel("第 1 条")).toHaveValue(pledge);
  // …and a save aimed at the published version's id is refused by the server, changing nothing.
  await next.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), publishedId);
  await next.getByLabel("标题").fill("篡改已发布的标题");
  await next.getByRole("button", { name: "保存草稿" }).click();
  await expect(next.getByRole("alert")).toHaveText("这份承诺书已经发布，内容不能再改；如需修改，请新建一个版本。");
  await publicPage.reload();
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Publishing the new version keeps the earlier one visible, marked as history.
  await page.reload();
  const second = page.getByRole("form", { name: "编辑承诺书草稿" });
  await second.getByLabel("标题").fill(`${title}（修订）`);
  await second.getByRole("button", { name: `发布第 ${version + 1} 版` }).click();
  await confirmDialog(page, `发布第 ${version + 1} 版承诺书？`, "发布");
  await expect(page.getByRole("heading", { name: new RegExp(`当前公开的是第 ${version + 1} 版`) })).toBeVisible();
  await publicPage.goto(publishedUrl);
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(publicPage.getByRole("note")).toContainText(`这是历史版本（第 ${version} 版）`);
  await publicPage.getByRole("link", { name: `查看现行第 ${version + 1} 版` }).click();
  await expect(publicPage.getByRole("heading", { level: 1, name: `${title}（修订）` })).toBeVisible();
  await visitor.close();
});

test("the public list needs no login and shows towns and departments", async ({ page }) => {
  await page.goto("/public/commitments");
  await expect(page.getByRole("heading", { level: 1, name: "各单位公开承诺书" })).toBeVisible();
  await expect(page.getByRole("region", { name: /乡镇/ }).getByRole("link", { name: /广府镇/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /区直部门/ }).getByRole("link", { name: /区住建局/ })).toBeVisible();
  await page.getByRole("link", { name: /广府镇/ }).click();
  await expect(page.getByRole("navigation", { name: "历次版本" })).toContainText("第 1 版");
});

test("a reporter cannot open the commitment page; a draft is never public", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.goto("/unit/commitment");
  await expect(page).toHaveURL(/\/unit\?denied=1$/);
  const response = await page.request.get("/public/commitments/not-a-real-id");
  expect(response.status()).toBe(404);
});
