import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** The navigation each role sees. Pages check access themselves; this only guides. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case "ADMIN":
      return [
        { href: "/admin", label: "今日概况" },
        { href: "/admin/tasks", label: "任务清单" },
        { href: "/units", label: "单位" },
      ];
    case "LEADER":
      return [
        { href: "/leader", label: "全区概览" },
        { href: "/tasks", label: "任务清单" },
        { href: "/units", label: "单位" },
      ];
    case "ASSESSOR":
      return [
        { href: "/assessor", label: "考核组" },
        { href: "/tasks", label: "任务清单" },
        { href: "/units", label: "单位" },
      ];
    case "UNIT_HEAD":
      return [
        { href: "/unit", label: "今日" },
        { href: "/unit/tasks", label: "任务" },
        { href: "/unit/commitment", label: "承诺书" },
      ];
    case "REPORTER":
      return [
        { href: "/unit", label: "今日" },
        { href: "/unit/tasks", label: "任务" },
      ];
  }
}
