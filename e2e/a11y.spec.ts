/**
 * Every page of every role, at a laptop's width (1366 px) and a phone's (375 px) (issue 14):
 * - axe-core finds no serious or critical violation;
 * - one <main>; at the phone's width nothing overflows sideways;
 * - tap targets: every visible control is at least 24 × 24 px, and on the unit staff's pages at the
 *   phone's width at least 44 × 44 px (a checkbox or a file input counts with its label; a link inside
 *   a sentence is exempt, as in WCAG 2.5.8).
 *
 * One browser context per role, its pages in sequence: each page is loaded once and checked at both
 * widths (the layout follows CSS media queries only); a record's own page is found on the list before it.
 * The office sees every shared page (with the most rows); the leader and the assessor add their own,
 * the unit head and the reporter every page of theirs.
 */
import { expect, test, type Page } from "@playwright/test";
import { isNavGroup, navItemsFor } from "@/components/shell/nav-items";
import type { Role } from "@/lib/generated/prisma/enums";
import { LAPTOP, PHONE, problems } from "./a11y-checks";
import { confirmDialog, loginAs } from "./helpers";

const SHOWN = ["/unit", "/unit/tasks", "/admin", "/feed", "/board"];

/** A page, and the records' pages to reach from it: the first link on it whose path matches. */
type Visit = { path: string; follow?: RegExp[] };

const id = "[a-z0-9-]+";
const ORDER = new RegExp(`^/orders/${id}$`);
const BULLETIN = new RegExp(`^/bulletins/${id}$`);
const UNIT = new RegExp(`^/units/${id}$`);
const TASK = new RegExp(`^/tasks/(?!export$)${id}$`);
const UNIT_TASK = new RegExp(`^/unit/tasks/${id}$`);
const SPOT_CHECK = new RegExp(`^/spot-checks/(?!pick$)${id}$`);

/** Beyond a role's menu (components/shell/nav-items.ts): forms, records and the account. */
const EXTRA: Record<string, Visit[]> = {
  public: [{ path: "/login" }, { path: "/public/commitments", follow: [new RegExp(`^/public/commitments/${id}$`)] }, { path: "/public/flags" }],
  admin: [
    { path: "/admin/tasks", follow: [new RegExp(`^/admin/tasks/(?!new$|import$)${id}$`)] },
    { path: "/admin/tasks/new" },
    { path: "/admin/tasks/import" },
    { path: "/units", follow: [UNIT] },
    { path: "/admin/bulletins", follow: [new RegExp(`^/admin/bulletins/${id}$`)] },
    { path: "/bulletins", follow: [BULLETIN, new RegExp(`^/bulletins/${id}/print$`)] },
    { path: "/spot-checks", follow: [SPOT_CHECK, new RegExp(`^/spot-checks/draws/${id}$`)] },
    { path: "/spot-checks/pick" },
    { path: "/orders", follow: [ORDER] },
    { path: "/orders/new" },
    { path: "/notifications" },
    { path: "/board", follow: [new RegExp(`^/board/units/${id}`)] },
    { path: "/board/year" },
    { path: "/board/print" },
    { path: "/admin/scoring/rules" },
    { path: "/admin/org" },
    { path: "/admin/robots" },
    { path: "/admin/org/users", follow: [new RegExp(`^/admin/org/users/(?!new$|import$)${id}$`)] },
    { path: "/admin/org/users/new" },
    { path: "/admin/org/users/import" },
    { path: "/admin/org/units", follow: [new RegExp(`^/admin/org/units/(?!new$)${id}$`)] },
    { path: "/admin/org/units/new" },
    { path: "/admin/org/lines", follow: [new RegExp(`^/admin/org/lines/${id}$`)] },
    { path: "/admin/org/groups", follow: [new RegExp(`^/admin/org/groups/${id}$`)] },
    { path: "/admin/org/channels", follow: [new RegExp(`^/admin/org/channels/${id}$`)] },
    { path: "/admin/org/key-tasks" },
    { path: "/admin/security/logins" },
    { path: "/account" },
  ],
  // The leaders' and the assessors' shared pages (/units, /orders, /bulletins, /board …) render the same
  // components as the office's with fewer rows: checked once, for the office. Theirs are checked here.
  leader: [
    { path: "/leader" },
    { path: "/leader/card" },
    { path: "/leader/instructions" },
    { path: "/feed" },
    { path: "/tasks", follow: [TASK] },
    { path: "/account" },
  ],
  assessor: [{ path: "/assessor", follow: [new RegExp(`^/assessor/groups/${id}/units/${id}$`)] }, { path: "/assessor/scores" }],
  unit: [{ path: "/unit/tasks", follow: [UNIT_TASK] }, { path: "/orders", follow: [ORDER] }, { path: "/bulletins", follow: [BULLETIN] }, { path: "/account" }],
};

/** The role's menu, then the extras; each path once, with the links to follow merged. */
function visitsFor(role: Role, extra: Visit[]): Visit[] {
  const menu = navItemsFor(role).flatMap((e) => (isNavGroup(e) ? e.items : [e]));
  const byPath = new Map<string, Visit>();
  for (const visit of [...menu.map((m): Visit => ({ path: m.href })), ...extra]) {
    const known = byPath.get(visit.path);
    byPath.set(visit.path, { path: visit.path, follow: [...(known?.follow ?? []), ...(visit.follow ?? [])] });
  }
  return [...byPath.values()];
}

/** The unit staff work on phones: every page of theirs, with 44 px targets at the phone's width. */
const ROLES: { username: string; role: Role; visits: Visit[]; phoneTargets: number }[] = [
  { username: "admin", role: "ADMIN", visits: visitsFor("ADMIN", EXTRA.admin), phoneTargets: 24 },
  { username: "leader", role: "LEADER", visits: EXTRA.leader, phoneTargets: 24 },
  { username: "assessor", role: "ASSESSOR", visits: EXTRA.assessor, phoneTargets: 24 },
  { username: "town-head", role: "UNIT_HEAD", visits: visitsFor("UNIT_HEAD", EXTRA.unit), phoneTargets: 44 },
  { username: "town-reporter", role: "REPORTER", visits: visitsFor("REPORTER", EXTRA.unit), phoneTargets: 44 },
];

/** Everything wrong with one page at both widths, as readable lines; the links it holds. */
async function check(page: Page, path: string, phoneTargets: number): Promise<{ found: string[]; hrefs: string[] }> {
  const found: string[] = [];
  await page.setViewportSize(LAPTOP);
  const response = await page.goto(path);
  if (!response || response.status() >= 400) return { found: [`${path}: HTTP ${response?.status()}`], hrefs: [] };
  const mains = await page.locator("main").count();
  if (mains !== 1) found.push(`${path}: ${mains} <main> elements`);
  for (const [name, size, min] of [
    ["laptop", LAPTOP, 24],
    ["phone", PHONE, phoneTargets],
  ] as const) {
    await page.setViewportSize(size);
    found.push(...(await problems(page, `${path} @${name}`, min)));
    // A look at the daily pages as a phone shows them (test-results/a11y-*.png).
    if (name === "phone" && SHOWN.includes(path)) await page.screenshot({ path: `test-results/a11y${path.replaceAll("/", "-")}-phone.png`, fullPage: true });
    if (name === "phone" && !(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)))
      found.push(`${path} @phone: the page is wider than the screen`);
  }
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return { found, hrefs };
}

async function checkAll(page: Page, visits: Visit[], phoneTargets: number): Promise<string[]> {
  const found: string[] = [];
  for (const visit of visits) {
    const result = await check(page, visit.path, phoneTargets);
    found.push(...result.found);
    for (const pattern of visit.follow ?? []) {
      const href = result.hrefs.map((h) => h.split(/[?#]/)[0]).find((h) => pattern.test(h));
      // A record's page where the seeded district has one (it has no draft bulletin, for instance).
      if (href) found.push(...(await check(page, href, phoneTargets)).found);
    }
  }
  return found;
}

// The office sweeps some forty pages at two widths: on a loaded 2-core machine that took over 10 minutes.
test.describe.configure({ timeout: 1_200_000 });

test("public pages: no serious accessibility violation, tap targets ≥ 24 px", async ({ page }) => {
  const found = await checkAll(page, EXTRA.public, 24);
  expect(found, found.join("\n")).toEqual([]);
});

for (const { username, visits, phoneTargets } of ROLES) {
  test(`${username}'s pages: no serious accessibility violation, tap targets ≥ ${phoneTargets} px on a phone`, async ({ page }) => {
    await loginAs(page, username);
    const found = await checkAll(page, visits, phoneTargets);
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("the daily card's three forms, open at once on a phone: no serious accessibility violation, tap targets ≥ 44 px", async ({ page }) => {
  await loginAs(page, "town-reporter");
  await page.setViewportSize(PHONE);
  await page.goto("/unit");
  for (const name of ["早晒", "午晒", "晚晒"]) {
    const slot = page.getByRole("listitem", { name });
    if (!(await slot.locator("details").evaluate((d: HTMLDetailsElement) => d.open))) await slot.locator("summary").click();
    // A slot already shown opens on what was sent: its form is one press away.
    const change = slot.getByRole("button", { name: /^(修改|更正)/ });
    if (await change.isVisible()) await change.click();
    const form = slot.getByRole("form", { name: `填报${name}` });
    await expect(form).toBeVisible();
    // A new item's row too (at noon and in the evening): its text, its task and its remove button.
    const add = form.getByRole("button", { name: "＋ 新增事项" });
    if (await add.isVisible()) await add.click();
  }
  await expect(page.getByRole("form", { name: /^填报/ })).toHaveCount(3);
  const found = await problems(page, "/unit, the three forms open @phone", 44);
  if (!(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)))
    found.push("/unit, the three forms open @phone: wider than the screen");
  await page.screenshot({ path: "test-results/a11y-unit-forms-phone.png", fullPage: true });
  expect(found, found.join("\n")).toEqual([]);
});

// Last: it changes the seeded district (an overdue order is escalated, then circulated).
test("the printable 通报 record of an order: no serious accessibility violation, tap targets ≥ 24 px", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/orders");
  // The seeded district has no 通报 yet: an overdue order of the office's 督办预警 gets one.
  const warned = await page
    .getByRole("region", { name: /^督办预警/ })
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  let found = false;
  for (const href of warned.filter((h) => ORDER.test(h))) {
    await page.goto(href);
    if (await page.getByRole("form", { name: "提级督办" }).count()) {
      found = true;
      break;
    }
  }
  expect(found, "an overdue order, not yet escalated, among the 督办预警").toBe(true);
  const escalate = page.getByRole("form", { name: "提级督办" });
  await escalate.getByLabel("事由与要求").fill("逾期未办结，提级督办。");
  await escalate.getByRole("button", { name: "提级督办" }).click();
  await confirmDialog(page, /^提级督办/, "提级督办");
  const circulate = page.getByRole("form", { name: "通报" });
  await circulate.getByLabel("事由与要求").fill("逾期未办结，予以通报。");
  await circulate.getByRole("button", { name: "通报" }).click();
  await confirmDialog(page, /^通报/, "通报");
  const record = page.getByRole("link", { name: "打印通报记录" });
  await expect(record).toBeVisible();
  const href = (await record.getAttribute("href"))!;
  expect(href).toMatch(new RegExp(`^/orders/${id}/record/${id}$`));
  const problemsFound = (await check(page, href, 24)).found;
  await expect(page.getByRole("heading", { level: 1, name: "督办件通报记录" })).toBeVisible();
  expect(problemsFound, problemsFound.join("\n")).toEqual([]);
});
