/**
 * 立项 from a spot check's page and from an anomaly flag (desktop): each
 * links to /orders/new?slotId=…, the form shows the report it rests on, and
 * the order issued records it (来源：晒报).
 */
import { expect, test, type Page } from "@playwright/test";
import { drawSpotCheck, issueOrder, loginAs } from "./helpers";

async function issueFromReport(page: Page, title: string) {
  await expect(page).toHaveURL(/\/orders\/new\?slotId=c/);
  await expect(page.getByRole("region", { name: "关联的晒报" })).toBeVisible();
  await issueOrder(page, { title, body: "请核实晒报所述情况，限期说明并整改。" });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/来源：晒报/)).toBeVisible();
}

test("from a spot check's page, 就此开具督办单 issues an order that records the checked report", async ({ page }) => {
  test.slow();
  await loginAs(page, "leader");
  await drawSpotCheck(page, 1, "e2e-order-source");
  await page.getByRole("link", { name: "记录核查结果" }).first().click();
  await expect(page).toHaveURL(/\/spot-checks\/c/);
  await page.getByRole("link", { name: "就此开具督办单" }).click();
  await issueFromReport(page, `抽查问题整改测试${Date.now() % 100000}`);
});

test("from an anomaly flag, 开具督办单 issues an order that records the flagged report", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/anomalies");
  await page.getByRole("link", { name: "开具督办单" }).first().click();
  await issueFromReport(page, `异常线索核查测试${Date.now() % 100000}`);
});
