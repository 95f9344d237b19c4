/**
 * Organisation administration (/admin/org): the office creates a unit and its
 * head, the head signs in with the one-time password, changes it and reports;
 * a disabled account's open session and API token stop at once; a REPORTER
 * cannot reach the pages, and a replayed server action of the office changes
 * nothing when a REPORTER sends it. Uses 西河庄乡 and 西阳城乡's reporters.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { confirmDialog, loginAs, loginWithForm } from "./helpers";

test("the office creates a unit and its head; the head signs in, changes the one-time password and reports", async ({ page, browser }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const unitName = `e2e新区${suffix}`;
  const username = `e2e-head-${suffix}`;
  await loginAs(page, "admin");
  await page.goto("/admin/org/units/new");
  await page.getByLabel("单位名称").fill(unitName);
  await page.getByLabel("单位代码").fill(`E2E${suffix}`);
  await page.getByLabel("类别").selectOption("TOWN");
  await page.getByLabel("驻地", { exact: true }).fill(`${unitName}政府`);
  await page.getByLabel("驻地纬度").fill("36.80");
  await page.getByLabel("驻地经度").fill("114.50");
  await page.getByRole("button", { name: "创建单位" }).click();
  await expect(page.getByRole("heading", { level: 1, name: unitName })).toBeVisible();

  await page.goto("/admin/org/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("新镇长");
  await page.getByLabel("角色").selectOption("UNIT_HEAD");
  await page.getByLabel("所属单位").selectOption({ label: unitName });
  await page.getByRole("button", { name: "创建账号" }).click();
  const field = page.getByLabel(`${username} 的一次性密码（只显示这一次）`);
  await expect(field).toHaveValue(/^[A-Za-z0-9]{12}$/);
  const oneTime = await field.inputValue();

  const head = await browser.newPage();
  await loginWithForm(head, username, oneTime);
  await expect(head).toHaveURL(/\/account\?must=1/);
  await expect(head.getByText("督查室为您设置了一次性密码")).toBeVisible();
  // Any other page sends the head back until the password is changed; the API answers 401.
  await head.goto("/unit");
  await expect(head).toHaveURL(/\/account/);
  expect((await head.request.get("/api/v1/me")).status()).toBe(401);
  await head.getByLabel("当前密码").fill(oneTime);
  await head.getByLabel("新密码", { exact: true }).fill("e2e-new-password-42");
  await head.getByLabel("再次输入新密码").fill("e2e-new-password-42");
  await head.getByRole("button", { name: "修改密码" }).click();
  await expect(head).toHaveURL(/\/login/);
  await loginAs(head, username, "e2e-new-password-42");
  await head.goto("/unit");
  await expect(head.getByRole("heading", { level: 1 })).toContainText(unitName);
  const posted = await head.request.post("/api/v1/cards/today/morning", { data: { items: [{ text: "e2e 新单位的第一条计划" }] } });
  expect(posted.status()).toBe(201);
  const card = await (await head.request.get("/api/v1/cards/today")).json();
  expect(card.unit.name).toBe(unitName);
  await head.close();

  // The unit's history page lists both writes.
  await page.goto("/admin/org/units");
  await page.getByRole("link", { name: unitName }).click();
  await page.getByRole("link", { name: "修改记录" }).click();
  await expect(page.getByRole("table")).toContainText("新建单位");
});

test("disabling an account ends its open session and its API token at once", async ({ page, browser, baseURL }) => {
  const victim = await browser.newPage();
  await loginAs(victim, "u130408206-rep");
  await victim.goto("/account");
  await victim.getByLabel("令牌名称").fill("e2e 停用前");
  await victim.getByRole("button", { name: "创建令牌" }).click();
  const tokenField = victim.getByLabel("新令牌（只显示这一次）");
  await expect(tokenField).toHaveValue(/^sht_/);
  const token = await tokenField.inputValue();
  const bot = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await bot.get("/api/v1/me")).status()).toBe(200);

  await loginAs(page, "admin");
  await page.goto("/admin/org/users?q=u130408206-rep");
  await page.getByRole("link", { name: "u130408206-rep" }).click();
  await page.getByRole("button", { name: "停用账号" }).click();
  await confirmDialog(page, "停用 u130408206-rep?", "停用");
  await expect(page.getByRole("status")).toContainText("已停用");

  expect((await bot.get("/api/v1/me")).status()).toBe(401);
  await victim.goto("/unit");
  await expect(victim).toHaveURL(/\/login/);
  await bot.dispose();
  await victim.close();

  // Enabled again for the other specs.
  await page.reload();
  await page.getByRole("button", { name: "启用账号" }).click();
  await expect(page.getByRole("status")).toContainText("已启用");
});

test("a REPORTER cannot reach /admin/org, and the office's action replayed by a REPORTER changes nothing", async ({ page, browser }) => {
  const reporter = await browser.newPage();
  await loginAs(reporter, "u130408207-rep");
  for (const path of ["/admin/org", "/admin/org/users", "/admin/org/units", "/admin/org/groups"]) {
    await reporter.goto(path);
    await expect(reporter).toHaveURL(/\/unit\?denied=1/);
  }

  // Capture the office's real 停用 action for a head, without letting it through.
  await loginAs(page, "admin");
  await page.goto("/admin/org/users?q=u130408207-head");
  await page.getByRole("link", { name: "u130408207-head" }).click();
  const userUrl = page.url();
  let captured: { headers: Record<string, string>; body: Buffer | null } | null = null;
  await page.route("**/admin/org/users/**", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postDataBuffer() };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "停用账号" }).click();
  await confirmDialog(page, "停用 u130408207-head?", "停用");
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/admin/org/users/**");

  const sent = captured as unknown as { headers: Record<string, string>; body: Buffer };
  const forged = await reporter.request.post(userUrl, {
    headers: { "next-action": sent.headers["next-action"], "content-type": sent.headers["content-type"], accept: "text/x-component" },
    data: sent.body,
  });
  expect(forged.status()).toBeLessThan(500);
  expect(await forged.text()).toContain("没有权限");
  await page.reload();
  await expect(page.getByRole("button", { name: "停用账号" })).toBeVisible();
  await reporter.close();
});

test("the office's organisation pages: lines, key tasks, groups with the scope of a day, channels with the leaders, the import", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/org");
  await expect(page.getByRole("heading", { level: 1, name: "组织架构" })).toBeVisible();
  await page.goto("/admin/org/lines");
  await expect(page.getByRole("region", { name: "工作推进指挥部" })).toContainText("招商引资推进指挥部");
  await page.getByRole("link", { name: "美丽乡村", exact: true }).click();
  await expect(page.getByLabel("牵头领导")).toHaveValue(/.+/);
  await page.screenshot({ path: "test-results/org-line.png", fullPage: true });
  await page.goto("/admin/org/key-tasks");
  await expect(page.getByLabel("KT01 名称")).toHaveValue("土地卫片拆迁");
  await page.goto("/admin/org/groups");
  await page
    .getByRole("link", { name: /招商引资/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: /今天的考核范围/ })).toBeVisible();
  await page.screenshot({ path: "test-results/org-group.png", fullPage: true });
  await page.goto("/admin/org/channels");
  await page.getByRole("link", { name: "区级领导干部工作群" }).click();
  const leaders = page.getByRole("group", { name: "区级领导和督查室成员" });
  await expect(leaders.getByRole("checkbox", { checked: true })).toHaveCount(12);
  await page.screenshot({ path: "test-results/org-channel.png", fullPage: true });
  await page.goto("/admin/org/users");
  await page.screenshot({ path: "test-results/org-users.png", fullPage: true });
  await page.goto("/admin/org/users/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "账号导入模板" }).click();
  expect((await download).suggestedFilename()).toBe("账号导入模板.xlsx");
  await page.goto("/admin/org/units");
  await page.screenshot({ path: "test-results/org-units.png", fullPage: true });
});

test("the office creates a key task, its assessment group and a channel, and sees each in its list", async ({ page }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const keyTaskName = `e2e重点工作${suffix}`;
  const groupName = `e2e考核组${suffix}`;
  const channelName = `e2e工作群${suffix}`;
  await page.setViewportSize({ width: 1366, height: 900 });
  await loginAs(page, "admin");

  await page.goto("/admin/org/key-tasks");
  const newKeyTask = page.getByRole("form", { name: "新建重点工作" });
  // A name already taken is refused in Chinese and nothing is added.
  await newKeyTask.getByLabel("名称").fill("土地卫片拆迁");
  await newKeyTask.getByRole("button", { name: "新建" }).click();
  await expect(newKeyTask.getByText("已有同名的重点工作", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/org-key-task-new-1366.png", fullPage: true });
  await newKeyTask.getByLabel("名称").fill(keyTaskName);
  await newKeyTask.getByLabel("所属分管线").selectOption({ label: "美丽乡村" });
  await newKeyTask.getByRole("button", { name: "新建" }).click();
  await expect(newKeyTask.getByText(`已新建重点工作“${keyTaskName}”`)).toBeVisible();
  await expect(
    page
      .getByRole("form", { name: /^重点工作 KT\d+$/ })
      .getByRole("textbox", { name: /名称/ })
      .last(),
  ).toHaveValue(keyTaskName);

  await page.goto("/admin/org/groups");
  const newGroup = page.getByRole("form", { name: "新建考核组" });
  await page.screenshot({ path: "test-results/org-group-new-1366.png", fullPage: true });
  await newGroup.getByLabel("名称").fill(groupName);
  // The new key task has no group yet, so it is offered (its option reads "KTnn 名称").
  const keyTaskValue = await newGroup.locator("option", { hasText: keyTaskName }).getAttribute("value");
  await newGroup.getByLabel("跟踪的重点工作").selectOption(keyTaskValue!);
  await newGroup.getByRole("button", { name: "新建" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await page.goto("/admin/org/groups");
  await expect(page.getByRole("link", { name: groupName })).toBeVisible();

  await page.goto("/admin/org/channels");
  const newChannel = page.getByRole("form", { name: "新建工作群" });
  await newChannel.getByLabel("名称").fill(channelName);
  await page.screenshot({ path: "test-results/org-channel-new-1366.png", fullPage: true });
  await newChannel.getByRole("button", { name: "新建" }).click();
  await expect(page.getByRole("heading", { level: 1, name: channelName })).toBeVisible();
  await page.goto("/admin/org/channels");
  await expect(page.getByRole("link", { name: channelName })).toBeVisible();

  // The creation is in the audit log under its Chinese label.
  await page.goto("/admin/audit?action=channel.create");
  const newest = page.getByTestId("audit-row").first();
  await expect(newest).toContainText("新建工作群");
  await expect(newest).toContainText(channelName);
});
