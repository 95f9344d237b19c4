/**
 * The leaders' page (区级领导晒报): each district leader's evening report of a
 * day, with its photos, place and the site visits (到现场看看) made against it.
 * District accounts only (leaders and the office).
 */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { slotShownSelect } from "@/lib/reports/card-json";
import type { DistrictDate } from "@/lib/time";

export async function listLeaderEvenings(user: SessionUser, date: DistrictDate) {
  if (user.role !== "LEADER" && user.role !== "ADMIN") return [];
  const [leaders, slots] = await Promise.all([
    db.user.findMany({ where: { role: "LEADER", active: true }, select: { id: true, name: true, title: true, ledLines: { select: { name: true } } } }),
    db.reportSlot.findMany({
      where: { slot: "EVENING", card: { date, leaderId: { not: null } } },
      select: {
        ...slotShownSelect,
        card: { select: { leaderId: true } },
        photos: { orderBy: { sortOrder: "asc" }, select: { id: true, width: true, height: true } },
        siteVisits: {
          orderBy: { visitedAt: "asc" },
          select: { id: true, place: true, lat: true, lng: true, note: true, visitedAt: true, leader: { select: { name: true, title: true } } },
        },
      },
    }),
  ]);
  const byLeader = new Map(slots.map((s) => [s.card.leaderId, s]));
  return leaders
    .map((leader) => ({ leader, evening: byLeader.get(leader.id) ?? null }))
    .sort((a, b) => Number(b.evening !== null) - Number(a.evening !== null) || a.leader.name.localeCompare(b.leader.name, "zh-CN"));
}

export type LeaderEvening = Awaited<ReturnType<typeof listLeaderEvenings>>[number];
