/**
 * Assessment end to end, in order on the seeded e2e database: a unit account
 * is kept out of the board and its scoring controls; the demo assessor scores
 * 临洺关镇 (draft, then submitted); the office closes the current quarter;
 * flags appear on the board and the public page; a later edit of an input
 * leaves the closed quarter as it was, and only a correction (a new version)
 * changes it.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { type Page, expect, test } from "@playwright/test";
import { confirmDialog, districtDay, loginAs, switchUser } from "./helpers";

// Closing a quarter computes all 113 units; the shared test machine can be slow.
test.describe.configure({ mode: "serial", timeout: 120_000 });

// The district's today and quarter (Asia/Shanghai), as the server computes them.
const today = districtDay();
const year = Number(today.slice(0, 4));
const number = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
const quarterKey = `${year}Q${number}`;
const quarterLabel = `${year}年第${"一二三四"[number - 1]}季度`;

/** The e2e server's own SQLite file (scripts/e2e-server.sh), for ids and for editing an input behind the app's back. */
function e2eDb() {
  return new Database(path.join(process.cwd(), "data", "e2e.db"));
}

function unitId(name: string): string {
  const db = e2eDb();
  try {
    return (db.prepare("SELECT id FROM Unit WHERE name = ?").get(name) as { id: string }).id;
  } finally {
    db.close();
  }
}

/** A town no other spec relies on: its inputs are edited behind the app's back. */
const EDITED = "西河庄乡";

async function townTotal(page: Page, town: string): Promise<string> {
  return (await page.locator(`section[aria-labelledby="rank-TOWN"] tr[data-unit="${town}"] td`).nth(1).innerText()).trim();
}

test("a unit account cannot open the board, its drill-down or the office's scoring pages", async ({ page }) => {
  const id = unitId("临洺关镇");
  await loginAs(page, "town-head");
  for (const url of ["/board", `/board/units/${id}?quarter=${quarterKey}`, "/board/print", "/admin/scoring", "/admin/quarters", "/assessor/scores"]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/unit\?denied=1$/);
  }
  const ranking = await page.request.get(`/api/v1/ranking?quarter=${quarterKey}`);
  expect(ranking.status()).toBe(403);
  expect((await page.request.get(`/board/export?quarter=${quarterKey}`)).status()).toBe(403);
});

test("the board's 加减分 action refuses a unit account even from a page it got hold of", async ({ page }) => {
  const id = unitId("临洺关镇");
  await loginAs(page, "leader");
  await page.goto(`/board/units/${id}?quarter=${quarterKey}`);
  await expect(page.getByRole("heading", { level: 1, name: `临洺关镇 · ${quarterLabel}` })).toBeVisible();
  const form = page.locator("form", { has: page.getByRole("button", { name: "记录加减分" }) });
  await form.getByLabel("分值").fill("5");
  await form.getByLabel("理由").fill("单位自己给自己加分");

  // The session changes under the open page: the action itself must refuse.
  await switchUser(page, "town-head");
  await form.getByRole("button", { name: "记录加减分" }).click();
  await expect(form.getByRole("alert")).toHaveText("没有权限执行此操作。");

  await switchUser(page, "leader");
  await page.goto(`/board/units/${id}?quarter=${quarterKey}`);
  await expect(page.locator("#adjustments")).not.toContainText("单位自己给自己加分");
});

test("an assessor scores a unit: a draft first, then submitted with a reason for every deduction", async ({ page }) => {
  await loginAs(page, "assessor");
  await page.goto("/assessor/scores");
  await expect(page.getByRole("heading", { level: 1, name: `${quarterLabel}评分` })).toBeVisible();
  await expect(page.getByRole("heading", { name: /招商引资跟踪考核组/ })).toContainText("已提交 0/");
  await page.getByRole("link", { name: "评分：临洺关镇" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "临洺关镇" })).toBeVisible();

  // A partial draft: saved, still editable, not counted.
  await page.getByLabel("签约项目数量").fill("25");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("form [role=status]")).toHaveText("草稿已保存，提交前可以继续修改。");
  await page.reload();
  await expect(page.getByLabel("签约项目数量")).toHaveValue("25");
  await expect(page.getByText("草稿", { exact: true }).first()).toBeVisible();

  // Submitting asks first, then needs every item and a reason for the deduction;
  // what was typed (points and reasons) stays in the form when the server refuses.
  await page.getByLabel("资金到位").fill("30");
  await page.getByLabel("项目落地开工").fill("25");
  await page.getByLabel("跟踪服务").fill("15");
  const reasons = page.getByRole("textbox", { name: /扣分理由/ });
  await reasons.nth(1).fill("资金按期足额到位，记录备查");
  await page.getByRole("button", { name: "提交评分" }).click();
  await confirmDialog(page, "提交评分？", "提交评分");
  await expect(page.locator("form [role=alert]")).toContainText("还不能提交");
  await expect(page.getByText("扣了 5 分，请写明扣分理由")).toBeVisible();
  await expect(reasons.nth(1)).toHaveValue("资金按期足额到位，记录备查");
  await expect(page.getByLabel("跟踪服务")).toHaveValue("15");

  await reasons.first().fill("签约项目较计划少 1 个");
  // Cancelling the dialog sends nothing.
  await page.getByRole("button", { name: "提交评分" }).click();
  await page.getByRole("dialog", { name: "提交评分？" }).getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByLabel("签约项目数量")).toBeEnabled();
  await page.getByRole("button", { name: "提交评分" }).click();
  await confirmDialog(page, "提交评分？", "提交评分");
  await expect(page.locator("form [role=status]")).toHaveText("评分已提交。");
  await expect(page.getByLabel("签约项目数量").first()).toBeDisabled();
  await expect(page.getByRole("button", { name: "提交评分" })).toHaveCount(0);

  // A correction is a new version with its reason; the first stays listed.
  await page.getByText("更正评分", { exact: true }).click();
  const correction = page.locator("details", { hasText: "更正评分" });
  await correction.getByLabel("签约项目数量").fill("30");
  await correction.getByLabel(/更正原因/).fill("补签 1 个项目，已核实");
  await page.getByRole("button", { name: "提交更正" }).click();
  await confirmDialog(page, "提交更正？", "提交更正");
  const versions = page.getByRole("region", { name: /^评分版本/ });
  await expect(versions).toContainText("共 2 版");
  await expect(versions).toContainText("第 1 版 · 提交");
  await expect(versions).toContainText("第 2 版 · 更正");
  await expect(page.getByText("原因：补签 1 个项目，已核实")).toBeVisible();

  await page.goto("/assessor/scores");
  await expect(page.locator('tr[data-unit="临洺关镇"]')).toContainText("已提交");
  await expect(page.locator('tr[data-unit="临洺关镇"]')).toContainText("100");
});

test("the board's drill-down for a task finished late shows 逾期完成 and its rule, and so does the task's page", async ({ page }) => {
  // A unit whose current snapshot of a closed quarter holds an item done after its due date.
  const db = e2eDb();
  // A breakdown stores each source's type, id, state and points; its words are made again when read.
  let found: { unitId: string; year: number; number: number; id: string; title: string; taskId: string; kind: string } | undefined;
  try {
    const rows = db
      .prepare(
        `SELECT s.unitId AS unitId, q.year AS year, q.number AS number, s.breakdown AS breakdown FROM QuarterScore s JOIN Quarter q ON q.id = s.quarterId
         WHERE q.status = 'CLOSED' AND s.version = q.version AND s.breakdown LIKE '%"state":"DONE_LATE"%' ORDER BY q.year, q.number, s.unitId LIMIT 1`,
      )
      .all() as { unitId: string; year: number; number: number; breakdown: string }[];
    const row = rows[0];
    if (row) {
      type Source = { type: string; id: string; parentId?: string; state?: string };
      const tasks = (JSON.parse(row.breakdown) as { components: { key: string; sources: Source[] }[] }).components.find((c) => c.key === "tasks")!;
      const late = tasks.sources.find((x) => x.state === "DONE_LATE")!;
      const table = late.type === "task" ? "Task" : "Milestone";
      const { title } = db.prepare(`SELECT title FROM ${table} WHERE id = ?`).get(late.id) as { title: string };
      found = { unitId: row.unitId, year: row.year, number: row.number, id: late.id, title, taskId: late.parentId ?? late.id, kind: late.type };
    }
  } finally {
    db.close();
  }
  expect(found, "the seed has a task or milestone finished late in a closed quarter").toBeTruthy();
  await loginAs(page, "leader");
  await page.goto(`/board/units/${found!.unitId}?quarter=${found!.year}Q${found!.number}`);
  const tasks = page.locator("#c-tasks");
  await expect(tasks.locator("[data-rule=done-late]")).toContainText("逾期完成：到期日前完成的部分全额计分，到期日之后（至季度末）完成的部分按 50% 计分");
  const row = tasks.locator("tr", { hasText: `编号 ${found!.id}` });
  await expect(row).toContainText(found!.title);
  await expect(row.getByText("逾期完成", { exact: true })).toBeVisible();
  await expect(row).toContainText(/逾期完成，计 \d+%/);

  // The task's own page: the same state on the task or on that milestone, and the year's rule beside it.
  await page.goto(`/tasks/${found!.taskId}`);
  const late =
    found!.kind === "task"
      ? page.locator("main [data-status=DONE_LATE]").first()
      : page.locator("main li", { hasText: found!.title }).locator("[data-status=DONE_LATE]");
  await expect(late).toHaveText("逾期完成");
  await expect(page.locator("[data-late-rule]")).toHaveText("逾期完成：到期日前完成的部分全额计分，到期日之后（至季度末）完成的部分按 50% 计分");
  await page.screenshot({ path: "test-results/task-done-late.png", fullPage: true });
});

test("the office closes the quarter; flags appear on the board and on the public page", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await page.goto(`/admin/scoring?quarter=${quarterKey}`);
  await expect(page.locator('tr[data-group="招商引资跟踪考核组"]')).toContainText("1/");

  await page.goto("/admin/quarters");
  const close = page.locator("form", { has: page.getByRole("button", { name: `关闭${quarterLabel}` }) });
  // The quarter has not ended yet (the suite runs inside it): closing needs the office's reason. The
  // browser's own check is lifted to prove the server refuses too.
  await close.getByLabel(/提前关闭的原因/).evaluate((el) => el.removeAttribute("required"));
  await close.getByRole("button", { name: `关闭${quarterLabel}` }).click();
  await confirmDialog(page, `关闭${quarterLabel}?`, `确认关闭${quarterLabel}`);
  await expect(close.getByText(/才结束；提前关闭须写明原因/)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/quarters$/);
  await close.getByLabel(/提前关闭的原因/).fill("区委决定提前召开季度观摩点评会");
  await close.getByRole("button", { name: `关闭${quarterLabel}` }).click();
  await confirmDialog(page, `关闭${quarterLabel}?`, `确认关闭${quarterLabel}`);
  await expect(page).toHaveURL(new RegExp(`/admin/quarters\\?closed=${quarterKey}$`));
  await expect(page.getByRole("status").filter({ hasText: "已关闭" })).toContainText(`${quarterLabel}已关闭`);
  await expect(page.getByRole("status").filter({ hasText: "已关闭" })).toContainText("授予红旗 6 面、黄旗 6 面");

  await page.goto(`/board?quarter=${quarterKey}`);
  await expect(page.getByRole("heading", { level: 1, name: `考核排名 · ${quarterLabel}` })).toBeVisible();
  await expect(page.getByText("已于关闭时冻结（第 1 版")).toBeVisible();
  await expect(page.getByRole("note")).toContainText("提前关闭：本季度在最后一天结束前由督查室关闭");
  await expect(page.getByRole("note")).toContainText("原因：区委决定提前召开季度观摩点评会");
  const holders = page.locator('section[aria-labelledby="flags-h"] [data-flag]');
  await expect(holders).toHaveCount(12);
  const red = await page.locator('section[aria-labelledby="flags-h"] [data-flag^="RED:"]').allInnerTexts();
  expect(red).toHaveLength(6);
  // Every flag shown on the board is in the ranking table with its flag.
  const firstRedTown = (await page.locator('section[aria-labelledby="rank-TOWN"] tbody tr').first().getAttribute("data-unit"))!;
  await expect(page.locator(`[data-flag="RED:${firstRedTown}"]`)).toBeVisible();

  // The public page, without login, shows the same holders for the closed quarter.
  const anonymous = await browser.newContext();
  const publicPage = await anonymous.newPage();
  await publicPage.goto("/public/flags");
  await expect(publicPage.getByRole("heading", { name: `现持旗单位（${quarterLabel}考核）` })).toBeVisible();
  await expect(publicPage.locator("[data-flag]")).toHaveCount(12);
  await expect(publicPage.locator(`[data-flag="RED:${firstRedTown}"]`)).toBeVisible();
  const api = await (await publicPage.request.get("/api/v1/flags")).json();
  expect(api.current).toHaveLength(12);
  expect(api.current.every((f: { quarter: string }) => f.quarter === quarterKey)).toBe(true);
  await anonymous.close();
});

test("a later edit of an input does not change the closed quarter; a correction is a new version", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto(`/board?quarter=${quarterKey}`);
  const before = await townTotal(page, EDITED);

  // Behind the app's back: the unit's tasks lose their progress and the group score is cut.
  const db = e2eDb();
  try {
    db.prepare("UPDATE Task SET valueReached = 0 WHERE unitId = ?").run(unitId(EDITED));
    db.prepare("UPDATE Milestone SET valueReached = 0 WHERE taskId IN (SELECT id FROM Task WHERE unitId = ?)").run(unitId(EDITED));
    db.prepare("UPDATE GroupScoreItem SET points = 0 WHERE scoreId IN (SELECT id FROM GroupScore WHERE unitId = ?)").run(unitId(EDITED));
  } finally {
    db.close();
  }
  await page.reload();
  expect(await townTotal(page, EDITED)).toBe(before);
  const api = await (await page.request.get(`/api/v1/ranking?quarter=${quarterKey}&kind=TOWN`)).json();
  const row = api.rankings.find((r: { unit: { name: string } }) => r.unit.name === EDITED);
  expect(row.score.toFixed(2)).toBe(before);
  expect(api.version).toBe(1);

  // The assessor cannot change a closed quarter's score either.
  await switchUser(page, "assessor");
  await page.goto(`/assessor/scores?quarter=${quarterKey}`);
  await page.getByRole("link", { name: "查看：临洺关镇" }).click();
  await expect(page.getByText("本季度已关闭，评分只能查看。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交评分" })).toHaveCount(0);

  // Only a correction, with its reason, makes a new version from today's data.
  await switchUser(page, "admin");
  await page.goto("/admin/quarters");
  const correct = page.locator("form", { has: page.getByRole("button", { name: /更正.*生成新版本/ }) });
  await correct.getByLabel(/更正原因/).fill("西河庄乡任务进度经核实有误，重新计算");
  await correct.getByRole("button", { name: /更正.*生成新版本/ }).click();
  await expect(correct.getByRole("status")).toContainText("已生成第 2 版");
  await expect(page.locator(`tr[data-quarter="${quarterKey}"]`)).toContainText("更正原因：西河庄乡任务进度经核实有误，重新计算");

  await page.goto(`/board?quarter=${quarterKey}`);
  await expect(page.getByText("已于关闭时冻结（第 2 版")).toBeVisible();
  expect(Number(await townTotal(page, EDITED))).toBeLessThan(Number(before));
});
