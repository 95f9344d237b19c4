import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** The navigation each role sees. Pages check access themselves; this only guides. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case "ADMIN":
      return [
        { href: "/admin", label: "今日概况" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/admin/reminders", label: "催报" },
        { href: "/admin/burden", label: "填报负担" },
        { href: "/units", label: "单位" },
      ];
    case "LEADER":
      return [
        { href: "/leader", label: "全区概览" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/leader/instructions", label: "我的批示" },
        { href: "/units", label: "单位" },
      ];
    case "ASSESSOR":
      return [
        { href: "/assessor", label: "考核组" },
        { href: "/feed", label: "晾晒墙" },
        { href: "/units", label: "单位" },
      ];
    case "UNIT_HEAD":
    case "REPORTER":
      return [
        { href: "/unit", label: "今日" },
        { href: "/unit/log", label: "工作日志" },
        { href: "/feed", label: "晾晒墙" },
      ];
  }
}
