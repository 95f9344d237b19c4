/**
 * Group robots end to end, against a local HTTP receiver started by the test
 * (no network): the office adds the unit's 企业微信 robot and sends a test;
 * the office issues a 督办件 → the server's sender posts its markdown to the
 * unit's robot, and the unit's inbox (the bell, /notifications) shows it.
 * The order is marked 紧急, so the run does not depend on the hour (22:00–07:00 is quiet).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { issueOrder, loginAs, switchUser, unitIdByName } from "./helpers";

type Received = { path: string; body: { msgtype: string; markdown?: { content: string }; text?: { content: string } } };
const received: Received[] = [];
let server: http.Server;
let base = "";

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(body) });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("the office issues a 督办件: the unit's robot receives the markdown and the unit's inbox shows it", async ({ page }) => {
  test.slow();
  await loginAs(page, "admin");
  await page.goto("/admin/robots");
  await expect(page.getByRole("heading", { level: 1, name: "群机器人" })).toBeVisible();
  const add = page.getByRole("form", { name: "添加群机器人" });
  await add.getByLabel("名称", { exact: true }).fill("临洺关镇工作群");
  await add.getByLabel("类型", { exact: true }).selectOption("WECOM");
  await add.getByLabel("发往", { exact: true }).selectOption("UNIT");
  await add.locator('select[name="unitId"]').selectOption({ label: "临洺关镇" });
  await add.getByLabel("Webhook 地址", { exact: true }).fill(`${base}/cgi-bin/webhook/send?key=e2e-robot-key`);
  await add.getByRole("button", { name: "添加机器人" }).click();
  await expect(add.getByText("已添加机器人。")).toBeVisible();
  const robot = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "临洺关镇工作群" }) });
  await expect(robot.getByText("单位工作群：临洺关镇")).toBeVisible();
  await expect(robot.getByText(/key=…-key/)).toBeVisible();

  await robot.getByRole("button", { name: "发送测试：临洺关镇工作群" }).click();
  await expect(robot.getByText("测试消息已发出，请到群里查看。")).toBeVisible();
  expect(received.at(-1)?.body.markdown?.content).toContain("晒台测试消息");
  await page.reload();
  await expect(page.getByRole("table", { name: "最近 100 次发送" }).getByText("已发送")).toBeVisible();
  await page.screenshot({ path: "test-results/robots-admin.png", fullPage: true });

  // The office issues a 督办件 to 临洺关镇, marked urgent.
  const title = `机器人推送测试督办${Date.now() % 100000}`;
  await page.goto(`/orders/new?unitId=${await unitIdByName(page, "临洺关镇")}`);
  const orderPath = await issueOrder(page, { title, body: "请于期限内报告整改进展，并附现场照片说明。", urgent: true });

  // The server's sender (every 5 s) posts it to the unit's robot.
  await expect
    .poll(() => received.find((r) => r.body.markdown?.content.includes(title))?.body.markdown?.content, { timeout: 30_000 })
    .toEqual(expect.stringContaining("督办件交办"));
  const markdown = received.find((r) => r.body.markdown?.content.includes(title))!;
  expect(markdown.path).toBe("/cgi-bin/webhook/send?key=e2e-robot-key");
  expect(markdown.body.msgtype).toBe("markdown");
  expect(markdown.body.markdown!.content).toContain("【紧急】");
  expect(markdown.body.markdown!.content).toContain("**牵头单位**：临洺关镇");
  expect(markdown.body.markdown!.content).toContain(`(${orderPath})`);
  expect(received.filter((r) => r.body.markdown?.content.includes(title))).toHaveLength(1);

  // The unit's inbox: the bell counts it, the list links to the order.
  await switchUser(page, "town-reporter");
  await page.goto("/unit");
  await expect(page.getByRole("link", { name: /^通知，\d+ 条未读$/ })).toBeVisible();
  await page.getByRole("link", { name: /^通知，\d+ 条未读$/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  const notice = page.getByRole("link", { name: new RegExp(`督办件《${title}》已交办`) });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: "test-results/robots-inbox.png", fullPage: true });
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}$`));
});
