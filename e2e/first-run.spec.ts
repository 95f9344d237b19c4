import { expect, test } from "@playwright/test";
import { loginWithForm } from "./helpers";

// Runs against an empty database outside demo mode (see playwright.config.ts).
test("an empty database asks for the first admin, once, and has no default password", async ({ page }) => {
  await page.goto("/login");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "首次使用" })).toBeVisible();

  await page.getByLabel("用户名").fill("Bad Name!");
  await page.getByLabel("姓名").fill("王督查");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByLabel("再次输入密码").fill("different");
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByText("用户名为 3–32 位小写字母")).toBeVisible();
  await expect(page.getByText("密码至少 10 位")).toBeVisible();

  // Long enough, but one of the most common passwords.
  await page.getByLabel("密码", { exact: true }).fill("1234567890");
  await page.getByLabel("再次输入密码").fill("1234567890");
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByText("这个密码太常见，容易被猜中，请换一个")).toBeVisible();

  await page.getByLabel("用户名").fill("office");
  await page.getByLabel("密码", { exact: true }).fill("a-long-password");
  await page.getByLabel("再次输入密码").fill("a-long-password");
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page).toHaveURL(/\/login\?notice=created/);

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);

  await loginWithForm(page, "admin", "shaitai-demo");
  await expect(page.locator("form [role=alert]")).toHaveText("用户名或密码错误。");

  await loginWithForm(page, "office", "a-long-password");
  await expect(page).toHaveURL("/admin");
});
