/**
 * A 督办件's 延期申请 in the browser (desktop): the office issues an order,
 * the lead unit signs and asks for more time with a reason, the office
 * approves, and the new deadline shows on the order's page, in the order
 * lists of the office and the unit, and in the unit's inbox.
 */
import { expect, test } from "@playwright/test";
import { districtDay, issueOrder, loginAs, switchUser, unitIdByName } from "./helpers";

test("the unit asks for an extension with a reason, the office approves, and the new deadline shows everywhere", async ({ page }) => {
  test.slow();
  const first = `${districtDay(5)} 18:00`;
  const extended = `${districtDay(12)} 17:30`;
  const title = `延期审批测试督办${Date.now() % 100000}`;

  await loginAs(page, "admin");
  await page.goto(`/orders/new?unitId=${await unitIdByName(page, "临洺关镇")}`);
  const orderPath = await issueOrder(page, { title, body: "请于期限内完成背街小巷路灯修复，并报告进展。" });
  await expect(page.getByTestId("order-deadline")).toHaveText(`办结期限 ${first}`);

  // The lead unit signs, then asks for more time, with a reason.
  await switchUser(page, "town-reporter");
  await page.goto(orderPath);
  await page.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  const ask = page.getByRole("form", { name: "延期申请" });
  await expect(ask).toBeVisible();
  await ask.getByLabel("申请延至（日期）").fill(districtDay(12));
  await ask.getByLabel("时间").fill("17:30");
  await ask.getByLabel("延期理由").fill("灯杆需整体更换，厂家供货需一周，申请延期七天。");
  await ask.getByRole("button", { name: "提交延期申请" }).click();
  const history = page.getByRole("region", { name: "办理过程" });
  await expect(history).toContainText("灯杆需整体更换");
  await expect(history).toContainText(`申请延至 ${extended}`);
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId("order-deadline")).toHaveText(`办结期限 ${first}`, { useInnerText: true });

  // The office approves: the requested date becomes the deadline, recorded in the history.
  await switchUser(page, "admin");
  await page.goto(orderPath);
  await expect(page.getByRole("region", { name: "审批延期申请" })).toBeVisible();
  await page.getByRole("form", { name: "同意延期", exact: true }).getByRole("button", { name: "同意延期", exact: true }).click();
  await expect(page.getByTestId("order-deadline")).toHaveText(`办结期限 ${extended}`);
  await expect(page.getByRole("region", { name: "办理过程" })).toContainText(`期限由 ${first} 延至 ${extended}`);
  await expect(page.getByRole("form", { name: "同意延期", exact: true })).toHaveCount(0);
  await page.screenshot({ path: "test-results/order-extension-approved.png", fullPage: true });

  // The office's list of orders shows the new deadline.
  await page.goto("/orders");
  const row = page.getByRole("link", { name: new RegExp(title) });
  await expect(row).toContainText(`期限 ${extended}`);
  await expect(row).not.toContainText(`期限 ${first}`);
  await page.screenshot({ path: "test-results/order-extension-list.png", fullPage: true });

  // So do the unit's list and its inbox.
  await switchUser(page, "town-reporter");
  await page.goto("/orders");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toContainText(`期限 ${extended}`);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: new RegExp(`督办件《${title}》延期申请已同意，新的办结期限为${extended}`) })).toBeVisible();
});

test("the office sets the lead times of the 催报 and the 超期预警 on the robots page", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/robots");
  const form = page.getByRole("form", { name: "提醒时间" });
  await expect(form.getByLabel("催报提前（分钟）")).toHaveValue("30");
  await expect(form.getByLabel("超期预警提前（小时）")).toHaveValue("24");
  await form.getByLabel("催报提前（分钟）").fill("45");
  await form.getByRole("button", { name: "保存提醒时间" }).click();
  await expect(form.getByText("已保存提醒时间。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "提醒时间" }).getByLabel("催报提前（分钟）")).toHaveValue("45");
  await page.getByRole("region", { name: "提醒时间" }).screenshot({ path: "test-results/lead-times.png" });
  // Back to the default, for the other specs.
  await page.getByRole("form", { name: "提醒时间" }).getByLabel("催报提前（分钟）").fill("30");
  await page.getByRole("form", { name: "提醒时间" }).getByRole("button", { name: "保存提醒时间" }).click();
  await expect(page.getByRole("form", { name: "提醒时间" }).getByText("已保存提醒时间。")).toBeVisible();
});
