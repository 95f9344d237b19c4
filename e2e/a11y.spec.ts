/**
 * axe-core over every page of every role, at a laptop's width (1366 px) and a phone's (375 px):
 * no serious or critical violation. Each page is loaded once and checked at both widths (the
 * layout follows CSS media queries only), so the whole run stays short.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

const WIDTHS = [
  { name: "laptop", width: 1366, height: 768 },
  { name: "phone", width: 375, height: 812 },
] as const;

/** A page, or a list page and the pattern of the first link on it to follow (a record's own page). */
type Target = string | { from: string; link: RegExp };

const PUBLIC: Target[] = ["/login", "/public/commitments", { from: "/public/commitments", link: /^\/public\/commitments\/[^/?]+$/ }, "/public/flags"];

// A page several roles share (/units, /board, /feed …) renders the same components for each, only
// fewer rows: it is checked once, for the widest role, to keep the run short.
const ROLES: { username: string; pages: Target[] }[] = [
  {
    username: "admin",
    pages: [
      "/admin",
      "/admin/reminders",
      "/admin/burden",
      "/feed",
      "/admin/tasks",
      { from: "/admin/tasks", link: /^\/admin\/tasks\/[a-z0-9]+$/ },
      "/admin/tasks/new",
      "/admin/tasks/import",
      "/units",
      { from: "/units", link: /^\/units\/[a-z0-9]+$/ },
      "/admin/bulletins",
      "/bulletins",
      { from: "/bulletins", link: /^\/bulletins\/[a-z0-9]+$/ },
      "/spot-checks",
      { from: "/spot-checks", link: /^\/spot-checks\/[a-z0-9]+$/ },
      { from: "/spot-checks", link: /^\/spot-checks\/draws\/[a-z0-9]+$/ },
      "/spot-checks/pick",
      "/admin/anomalies",
      "/orders",
      { from: "/orders", link: /^\/orders\/[a-z0-9]+$/ },
      "/orders/new",
      "/admin/audit",
      "/admin/notifications",
      "/board",
      "/board/year",
      "/board/print",
      { from: "/board", link: /^\/board\/units\/[a-z0-9]+/ },
      "/admin/scoring",
      "/admin/scoring/rules",
      "/admin/quarters",
      "/admin/org",
      "/admin/org/users",
      { from: "/admin/org/users", link: /^\/admin\/org\/users\/(?!new$)[a-z0-9-]+$/ },
      "/admin/org/users/new",
      "/admin/org/units",
      { from: "/admin/org/units", link: /^\/admin\/org\/units\/(?!new$)[a-z0-9-]+$/ },
      "/admin/org/units/new",
      "/admin/org/lines",
      { from: "/admin/org/lines", link: /^\/admin\/org\/lines\/[a-z0-9-]+$/ },
      "/admin/org/groups",
      { from: "/admin/org/groups", link: /^\/admin\/org\/groups\/[a-z0-9-]+$/ },
      "/admin/org/channels",
      { from: "/admin/org/channels", link: /^\/admin\/org\/channels\/[a-z0-9-]+$/ },
      "/admin/org/key-tasks",
      "/account",
    ],
  },
  { username: "leader", pages: ["/leader", "/leader/instructions", "/tasks", { from: "/tasks", link: /^\/tasks\/[a-z0-9]+$/ }] },
  { username: "assessor", pages: ["/assessor", "/assessor/scores", { from: "/assessor", link: /^\/assessor\/groups\/[a-z0-9]+\/units\/[a-z0-9]+$/ }] },
  {
    username: "town-head",
    pages: ["/unit", "/unit/tasks", { from: "/unit/tasks", link: /^\/unit\/tasks\/[a-z0-9]+$/ }, "/unit/log", "/unit/commitment", "/orders", { from: "/orders", link: /^\/orders\/[a-z0-9]+$/ }],
  },
];

async function resolve(page: Page, target: Target): Promise<string | null> {
  if (typeof target === "string") return target;
  await page.goto(target.from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => target.link.test(href)) ?? null;
}

/** The serious and critical violations of one page at both widths, as readable lines. */
async function check(page: Page, path: string): Promise<string[]> {
  const found: string[] = [];
  await page.setViewportSize(WIDTHS[0]);
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const mains = await page.locator("main").count();
  if (mains !== 1) found.push(`${path}: ${mains} <main> elements`);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      found.push(`${path} @${size.name}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    }
  }
  return found;
}

test.describe.configure({ timeout: 180_000 });

test("public pages have no serious accessibility violation", async ({ page }) => {
  const found: string[] = [];
  for (const target of PUBLIC) {
    const path = await resolve(page, target);
    if (path) found.push(...(await check(page, path)));
    else found.push(`no link ${String(typeof target === "string" ? target : target.link)}`);
  }
  expect(found, found.join("\n")).toEqual([]);
});

// A role's pages in chunks of six, each its own test: a slow machine never times out a whole role.
for (const { username, pages } of ROLES) {
  const chunks = Array.from({ length: Math.ceil(pages.length / 6) }, (_, i) => pages.slice(i * 6, i * 6 + 6));
  chunks.forEach((chunk, i) => {
    test(`${username}'s pages (${i + 1}/${chunks.length}) have no serious accessibility violation`, async ({ page }) => {
      await loginAs(page, username);
      const found: string[] = [];
      for (const target of chunk) {
        const path = await resolve(page, target);
        if (path) found.push(...(await check(page, path)));
        else found.push(`no link ${String(typeof target === "string" ? target : target.link)}`);
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  });
}
