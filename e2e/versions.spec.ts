/**
 * Versioned slots (issue 10): a unit changes a slot the leader has picked for
 * a spot check; the change needs a reason, is a 更正, tells the office, and the
 * check page shows what the checker saw beside what the slot shows now.
 */
import { expect, test } from "@playwright/test";
import { districtDay, loginAs, openSlot, switchUser } from "./helpers";

// 曲陌乡: no other spec files its slots.
const UNIT = "曲陌乡";
const REPORTER = "u130408203-rep";
const FIRST = "e2e 版本：上午清理河道淤泥 300 米，出动机械 4 台。";
const SECOND = "e2e 版本：上午清理河道淤泥 120 米，其余因设备故障顺延。";

test("a unit corrects a spot-checked slot：更正 on the check page with both versions, and the office is told", async ({ page }) => {
  test.slow();
  const today = districtDay();

  // The unit shows its noon.
  await loginAs(page, REPORTER);
  const filed = await page.request.post("/api/v1/cards/today/noon", { data: { note: FIRST }, headers: { "Idempotency-Key": `e2e-versions-${Date.now()}` } });
  expect(filed.status()).toBe(201);
  const { unitId } = (await filed.json()) as { unitId: string };

  // The leader picks it for a spot check.
  await switchUser(page, "leader");
  await page.goto(`/spot-checks/pick?unitId=${unitId}&from=${today}&to=${today}&slot=NOON`);
  await page.getByRole("button", { name: `抽查这条：${UNIT} ${today}` }).click();
  await expect(page).toHaveURL(/\/spot-checks\/c/);
  const checkUrl = page.url();
  await expect(page.getByText("抽查时所见即当前内容（第 1 版）")).toBeVisible();

  // The unit changes it: before 13:30 or after, a checked slot asks for a reason and says the office will be told.
  await switchUser(page, REPORTER);
  await page.goto("/unit");
  // From the morning's deadline on, the noon is the current slot and opens by itself: a bare click would close it.
  const noon = await openSlot(page, "午晒");
  await noon.getByRole("button", { name: "更正午晒" }).click();
  const form = noon.getByRole("form", { name: "填报午晒" });
  await expect(form.getByText("修改会标为“更正”并通知督查室")).toBeVisible();
  await form.getByLabel("补充说明（可选）").fill(SECOND);
  await form.getByRole("button", { name: "提交更正" }).click();
  await expect(form.getByText("请填写更正原因。")).toBeVisible();
  await form.getByLabel("更正原因（必填）").fill("设备故障，据实更正");
  await form.getByRole("button", { name: "提交更正" }).click();
  await expect(noon.getByText(SECOND).first()).toBeVisible();
  await expect(noon.getByText("更正", { exact: true }).first()).toBeVisible();

  // The office: a notice in the header, and the check page with both versions.
  await switchUser(page, "admin");
  await page.goto(checkUrl);
  await expect(page.getByRole("link", { name: /^通知，\d+ 条未读$/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "又修改了 1 次" })).toContainText("其中更正 1 次");
  const seen = page.getByRole("region", { name: "抽查时所见：第 1 版" });
  await expect(seen).toContainText(FIRST);
  await expect(seen).not.toContainText(SECOND);
  const current = page.getByRole("region", { name: "当前内容：第 2 版" });
  await expect(current).toContainText(SECOND);
  await expect(current.getByText("更正", { exact: true }).first()).toBeVisible();
  await expect(current).toContainText("原因：设备故障，据实更正");
  await page.screenshot({ path: "test-results/versions-check-page.png", fullPage: true });

  await page.goto("/notifications");
  const notice = page.getByRole("link", { name: new RegExp(`${UNIT} .*午晒已更正（第 2 版`) });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/units/${unitId}\\?date=${today}#slot-`));
  await expect(page.getByText("已修改 1 次，其中更正 1 次 · 查看各版本").first()).toBeVisible();
  await page.screenshot({ path: "test-results/versions-unit-page.png", fullPage: true });

  // The feed marks it too, and opens to both versions.
  await page.goto(`/feed?unit=${unitId}&slot=NOON`);
  const entry = page.getByRole("article", { name: `${UNIT} ${today} 午晒` });
  await expect(entry.locator("header").getByText("更正", { exact: true })).toBeVisible();
  await expect(entry.locator("header").getByText("已修改 1 次", { exact: true })).toBeVisible();
  await entry.getByText("已修改 1 次，其中更正 1 次 · 查看各版本").click();
  const versions = entry.getByRole("list", { name: `${UNIT} ${today} 午晒的版本` });
  const each = versions.locator(":scope > li");
  await expect(each).toHaveCount(2);
  await expect(each.first()).toContainText("原因：设备故障，据实更正");
  await expect(each.last()).toContainText(FIRST);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: "test-results/versions-feed-phone.png", fullPage: true });
});
