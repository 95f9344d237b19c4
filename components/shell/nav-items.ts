import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };
/** A menu of related pages, so that the office's dozen pages fit one calm bar. */
export type NavGroup = { label: string; items: NavItem[] };
export type NavEntry = NavItem | NavGroup;

export function isNavGroup(entry: NavEntry): entry is NavGroup {
  return "items" in entry;
}

const BULLETINS = { href: "/bulletins", label: "要情快讯" };
const FEED = { href: "/feed", label: "晾晒墙" };
const ORDERS = { href: "/orders", label: "督办" };
const SPOT_CHECKS = { href: "/spot-checks", label: "抽查" };
const UNITS = { href: "/units", label: "单位" };
const BOARD = { href: "/board", label: "考核排名" };
/** the audit viewer: the office's, read-only for the leaders */
const AUDIT = { href: "/admin/audit", label: "操作记录" };
const WORK_LOG = { href: "/unit/log", label: "工作日志" };
const UNIT_TOP = [{ href: "/unit", label: "今日" }, { href: "/unit/tasks", label: "任务" }, ORDERS];

/** The navigation each role sees. Pages check access themselves; this only guides. */
export function navItemsFor(role: Role): NavEntry[] {
  switch (role) {
    case "ADMIN":
      return [
        { href: "/admin", label: "今日概况" },
        { label: "晒报", items: [FEED, { href: "/admin/reminders", label: "催报" }, { href: "/admin/burden", label: "填报负担" }] },
        { href: "/admin/tasks", label: "任务清单" },
        UNITS,
        {
          label: "督查",
          items: [
            { href: "/admin/bulletins", label: "要情快讯" },
            { href: "/leaders", label: "领导晚晒" },
            SPOT_CHECKS,
            { href: "/admin/anomalies", label: "异常线索" },
            ORDERS,
            { href: "/leader/instructions", label: "领导批示" },
            AUDIT,
          ],
        },
        { label: "考核", items: [BOARD, { href: "/admin/scoring", label: "评分进度" }, { href: "/admin/quarters", label: "季度" }] },
        {
          label: "组织",
          items: [
            { href: "/admin/org/users", label: "账号" },
            { href: "/admin/org/units", label: "单位" },
            { href: "/admin/org/lines", label: "分管线" },
            { href: "/admin/org/groups", label: "考核组" },
            { href: "/admin/org/channels", label: "工作群" },
            { href: "/admin/robots", label: "群机器人" },
          ],
        },
      ];
    case "LEADER":
      return [
        { href: "/leader", label: "全区概览" },
        {
          label: "晒报",
          items: [
            { href: "/leader/card", label: "我的晒报" },
            { href: "/leaders", label: "领导晚晒" },
            FEED,
            { href: "/leader/instructions", label: "我的批示" },
          ],
        },
        { href: "/tasks", label: "任务清单" },
        UNITS,
        { label: "督查", items: [BULLETINS, SPOT_CHECKS, ORDERS, AUDIT] },
        BOARD,
      ];
    case "ASSESSOR":
      return [
        { href: "/assessor", label: "考核组" },
        { href: "/assessor/scores", label: "评分" },
        { href: "/tasks", label: "任务清单" },
        FEED,
        UNITS,
        { label: "督查", items: [ORDERS, BULLETINS] },
      ];
    // Their wide bar already keeps the rest under 更多.
    case "UNIT_HEAD":
      return [...UNIT_TOP, { label: "更多", items: [WORK_LOG, FEED, BULLETINS, { href: "/unit/commitment", label: "承诺书" }] }];
    case "REPORTER":
      return [...UNIT_TOP, { label: "更多", items: [WORK_LOG, FEED, BULLETINS] }];
  }
}

/**
 * What stays on the bar of a phone (below `lg`): the role's one or two daily pages, so that the bar
 * never scrolls sideways; every other entry waits under 更多, grouped as on the wide bar.
 */
const PHONE_BAR: Record<Role, string[]> = {
  ADMIN: ["/admin", "/units"],
  LEADER: ["/leader", "/units"],
  ASSESSOR: ["/assessor", "/assessor/scores"],
  UNIT_HEAD: ["/unit", "/unit/tasks", "/orders"],
  REPORTER: ["/unit", "/unit/tasks", "/orders"],
};

/** A section of the phone's 更多 menu: a group's pages under its label, or loose pages without one. */
export type MoreSection = { label: string | null; items: NavItem[] };

/** The phone's navigation: the bar's entries and the sections of 更多 (every other page, in the wide bar's order). */
export function phoneNavFor(role: Role): { bar: NavItem[]; more: MoreSection[] } {
  const keep = PHONE_BAR[role];
  const bar: NavItem[] = [];
  // Loose pages first (for the unit roles, their 更多 group is exactly that), then each group under its label.
  const loose: NavItem[] = [];
  const groups: MoreSection[] = [];
  for (const entry of navItemsFor(role)) {
    if (isNavGroup(entry)) {
      if (entry.label === "更多") loose.push(...entry.items);
      else groups.push({ label: entry.label, items: entry.items });
    } else if (keep.includes(entry.href)) bar.push(entry);
    else loose.push(entry);
  }
  return { bar, more: loose.length ? [{ label: null, items: loose }, ...groups] : groups };
}

/** The item a path belongs to: the longest href that is the path or a parent of it. */
export function activeNavHref(entries: NavEntry[], pathname: string): string | null {
  let best: string | null = null;
  for (const item of entries.flatMap((e) => (isNavGroup(e) ? e.items : [e]))) {
    if ((pathname === item.href || pathname.startsWith(`${item.href}/`)) && (!best || item.href.length > best.length)) best = item.href;
  }
  return best;
}
