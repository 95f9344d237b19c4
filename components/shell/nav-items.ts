import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** The navigation each role sees. Pages check access themselves; this only guides. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case "ADMIN":
      return [
        { href: "/admin", label: "今日概况" },
        { href: "/units", label: "单位" },
        { href: "/admin/scoring", label: "考核" },
        { href: "/admin/quarters", label: "季度" },
        { href: "/board", label: "考核排名" },
      ];
    case "LEADER":
      return [
        { href: "/leader", label: "全区概览" },
        { href: "/units", label: "单位" },
        { href: "/board", label: "考核排名" },
      ];
    case "ASSESSOR":
      return [
        { href: "/assessor", label: "考核组" },
        { href: "/assessor/scores", label: "评分" },
        { href: "/units", label: "单位" },
      ];
    case "UNIT_HEAD":
    case "REPORTER":
      return [{ href: "/unit", label: "今日" }];
  }
}
