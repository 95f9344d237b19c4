/**
 * A leader's 批示 becomes a 督办件 in one step (/leader/instructions →
 * 转为督办件 → /orders/new?instructionId=…): the form comes filled in, the
 * order records its source, and the 批示 then links to it; the office reads
 * every leader's 批示. The seed leaves an open 批示 by "leader" on 临洺关镇's
 * latest card.
 */
import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("a leader turns a 批示 into a 督办件: the form is filled in, the order's source is 领导批示, and the 批示 links to it", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/leader/instructions");
  await expect(page.getByRole("heading", { name: "我的批示" })).toBeVisible();
  await page.screenshot({ path: "test-results/instructions-leader-1366.png", fullPage: true });
  const item = page
    .getByRole("listitem", { name: /^临洺关镇 / })
    .filter({ has: page.getByRole("link", { name: "转为督办件", exact: true }) })
    .first();
  const text = (await item.locator("p.text-base").textContent())!.trim();
  const convert = (await item.getByRole("link", { name: "转为督办件", exact: true }).getAttribute("href"))!;
  await item.getByRole("link", { name: "转为督办件", exact: true }).click();

  await expect(page).toHaveURL(/\/orders\/new\?instructionId=/);
  await expect(page.getByText("牵头单位：临洺关镇")).toBeVisible();
  await expect(page.getByLabel("标题")).toHaveValue(/^落实.+批示$/);
  await expect(page.getByLabel("督办内容")).toHaveValue(new RegExp(text.slice(0, 10)));
  await page.getByRole("button", { name: "立项并交办" }).click();

  await expect(page).toHaveURL(/\/orders\/(?!new)[^/?]+$/);
  await expect(page.getByText("来源：领导批示")).toBeVisible();
  const orderUrl = new URL(page.url()).pathname;

  await page.goto("/leader/instructions");
  const converted = page.getByRole("listitem", { name: /^临洺关镇 / }).filter({ hasText: text });
  await expect(converted.getByRole("link", { name: "已转为督办件，查看 →" })).toHaveAttribute("href", orderUrl);
  await expect(converted.getByRole("link", { name: "转为督办件", exact: true })).toHaveCount(0);
  // The same link again opens the existing order instead of a second one.
  await page.goto(convert);
  await expect(page).toHaveURL(new RegExp(`${orderUrl}$`));
});

test("the office reads every leader's 批示, open and overdue, under 领导批示", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/leader/instructions");
  await expect(page.getByRole("heading", { name: "领导批示" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^逾期（\d+）$/ })).toBeVisible();
  await page.getByRole("link", { name: /^逾期（\d+）$/ }).click();
  await expect(page).toHaveURL(/show=overdue/);
  await page.screenshot({ path: "test-results/instructions-office-overdue-1366.png", fullPage: true });
});
