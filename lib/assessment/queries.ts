/** Reads for assessment groups and the office: the groups' units, their progress and their scoring. */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { latestGroupScore } from "@/lib/assessment/in-force";
import { parseQuarterKey, quarterKey } from "@/lib/assessment/quarters";
import { periodFor, scoringScopeDay } from "@/lib/assessment/inputs";
import { listQuarters } from "@/lib/assessment/results";
import { groupScopeOn } from "@/lib/org/scope";
import { type StoredRules, loadScoringRules } from "@/lib/assessment/rules";
import { SLOTS, slotState } from "@/lib/reports/slots";
import { getSlotDeadlines } from "@/lib/settings";
import { deriveStatus, progressRatio } from "@/lib/tasks/status";
import { type DistrictDate, addDays, quarterOf } from "@/lib/time";
import { byUnitKind } from "@/lib/enum-order";

export async function listGroupsWithUnitProgress(user: SessionUser, today: DistrictDate) {
  const groups = await db.assessmentGroup.findMany({
    // Membership is the scope: an assessor reads only their own groups.
    where: { members: { some: { userId: user.id } } },
    select: {
      id: true,
      name: true,
      keyTaskId: true,
      keyTask: { select: { name: true } },
      units: { orderBy: { unit: { sortOrder: "asc" } }, select: { unit: { select: { id: true, name: true, kind: true } } } },
    },
  });
  return Promise.all(
    groups.map(async (group) => {
      const tasks = await db.task.findMany({
        where: { keyTaskId: group.keyTaskId, archivedAt: null, unitId: { in: group.units.map((u) => u.unit.id) } },
        select: { unitId: true, target: true, valueReached: true, deadline: true },
      });
      const units = group.units.map(({ unit }) => {
        const own = tasks.filter((t) => t.unitId === unit.id);
        const statuses = own.map((t) => deriveStatus(t, today));
        return {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          tasks: own.length,
          done: statuses.filter((s) => s === "DONE").length,
          overdue: statuses.filter((s) => s === "OVERDUE").length,
          ratio: own.length ? own.reduce((sum, t) => sum + progressRatio(t), 0) / own.length : 0,
        };
      });
      return { id: group.id, name: group.name, keyTaskId: group.keyTaskId, keyTaskName: group.keyTask.name, units };
    }),
  );
}

// ─── Scoring by the assessment groups ───────────────────────────────────────

export type ScoreState = "NONE" | "DRAFT" | "SUBMITTED" | "WITHDRAWN";

export const SCORE_STATE_LABELS: Record<ScoreState, string> = { NONE: "未评分", DRAFT: "草稿", SUBMITTED: "已提交", WITHDRAWN: "已撤回" };

/** The state of a group's score of a unit, from its latest version. */
export function scoreStateOf(latest: { status: "DRAFT" | "SUBMITTED"; withdrawn: boolean } | null | undefined): ScoreState {
  if (!latest) return "NONE";
  return latest.withdrawn ? "WITHDRAWN" : latest.status;
}

/** The quarter to score: the one asked for if it exists, else the open quarter of today, else the last open one. */
export async function resolveScoringQuarter(key: string | undefined, today: DistrictDate) {
  const quarters = await listQuarters(db);
  const asked = parseQuarterKey(key);
  const current = quarterKey(quarterOf(today));
  return (
    (asked && quarters.find((q) => q.key === quarterKey(asked))) ??
    quarters.find((q) => q.key === current && q.status === "OPEN") ??
    quarters.filter((q) => q.status === "OPEN").at(-1) ??
    quarters.at(-1) ??
    null
  );
}

/** The units of the groups' scopes, towns first, then departments, each in their order (lib/enum-order.ts). */
async function unitsOfScopes(scope: Map<string, Set<string>>) {
  const ids = [...new Set([...scope.values()].flatMap((unitIds) => [...unitIds]))];
  return byUnitKind(await db.unit.findMany({ where: { id: { in: ids } }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true } }));
}

/**
 * For an assessor: each of their groups, its units, and the state of each
 * unit's score this quarter. A group's units are its scope on the quarter's
 * scoring day (its last day, or today while it is under way: scoringScopeDay),
 * the scope its scores count for — not today's, once the quarter has ended.
 */
export async function listGroupScoring(user: SessionUser, quarterId: string, now: Date = new Date()) {
  const quarter = await db.quarter.findUnique({ where: { id: quarterId }, select: { year: true, number: true } });
  if (!quarter) return [];
  const groups = await db.assessmentGroup.findMany({
    where: { members: { some: { userId: user.id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      keyTask: { select: { name: true } },
      scores: {
        where: { quarterId, ...latestGroupScore },
        select: { unitId: true, status: true, withdrawn: true, submittedAt: true, assessor: { select: { name: true } }, items: { select: { points: true } } },
      },
    },
  });
  const scope = await groupScopeOn(
    db,
    scoringScopeDay({ year: quarter.year, number: quarter.number as 1 | 2 | 3 | 4 }, now),
    groups.map((g) => g.id),
  );
  const unitRows = await unitsOfScopes(scope);
  return groups.map((group) => {
    const byUnit = new Map(group.scores.map((s) => [s.unitId, s]));
    const inScope = scope.get(group.id) ?? new Set<string>();
    return {
      id: group.id,
      name: group.name,
      keyTaskName: group.keyTask.name,
      units: unitRows
        .filter((u) => inScope.has(u.id))
        .map(({ id, name, kind }) => {
          const score = byUnit.get(id);
          return {
            id,
            name,
            kind,
            state: scoreStateOf(score),
            points: score && !score.withdrawn ? score.items.reduce((sum, i) => sum + i.points, 0) : null,
            assessorName: score?.assessor.name ?? null,
            submittedAt: score?.submittedAt ?? null,
          };
        }),
    };
  });
}

/**
 * What an assessor sees of one unit for their group's key task, and the
 * group's score of it — only when the user is a member of the group and the
 * unit is in the group's scope (both in the query).
 */
export async function getAssessorUnitView(
  user: SessionUser,
  groupId: string,
  unitId: string,
  quarter: { id: string; year: number; number: number },
  today: DistrictDate,
  now: Date = new Date(),
) {
  if (user.role !== "ASSESSOR") return null;
  const group = await db.assessmentGroup.findFirst({
    where: { id: groupId, members: { some: { userId: user.id } } },
    select: { id: true, name: true, keyTaskId: true, keyTask: { select: { name: true } } },
  });
  if (!group) return null;
  // The group's scope on the quarter's scoring day, as the score's write check and the close read it.
  const scope = await groupScopeOn(db, scoringScopeDay({ year: quarter.year, number: quarter.number as 1 | 2 | 3 | 4 }, now), [group.id]);
  if (!scope.get(group.id)?.has(unitId)) return null;
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, kind: true } });
  if (!unit) return null;
  const from = addDays(today, -6);
  const [rubric, versions, tasks, cards, orders, spotChecks, deadlines] = await Promise.all([
    db.rubricItem.findMany({ where: { groupId, year: quarter.year }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, maxPoints: true } }),
    // Every version, oldest first: the last is the one a new version follows; the others are its history.
    db.groupScore.findMany({
      where: { quarterId: quarter.id, groupId, unitId },
      orderBy: { version: "asc" },
      select: {
        id: true,
        version: true,
        status: true,
        withdrawn: true,
        changeReason: true,
        submittedAt: true,
        updatedAt: true,
        assessor: { select: { name: true } },
        items: { select: { rubricItemId: true, points: true, comment: true } },
      },
    }),
    db.task.findMany({
      where: { unitId, keyTaskId: group.keyTaskId, archivedAt: null },
      orderBy: { deadline: "asc" },
      select: {
        id: true,
        title: true,
        target: true,
        measure: true,
        valueReached: true,
        deadline: true,
        milestones: { orderBy: { dueDate: "asc" }, select: { id: true, title: true, dueDate: true, target: true, valueReached: true } },
      },
    }),
    db.reportCard.findMany({
      where: { unitId, date: { gte: from, lte: today } },
      orderBy: { date: "desc" },
      select: { date: true, slots: { select: { slot: true, submittedAt: true, text: true } } },
    }),
    db.supervisionOrder.findMany({
      where: { unitId, status: { not: "ACCEPTED" } },
      orderBy: { deadline: "asc" },
      select: { id: true, title: true, deadline: true, status: true, group: { select: { name: true } } },
    }),
    db.spotCheck.findMany({
      where: { result: { not: null }, slot: { card: { unitId } } },
      orderBy: { checkedAt: "desc" },
      take: 10,
      select: { id: true, result: true, method: true, notes: true, checkedAt: true, slot: { select: { slot: true, card: { select: { date: true } } } } },
    }),
    getSlotDeadlines(user),
  ]);
  return {
    group: { id: group.id, name: group.name, keyTaskName: group.keyTask.name },
    unit,
    rubric,
    score: versions.at(-1) ?? null,
    versions,
    tasks: tasks.map((t) => ({
      ...t,
      status: deriveStatus(t, today),
      ratio: progressRatio(t),
      milestones: t.milestones.map((m) => ({ ...m, status: deriveStatus({ ...m, deadline: m.dueDate }, today) })),
    })),
    days: Array.from({ length: 7 }, (_, i) => addDays(today, -i)).map((date) => {
      const card = cards.find((c) => c.date === date);
      return {
        date,
        slots: SLOTS.map((slot) => {
          const shown = card?.slots.find((s) => s.slot === slot);
          return { slot, state: slotState(shown?.submittedAt, date, slot, deadlines), text: shown?.text ?? null };
        }),
      };
    }),
    orders,
    spotChecks,
  };
}

/**
 * For the office: every group's progress scoring its units this quarter. A
 * group's units are its scope on the quarter's last day (or today, while it is
 * under way: lib/org/scope.ts), the scope its scores count for.
 */
export async function listScoringProgress(user: SessionUser, quarterId: string, now: Date = new Date()) {
  if (user.role !== "ADMIN") return [];
  const quarter = await db.quarter.findUnique({ where: { id: quarterId }, select: { year: true, number: true } });
  if (!quarter) return [];
  const { asOf } = periodFor({ year: quarter.year, number: quarter.number as 1 | 2 | 3 | 4 }, now);
  const [groups, scope] = await Promise.all([
    db.assessmentGroup.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        members: { select: { user: { select: { name: true } } } },
        scores: { where: { quarterId, ...latestGroupScore }, select: { unitId: true, status: true, withdrawn: true } },
      },
    }),
    groupScopeOn(db, asOf),
  ]);
  const unitRows = await unitsOfScopes(scope);
  return groups.map((g) => {
    const inScope = scope.get(g.id) ?? new Set<string>();
    const units = unitRows.filter((u) => inScope.has(u.id)).map((u) => ({ id: u.id, name: u.name }));
    // A withdrawn score is as good as none: the group has to score again.
    const status = new Map(g.scores.filter((s) => !s.withdrawn).map((s) => [s.unitId, s.status]));
    const missing = units.filter((u) => !status.has(u.id));
    const drafts = units.filter((u) => status.get(u.id) === "DRAFT");
    return {
      id: g.id,
      name: g.name,
      members: g.members.map((m) => m.user.name),
      scope: units.length,
      submitted: units.length - missing.length - drafts.length,
      drafts,
      missing,
    };
  });
}

// ─── Quarters (office) ──────────────────────────────────────────────────────

/** Each quarter with its snapshot versions (when, why) and who closed it. */
export async function listQuartersWithVersions(user: SessionUser) {
  if (user.role !== "ADMIN") return [];
  const [quarters, versions, closers] = await Promise.all([
    listQuarters(db),
    db.quarterScore.groupBy({ by: ["quarterId", "version", "reason"], _min: { createdAt: true }, _count: true }),
    db.quarter.findMany({ where: { closedById: { not: null } }, select: { id: true, closedBy: { select: { name: true } } } }),
  ]);
  const closerOf = new Map(closers.map((c) => [c.id, c.closedBy?.name ?? null]));
  return quarters.map((q) => ({
    ...q,
    closedByName: closerOf.get(q.id) ?? null,
    versions: versions
      .filter((v) => v.quarterId === q.id)
      .map((v) => ({ version: v.version, reason: v.reason, createdAt: v._min.createdAt, units: v._count }))
      .sort((a, b) => a.version - b.version),
  }));
}

/** Yellow flags and their escalation step: the current holders first, then the history. */
export async function listEscalations(user: SessionUser) {
  if (user.role !== "ADMIN") return [];
  const flags = await db.flag.findMany({
    where: { color: "YELLOW" },
    orderBy: [{ awardedAt: "desc" }, { streak: "desc" }],
    select: {
      id: true,
      streak: true,
      escalation: true,
      awardedAt: true,
      passedAt: true,
      unit: { select: { id: true, name: true, kind: true } },
      quarter: { select: { year: true, number: true } },
    },
  });
  return flags.map((f) => ({ ...f, quarterKey: quarterKey({ year: f.quarter.year, number: f.quarter.number as 1 | 2 | 3 | 4 }) }));
}

/** How many flags of each colour a quarter's close handed out. */
export async function countQuarterFlags(user: SessionUser, quarterId: string): Promise<Record<"RED" | "YELLOW", number>> {
  if (user.role !== "ADMIN") return { RED: 0, YELLOW: 0 };
  const rows = await db.flag.groupBy({ by: ["color"], where: { quarterId }, _count: true });
  return { RED: rows.find((r) => r.color === "RED")?._count ?? 0, YELLOW: rows.find((r) => r.color === "YELLOW")?._count ?? 0 };
}

// ─── Scoring rules (office) ─────────────────────────────────────────────────

export type ScoringRulesPage = {
  years: number[];
  year: number;
  rules: StoredRules;
  departments: { id: string; name: string }[];
  /** how many vetoes name each veto item (an item in use cannot be removed) */
  vetoItemUse: Map<string, number>;
};

/** The rules page: the years with rules (and this and next year), one year's rules, the departments to exclude. */
export async function getScoringRulesPage(user: SessionUser, asked: number | undefined, today: DistrictDate): Promise<ScoringRulesPage | null> {
  if (user.role !== "ADMIN") return null;
  const thisYear = Number(today.slice(0, 4));
  const stored = await db.scoringRule.findMany({ select: { year: true }, orderBy: { year: "asc" } });
  const years = [...new Set([...stored.map((r) => r.year), thisYear, thisYear + 1])].sort();
  const year = asked !== undefined && years.includes(asked) ? asked : thisYear;
  const [rules, departments] = await Promise.all([
    loadScoringRules(db, year),
    db.unit.findMany({ where: { kind: "DEPARTMENT", archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
  ]);
  const used = await db.unitVeto.groupBy({ by: ["vetoItemId"], where: { vetoItemId: { in: rules.vetoItems.map((v) => v.id) } }, _count: true });
  return { years, year, rules, departments, vetoItemUse: new Map(used.map((u) => [u.vetoItemId, u._count])) };
}
