/**
 * The authorization matrix (issue 13): every route of the app — found by
 * walking app/ for page.tsx and route.ts files and their exported methods —
 * asked by every role, anonymous, and another unit's user, with the answer
 * each must get. A route without a rule here fails the first test, so a new
 * page or handler cannot ship without deciding who may open it.
 *
 * The records in dynamic routes belong to 临洺关镇 (town-head's and
 * town-reporter's unit); "another unit" is dept-head (区交运局's head).
 * Pages that read search parameters are also asked with crafted values
 * (prototype names, repeated keys): the answer must not change, never a 500.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, signInRequest } from "../helpers";

const WHO = ["ADMIN", "LEADER", "ASSESSOR", "UNIT_HEAD", "REPORTER", "OTHER_UNIT", "ANONYMOUS"] as const;
type Who = (typeof WHO)[number];

const USERNAMES: Record<Exclude<Who, "ANONYMOUS">, string> = {
  ADMIN: "admin",
  LEADER: "leader",
  ASSESSOR: "assessor",
  UNIT_HEAD: "town-head",
  REPORTER: "town-reporter",
  OTHER_UNIT: "dept-head",
};

const HOME: Record<Who, string> = {
  ADMIN: "/admin",
  LEADER: "/leader",
  ASSESSOR: "/assessor",
  UNIT_HEAD: "/unit",
  REPORTER: "/unit",
  OTHER_UNIT: "/unit",
  ANONYMOUS: "/login",
};

/**
 * What a request must get: a status; "denied" = 307 to the user's home with ?denied=1; "login" = 307
 * to the login; "home" = 307 to the user's home (a page that only routes); "invalid" = a 4xx refusal
 * of the input (400, 413, 415, 422) after the caller was let in; { to, status } = a redirect (307 unless
 * said) to that path.
 */
type Outcome = 200 | 401 | 403 | 404 | "denied" | "login" | "home" | "invalid" | { to: string; status?: number };
type Ids = {
  unitId: string;
  taskId: string;
  bulletinId: string;
  orderId: string;
  photoId: string;
  groupId: string;
  commitmentId: string;
  channelId: string;
  lineId: string;
  userId: string;
  date: string;
};
type Rule = { url: (ids: Ids) => string; expect: Record<Who, Outcome>; /** search parameters the page reads */ reads?: string[] };

const DISTRICT: Who[] = ["ADMIN", "LEADER", "ASSESSOR"];
const UNIT: Who[] = ["UNIT_HEAD", "REPORTER", "OTHER_UNIT"];
const SIGNED_IN: Who[] = [...DISTRICT, ...UNIT];

/** A page for these roles: 200 for them, home with ?denied=1 for the others, the login when signed out. */
function page(allowed: Who[], overrides: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> {
  const outcome = Object.fromEntries(WHO.map((who) => [who, who === "ANONYMOUS" ? "login" : allowed.includes(who) ? 200 : "denied"])) as Record<Who, Outcome>;
  return { ...outcome, ...overrides };
}

/** A JSON/file route for these roles: 200 for them, 403 for the others, 401 signed out. */
function api(allowed: Who[], overrides: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> {
  const outcome = Object.fromEntries(WHO.map((who) => [who, who === "ANONYMOUS" ? 401 : allowed.includes(who) ? 200 : 403])) as Record<Who, Outcome>;
  return { ...outcome, ...overrides };
}

const everyone = (outcome: Outcome) => Object.fromEntries(WHO.map((who) => [who, outcome])) as Record<Who, Outcome>;

const NO_SUCH_ID = "no-such-record";
const TASK_FILTERS = ["q", "unit", "kind", "keyTask", "line", "leader", "status", "overdue", "from", "to", "archived", "sort", "by", "page"];
const REPORT_SEARCH = ["from", "to", "unitId", "channelId", "keyTaskId", "slot", "q"];

/** One rule per method and route, keyed as "GET /admin/tasks/[taskId]" (route groups left out). */
const RULES: Record<string, Rule> = {
  "GET /": { url: () => "/", expect: { ...everyone("home"), ANONYMOUS: "login" } },
  "GET /login": { url: () => "/login", expect: { ...everyone("home"), ANONYMOUS: 200 }, reads: ["notice"] },
  "GET /setup": { url: () => "/setup", expect: everyone({ to: "/login" }) },
  "GET /account": { url: () => "/account", expect: page(SIGNED_IN) },

  "GET /admin": { url: () => "/admin", expect: page(["ADMIN"]), reads: ["kind"] },
  "GET /admin/anomalies": { url: () => "/admin/anomalies", expect: page(["ADMIN"]), reads: ["status", "kind", "date", "slotId"] },
  "GET /admin/audit": {
    url: () => "/admin/audit",
    expect: page(["ADMIN", "LEADER"]),
    reads: ["unit", "user", "action", "from", "to", "entity", "entityId", "after"],
  },
  "GET /admin/audit/export": {
    url: () => "/admin/audit/export",
    expect: api(["ADMIN", "LEADER"]),
    reads: ["unit", "user", "action", "from", "to", "entity", "entityId"],
  },
  "GET /admin/bulletins": { url: () => "/admin/bulletins", expect: page(["ADMIN"]) },
  // A published bulletin is edited no more: the office is sent to its reading page.
  "GET /admin/bulletins/[id]": {
    url: (ids) => `/admin/bulletins/${ids.bulletinId}`,
    expect: page(["ADMIN"], { ADMIN: { to: "/bulletins/:bulletinId" } }),
    reads: REPORT_SEARCH,
  },
  "GET /admin/burden": { url: () => "/admin/burden", expect: page(["ADMIN"]), reads: ["sort"] },
  "GET /notifications": { url: () => "/notifications", expect: page(SIGNED_IN), reads: ["cursor"] },
  "GET /admin/robots": { url: () => "/admin/robots", expect: page(["ADMIN"]) },
  "GET /admin/org": { url: () => "/admin/org", expect: page(["ADMIN"]) },
  "GET /admin/org/channels": { url: () => "/admin/org/channels", expect: page(["ADMIN"]) },
  "GET /admin/org/channels/[channelId]": { url: (ids) => `/admin/org/channels/${ids.channelId}`, expect: page(["ADMIN"]) },
  "GET /admin/org/groups": { url: () => "/admin/org/groups", expect: page(["ADMIN"]) },
  "GET /admin/org/groups/[groupId]": { url: (ids) => `/admin/org/groups/${ids.groupId}`, expect: page(["ADMIN"]), reads: ["on", "year"] },
  "GET /admin/org/key-tasks": { url: () => "/admin/org/key-tasks", expect: page(["ADMIN"]) },
  "GET /admin/org/lines": { url: () => "/admin/org/lines", expect: page(["ADMIN"]) },
  "GET /admin/org/lines/[lineId]": { url: (ids) => `/admin/org/lines/${ids.lineId}`, expect: page(["ADMIN"]) },
  "GET /admin/org/users/import": { url: () => "/admin/org/users/import", expect: page(["ADMIN"]) },
  "GET /admin/org/users/import/template": { url: () => "/admin/org/users/import/template", expect: api(["ADMIN"]) },
  "GET /admin/org/units": { url: () => "/admin/org/units", expect: page(["ADMIN"]), reads: ["retired"] },
  "GET /admin/org/units/[unitId]": { url: (ids) => `/admin/org/units/${ids.unitId}`, expect: page(["ADMIN"]) },
  "GET /admin/org/units/new": { url: () => "/admin/org/units/new", expect: page(["ADMIN"]) },
  "GET /admin/org/units/import": { url: () => "/admin/org/units/import", expect: page(["ADMIN"]) },
  "GET /admin/org/units/import/template": { url: () => "/admin/org/units/import/template", expect: api(["ADMIN"]) },
  "GET /admin/org/users": { url: () => "/admin/org/users", expect: page(["ADMIN"]), reads: ["q", "role", "status"] },
  "GET /admin/org/users/[userId]": { url: (ids) => `/admin/org/users/${ids.userId}`, expect: page(["ADMIN"]) },
  "GET /admin/org/users/new": { url: () => "/admin/org/users/new", expect: page(["ADMIN"]) },
  "GET /admin/quarters": { url: () => "/admin/quarters", expect: page(["ADMIN"]), reads: ["closed"] },
  "GET /admin/reminders": { url: () => "/admin/reminders", expect: page(["ADMIN"]), reads: ["slot"] },
  "GET /admin/scoring": { url: () => "/admin/scoring", expect: page(["ADMIN"]), reads: ["quarter"] },
  "GET /admin/scoring/rules": { url: () => "/admin/scoring/rules", expect: page(["ADMIN"]), reads: ["year"] },
  "GET /admin/security/logins": { url: () => "/admin/security/logins", expect: page(["ADMIN"]) },
  "GET /admin/tasks": { url: () => "/admin/tasks", expect: page(["ADMIN"]), reads: TASK_FILTERS },
  "GET /admin/tasks/[taskId]": { url: (ids) => `/admin/tasks/${ids.taskId}`, expect: page(["ADMIN"]), reads: ["created"] },
  "GET /admin/tasks/import": { url: () => "/admin/tasks/import", expect: page(["ADMIN"]) },
  "POST /admin/tasks/import/preview": { url: () => "/admin/tasks/import/preview", expect: api(["ADMIN"], { ADMIN: "invalid" }) },
  "POST /admin/tasks/import/commit": { url: () => "/admin/tasks/import/commit", expect: api(["ADMIN"], { ADMIN: "invalid" }) },
  "GET /admin/tasks/new": { url: () => "/admin/tasks/new", expect: page(["ADMIN"]) },
  "GET /admin/tasks/template": { url: () => "/admin/tasks/template", expect: api(["ADMIN"]) },

  "GET /assessor": { url: () => "/assessor", expect: page(["ASSESSOR"]) },
  "GET /assessor/scores": { url: () => "/assessor/scores", expect: page(["ASSESSOR"]), reads: ["quarter"] },
  "GET /assessor/groups/[groupId]/units/[unitId]": {
    url: (ids) => `/assessor/groups/${ids.groupId}/units/${ids.unitId}`,
    expect: page(["ASSESSOR"]),
    reads: ["quarter"],
  },

  "GET /board": { url: () => "/board", expect: page(["LEADER", "ADMIN"]), reads: ["quarter", "projector"] },
  "GET /board/export": { url: () => "/board/export", expect: api(["LEADER", "ADMIN"]), reads: ["quarter"] },
  "GET /board/print": { url: () => "/board/print", expect: page(["LEADER", "ADMIN"]), reads: ["quarter"] },
  "GET /board/units/[unitId]": { url: (ids) => `/board/units/${ids.unitId}`, expect: page(["LEADER", "ADMIN"]), reads: ["quarter"] },
  "GET /board/year": { url: () => "/board/year", expect: page(["LEADER", "ADMIN"]), reads: ["year"] },
  "GET /board/year/export": { url: () => "/board/year/export", expect: api(["LEADER", "ADMIN"]), reads: ["year"] },

  "GET /bulletins": { url: () => "/bulletins", expect: page(SIGNED_IN) },
  "GET /bulletins/[id]": { url: (ids) => `/bulletins/${ids.bulletinId}`, expect: page(SIGNED_IN) },
  "GET /bulletins/[id]/print": { url: (ids) => `/bulletins/${ids.bulletinId}/print`, expect: page(SIGNED_IN) },
  "GET /feed": { url: () => "/feed", expect: page(SIGNED_IN), reads: ["channel", "unit", "line", "keyTask", "task", "date", "slot", "cursor"] },

  "GET /leader": { url: () => "/leader", expect: page(["LEADER", "ADMIN"]) },
  "GET /leader/card": { url: () => "/leader/card", expect: page(["LEADER"]) },
  "GET /leaders": { url: () => "/leaders", expect: page(["LEADER", "ADMIN"]), reads: ["date"] },
  "GET /leader/instructions": { url: () => "/leader/instructions", expect: page(["LEADER", "ADMIN"]), reads: ["show"] },

  "GET /orders": { url: () => "/orders", expect: page(SIGNED_IN), reads: ["tab"] },
  // Another unit's order reads as missing, not as forbidden (no probing ids).
  "GET /orders/[id]": { url: (ids) => `/orders/${ids.orderId}`, expect: page(SIGNED_IN, { OTHER_UNIT: 404 }) },
  // The printable record of one step (app/(print)): the district's roles; an unknown step is a 404 for them.
  "GET /orders/[id]/record/[stepId]": {
    url: (ids) => `/orders/${ids.orderId}/record/${NO_SUCH_ID}`,
    expect: page(DISTRICT, { ADMIN: 404, LEADER: 404, ASSESSOR: 404 }),
  },
  "GET /orders/new": { url: () => "/orders/new", expect: page(DISTRICT), reads: ["unitId", "slotId"] },

  // No spot check is seeded: the office and the leaders get 404, everyone else is turned away first.
  "GET /spot-checks": { url: () => "/spot-checks", expect: page(["ADMIN", "LEADER"]), reads: ["show"] },
  "GET /spot-checks/[id]": { url: () => `/spot-checks/${NO_SUCH_ID}`, expect: page(["ADMIN", "LEADER"], { ADMIN: 404, LEADER: 404 }) },
  "GET /spot-checks/draws/[id]": { url: () => `/spot-checks/draws/${NO_SUCH_ID}`, expect: page(["ADMIN", "LEADER"], { ADMIN: 404, LEADER: 404 }) },
  "GET /spot-checks/pick": { url: () => "/spot-checks/pick", expect: page(["ADMIN", "LEADER"]), reads: REPORT_SEARCH },

  "GET /tasks": { url: () => "/tasks", expect: page(DISTRICT), reads: TASK_FILTERS },
  "GET /tasks/[taskId]": { url: (ids) => `/tasks/${ids.taskId}`, expect: page(DISTRICT) },
  "GET /tasks/export": { url: () => "/tasks/export", expect: api(SIGNED_IN), reads: [...TASK_FILTERS, "format"] },

  "GET /unit": { url: () => "/unit", expect: page(UNIT) },
  "GET /unit/commitment": { url: () => "/unit/commitment", expect: page(["UNIT_HEAD", "OTHER_UNIT"]) },
  "GET /unit/log": { url: () => "/unit/log", expect: page(UNIT), reads: ["date"] },
  "GET /unit/tasks": { url: () => "/unit/tasks", expect: page(UNIT) },
  // Another unit's task reads as missing.
  "GET /unit/tasks/[taskId]": { url: (ids) => `/unit/tasks/${ids.taskId}`, expect: page(UNIT, { OTHER_UNIT: 404 }) },
  "GET /units": { url: () => "/units", expect: page(DISTRICT) },
  "GET /units/[unitId]": { url: (ids) => `/units/${ids.unitId}`, expect: page(SIGNED_IN, { OTHER_UNIT: "denied" }), reads: ["date"] },

  "GET /public/commitments": { url: () => "/public/commitments", expect: everyone(200) },
  "GET /public/commitments/[id]": { url: (ids) => `/public/commitments/${ids.commitmentId}`, expect: everyone(200) },
  "GET /public/flags": { url: () => "/public/flags", expect: everyone(200) },

  // The service worker script (the PWA), public like any static file.
  "GET /serwist/[path]": { url: () => "/serwist/sw.js", expect: everyone(200) },

  "GET /api/auth/[...nextauth]": { url: () => "/api/auth/csrf", expect: everyone(200) },
  // next-auth's own door: without its CSRF token a POST is turned back to the login, never let in.
  "POST /api/auth/[...nextauth]": { url: () => "/api/auth/callback/credentials", expect: everyone({ to: "/api/auth/signin?csrf=true", status: 302 }) },
  // A report's photos are on the shared 晒台 (the feed), for every signed-in user; spot-check and order photos are scoped.
  "GET /api/photos/[id]": { url: (ids) => `/api/photos/${ids.photoId}?size=thumb`, expect: api(SIGNED_IN) },
  "GET /api/v1/anomalies": { url: (ids) => `/api/v1/anomalies?date=${ids.date}`, expect: api(["ADMIN", "LEADER"]) },
  "GET /api/v1/bulletins": { url: () => "/api/v1/bulletins", expect: api(SIGNED_IN) },
  "GET /api/v1/cards/[date]": {
    url: (ids) => `/api/v1/cards/${ids.date}?unitId=${ids.unitId}`,
    expect: api(SIGNED_IN, { OTHER_UNIT: 404 }),
  },
  "POST /api/v1/cards/[date]/[slot]": {
    url: (ids) => `/api/v1/cards/${ids.date}/MORNING`,
    // A district leader files their own card (分线作战) through the same route.
    expect: api([...UNIT, "LEADER"], { UNIT_HEAD: "invalid", REPORTER: "invalid", OTHER_UNIT: "invalid", LEADER: "invalid" }),
  },
  "GET /api/v1/flags": { url: () => "/api/v1/flags", expect: everyone(200) },
  "GET /api/v1/me": { url: () => "/api/v1/me", expect: api(SIGNED_IN) },
  "GET /api/v1/openapi.json": { url: () => "/api/v1/openapi.json", expect: everyone(200) },
  "GET /api/v1/ranking": { url: () => "/api/v1/ranking", expect: api(["LEADER", "ADMIN"]) },
  "GET /api/v1/status/[date]": { url: (ids) => `/api/v1/status/${ids.date}`, expect: api(["ADMIN", "LEADER"]) },
  "GET /api/v1/units": { url: () => "/api/v1/units", expect: api(SIGNED_IN) },
};

/** Every route of the app as "METHOD /path", from the files under app/. */
function discoverRoutes(): string[] {
  const appDir = path.join(process.cwd(), "app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const segments = path
          .relative(appDir, dir)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s));
        const route = `/${segments.join("/")}`;
        if (entry.name === "page.tsx") found.push(`GET ${route}`);
        else {
          const source = fs.readFileSync(full, "utf8");
          const named = [
            ...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
          ].map((m) => m[1] ?? m[2]);
          // `export const { GET } = createSerwistRoute(…)`: a destructured export.
          const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) => m[1].match(/\b(GET|POST|PUT|PATCH|DELETE)\b/g) ?? []);
          const methods = new Set([...named, ...destructured]);
          for (const method of methods) found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(appDir);
  return found.sort();
}

function e2eIds(): Ids {
  const db = new Database(path.join(process.cwd(), "data", "e2e.db"), { readonly: true });
  try {
    const one = <T>(sql: string, ...args: unknown[]) => {
      const row = db.prepare(sql).get(...args) as T | undefined;
      if (!row) throw new Error(`the seed has no row for: ${sql}`);
      return row;
    };
    const { id: unitId } = one<{ id: string }>(`SELECT id FROM Unit WHERE name = '临洺关镇'`);
    return {
      unitId,
      taskId: one<{ id: string }>(`SELECT id FROM Task WHERE unitId = ? AND archivedAt IS NULL ORDER BY id LIMIT 1`, unitId).id,
      bulletinId: one<{ id: string }>(`SELECT id FROM Bulletin WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`).id,
      orderId: one<{ id: string }>(`SELECT id FROM SupervisionOrder WHERE unitId = ? ORDER BY id LIMIT 1`, unitId).id,
      photoId: one<{ id: string }>(
        `SELECT p.id FROM Photo p JOIN ReportSlot s ON s.id = p.slotId JOIN ReportCard c ON c.id = s.cardId WHERE c.unitId = ? ORDER BY p.id LIMIT 1`,
        unitId,
      ).id,
      groupId: one<{ groupId: string }>(
        `SELECT m.groupId FROM AssessmentGroupMember m JOIN User u ON u.id = m.userId JOIN AssessmentGroupUnit gu ON gu.groupId = m.groupId
         WHERE u.username = 'assessor' AND gu.unitId = ? LIMIT 1`,
        unitId,
      ).groupId,
      commitmentId: one<{ id: string }>(`SELECT id FROM Commitment WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`).id,
      channelId: one<{ id: string }>(`SELECT id FROM Channel ORDER BY id LIMIT 1`).id,
      lineId: one<{ id: string }>(`SELECT id FROM Line ORDER BY id LIMIT 1`).id,
      userId: one<{ id: string }>(`SELECT id FROM User WHERE username = 'town-reporter'`).id,
      date: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()),
    };
  } finally {
    db.close();
  }
}

const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const contexts = new Map<Who, APIRequestContext>();
let ids: Ids;

test.beforeAll(async () => {
  ids = e2eIds();
  for (const who of WHO) {
    const context = await playwrightRequest.newContext({ baseURL });
    if (who !== "ANONYMOUS") await signInRequest(context, USERNAMES[who], DEMO_PASSWORD);
    contexts.set(who, context);
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

test("every route under app/ has a rule in the matrix, and every rule a route", () => {
  const routes = discoverRoutes();
  expect(
    routes.filter((route) => !(route in RULES)),
    "routes without a rule: add one to RULES",
  ).toEqual([]);
  expect(
    Object.keys(RULES).filter((rule) => !routes.includes(rule)),
    "rules for routes that are gone",
  ).toEqual([]);
});

/** Checks one answer against its outcome; returns a description of the mismatch, or null. */
function mismatch(who: Who, outcome: Outcome, status: number, location: string | undefined): string | null {
  const redirect = (to: string, expected = 307) =>
    status === expected && location === to ? null : `expected ${expected} → ${to}, got ${status}${location ? ` → ${location}` : ""}`;
  if (outcome === "denied") return redirect(`${HOME[who]}?denied=1`);
  if (outcome === "login") return redirect("/login");
  if (outcome === "home") return redirect(HOME[who]);
  if (outcome === "invalid") return [400, 413, 415, 422].includes(status) ? null : `expected a refusal of the input (400/413/415/422), got ${status}`;
  if (typeof outcome === "object") return redirect(outcome.to.replace(":bulletinId", ids.bulletinId), outcome.status);
  return status === outcome ? null : `expected ${outcome}, got ${status}${location ? ` → ${location}` : ""}`;
}

async function ask(who: Who, key: string, url: string) {
  const context = contexts.get(who)!;
  const method = key.split(" ")[0];
  // Sent as our own pages send it (their origin, the import page's X-Requested-With): a POST is judged on
  // who sends it, not refused as cross-site.
  const headers = method === "POST" ? { Origin: baseURL, "X-Requested-With": "XMLHttpRequest" } : undefined;
  const response = await context.fetch(url, { method, maxRedirects: 0, headers });
  const location = response.headers()["location"]?.replace(baseURL, "");
  return { status: response.status(), location };
}

for (const [key, rule] of Object.entries(RULES)) {
  test(`${key}: each role gets its answer`, async () => {
    const url = rule.url(ids);
    const problems: string[] = [];
    for (const who of WHO) {
      const { status, location } = await ask(who, key, url);
      const problem = mismatch(who, rule.expect[who], status, location);
      if (problem) problems.push(`${who}: ${problem}`);
    }
    expect(problems, `${key} (${url})`).toEqual([]);
  });

  if (rule.reads?.length) {
    // The page shows its default view, or sends the user on (a crafted id that names no record): never a 500.
    test(`${key}: crafted search parameters never make a 500`, async () => {
      const who = WHO.find((w) => rule.expect[w] === 200) ?? "ADMIN";
      const url = rule.url(ids);
      for (const names of [
        ["constructor", "__proto__"],
        ["toString", "valueOf"],
        ["hasOwnProperty", "%00"],
      ]) {
        const query = rule.reads!.flatMap((param) => names.map((name) => `${param}=${name}`)).join("&");
        const crafted = `${url}${url.includes("?") ? "&" : "?"}${query}`;
        const { status, location } = await ask(who, key, crafted);
        expect([200, 307, 404], `${who} ${crafted} → ${status} ${location ?? ""}`).toContain(status);
        // A redirect goes where the plain request goes, or home.
        const expected = rule.expect[who];
        const plainTo = typeof expected === "object" ? expected.to.replace(":bulletinId", ids.bulletinId) : null;
        if (status === 307 && location !== plainTo) expect(location, crafted).toMatch(new RegExp(`^${HOME[who]}(\\?|$)`));
      }
    });
  }
}
