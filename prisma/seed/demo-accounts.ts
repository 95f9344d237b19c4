/**
 * The demo accounts the seed creates, for the README, the login page's demo
 * hint and the e2e tests. Every seeded account shares DEMO_PASSWORD.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "shaitai-demo";

export type DemoAccount = {
  username: string;
  role: Role;
  /** the unit the account belongs to (Unit.name), if any */
  unitName?: string;
  /** what the account is, in the UI's language */
  label: string;
};

export const DEMO_ACCOUNTS = [
  { username: "admin", role: "ADMIN", label: "两办督查室（管理员）" },
  { username: "leader", role: "LEADER", label: "区委书记（区级领导）" },
  { username: "assessor", role: "ASSESSOR", label: "招商引资跟踪考核组组长" },
  { username: "town-head", role: "UNIT_HEAD", unitName: "临洺关镇", label: "临洺关镇党委书记" },
  { username: "town-reporter", role: "REPORTER", unitName: "临洺关镇", label: "临洺关镇信息员" },
  { username: "dept-head", role: "UNIT_HEAD", unitName: "区交运局", label: "区交运局局长" },
] as const satisfies readonly DemoAccount[];

export type DemoUsername = (typeof DEMO_ACCOUNTS)[number]["username"];

/**
 * Units whose card for today the seed leaves empty, so that the demo accounts
 * (and the e2e tests) can file today's morning report themselves, whatever the
 * date: 永合会镇 is the card-trap spec's unit, 区农业农村局 and 区水利局 the offline
 * card's, 西苏镇 the progress-history spec's (its evening must mark every
 * planned item) and 曲陌乡 the versions spec's (the other units' morning is
 * drawn by chance, day by day, from 07:30).
 */
export const DEMO_UNITS_WITHOUT_TODAY = ["临洺关镇", "区交运局", "永合会镇", "区农业农村局", "区水利局", "西苏镇", "曲陌乡"] as const;
