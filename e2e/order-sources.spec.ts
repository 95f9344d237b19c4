/**
 * 立项 from a spot check's page and from an anomaly flag (desktop): each
 * links to /orders/new?slotId=…, the form shows the report it rests on, and
 * the order issued records it (来源：晒报).
 */
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

function shanghaiDate(offset = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(Date.now() + offset * 86_400_000);
}

async function issueFromReport(page: Page, title: string) {
  await expect(page).toHaveURL(/\/orders\/new\?slotId=c/);
  await expect(page.getByRole("region", { name: "关联的晒报" })).toBeVisible();
  const issue = page.getByRole("form", { name: "督办件立项" });
  await issue.getByLabel("标题").fill(title);
  await issue.getByLabel("督办内容").fill("请核实晒报所述情况，限期说明并整改。");
  await issue.getByLabel("办结期限（日期）").fill(shanghaiDate(5));
  await issue.getByRole("button", { name: "立项并交办" }).click();
  await expect(page).toHaveURL(/\/orders\/c/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/来源：晒报/)).toBeVisible();
}

test("from a spot check's page, 就此开具督办单 issues an order that records the checked report", async ({ page }) => {
  test.slow();
  await loginAs(page, "leader");
  await page.goto("/spot-checks");
  const form = page.getByRole("form", { name: "随机抽查" });
  await form.getByLabel("条数", { exact: true }).fill("1");
  await form.getByLabel("随机种子（可不填）").fill("e2e-order-source");
  await form.getByRole("button", { name: "抽取" }).click();
  await expect(page).toHaveURL(/\/spot-checks\/draws\//);
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
