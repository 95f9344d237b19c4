import { expect, test } from "@playwright/test";
import { loginAs } from "../helpers";

/** Names every JavaScript object answers to: a table lookup by one of them must not reach Object.prototype. */
const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

test("the login page shows its default for a crafted notice, never a 500", async ({ request }) => {
  for (const name of PROTOTYPE_NAMES) {
    const response = await request.get(`/login?notice=${name}`);
    expect(response.status(), name).toBe(200);
    expect(await response.text()).not.toContain("密码已修改");
  }
  expect(await (await request.get("/login?notice=changed")).text()).toContain("密码已修改，请用新密码登录。");
});

test("a crafted sort on the burden page falls back to the default sort", async ({ page }) => {
  await loginAs(page, "admin");
  for (const name of PROTOTYPE_NAMES) {
    const response = await page.request.get(`/admin/burden?sort=${name}`);
    expect(response.status(), name).toBe(200);
    expect(await response.text()).toMatch(/按(<!-- -->)?近30天(<!-- -->)?从高到低/);
  }
});

test("a repeated id parameter counts once instead of reaching the query as a list", async ({ page }) => {
  await loginAs(page, "admin");
  for (const query of ["unitId=a&unitId=b", "slotId=a&slotId=b", "unitId=%3Cscript%3E"]) {
    const response = await page.request.get(`/orders/new?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBeLessThan(500);
  }
});

test("a token name of one NUL character is refused with a clear message, and no token is made", async ({ page }) => {
  await loginAs(page, "dept-head");
  await page.goto("/account");
  const before = await page.getByRole("button", { name: /^吊销令牌/ }).count();
  await page.getByLabel("令牌名称").fill("\u0000");
  await page.getByRole("button", { name: "创建令牌" }).click();
  await expect(page.getByText("含有不可见的控制字符，请重新输入").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: /^吊销令牌/ })).toHaveCount(before);
});
