/**
 * The 批示 list of /leader/instructions over a client (so that its scope and
 * the overdue rule are tested on a real database): a leader reads their own
 * 批示 only (the leader is in the query), the office every leader's.
 */
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import type { DistrictDate } from "@/lib/time";

export type InstructionListShow = "open" | "overdue" | "closed";

/**
 * A leader's own 批示 (the leader is in the query), or every leader's for the
 * office: open (not closed), overdue (past the deadline's day and not closed,
 * the oldest deadline first) or closed. Counts of open and overdue for the tabs.
 */
export async function findLeaderInstructions(db: Db, user: SessionUser, show: InstructionListShow, today: DistrictDate) {
  const mine = user.role === "ADMIN" ? {} : { leaderId: user.id };
  const open = { ...mine, closedAt: null };
  const overdue = { ...open, deadline: { not: null, lt: today } };
  const where = show === "closed" ? { ...mine, closedAt: { not: null } } : show === "overdue" ? overdue : open;
  const [instructions, openCount, overdueCount] = await Promise.all([
    db.instruction.findMany({
      where,
      orderBy: show === "overdue" ? [{ deadline: "asc" }, { createdAt: "desc" }] : show === "closed" ? { closedAt: "desc" } : { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        text: true,
        slot: true,
        createdAt: true,
        answeredAt: true,
        closedAt: true,
        deadline: true,
        leaderId: true,
        leader: { select: { name: true } },
        order: { select: { id: true } },
        card: { select: { date: true, unit: { select: { id: true, name: true } } } },
        answers: {
          orderBy: { createdAt: "asc" },
          select: { id: true, text: true, createdAt: true, authorId: true, author: { select: { name: true, role: true } } },
        },
      },
    }),
    db.instruction.count({ where: open }),
    db.instruction.count({ where: overdue }),
  ]);
  return { instructions, openCount, overdueCount };
}
