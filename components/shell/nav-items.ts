import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** The navigation each role sees. Pages check access themselves; this only guides. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case "ADMIN":
      return [
        { href: "/admin", label: "今日概况" },
        { href: "/admin/tasks", label: "任务清单" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/admin/reminders", label: "催报" },
        { href: "/admin/burden", label: "填报负担" },
        { href: "/units", label: "单位" },
        { href: "/admin/bulletins", label: "要情快讯" },
        { href: "/spot-checks", label: "抽查" },
        { href: "/admin/anomalies", label: "异常线索" },
        { href: "/orders", label: "督办" },
        { href: "/admin/scoring", label: "考核" },
        { href: "/admin/quarters", label: "季度" },
        { href: "/board", label: "考核排名" },
      ];
    case "LEADER":
      return [
        { href: "/leader", label: "全区概览" },
        { href: "/tasks", label: "任务清单" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/leader/instructions", label: "我的批示" },
        { href: "/units", label: "单位" },
        { href: "/bulletins", label: "要情快讯" },
        { href: "/spot-checks", label: "抽查" },
        { href: "/orders", label: "督办" },
        { href: "/board", label: "考核排名" },
      ];
    case "ASSESSOR":
      return [
        { href: "/assessor", label: "考核组" },
        { href: "/tasks", label: "任务清单" },
        { href: "/assessor/scores", label: "评分" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/units", label: "单位" },
        { href: "/orders", label: "督办" },
        { href: "/bulletins", label: "要情快讯" },
      ];
    case "UNIT_HEAD":
      return [
        { href: "/unit", label: "今日" },
        { href: "/unit/tasks", label: "任务" },
        { href: "/unit/commitment", label: "承诺书" },
        { href: "/orders", label: "督办" },
        { href: "/bulletins", label: "要情快讯" },
        { href: "/unit/log", label: "工作日志" },
        { href: "/feed", label: "晾晒墙" },
      ];
    case "REPORTER":
      return [
        { href: "/unit", label: "今日" },
        { href: "/unit/tasks", label: "任务" },
        { href: "/orders", label: "督办" },
        { href: "/bulletins", label: "要情快讯" },
        { href: "/unit/log", label: "工作日志" },
        { href: "/feed", label: "晾晒墙" },
      ];
  }
}

/** The item a path belongs to: the longest href that is the path or a parent of it. */
export function activeNavHref(items: NavItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const item of items) {
    if ((pathname === item.href || pathname.startsWith(`${item.href}/`)) && (!best || item.href.length > best.length)) best = item.href;
  }
  return best;
}
