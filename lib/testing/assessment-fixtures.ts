/**
 * Plain inputs for the pure scoring, ranking and flag tests: a unit with
 * nothing, to which each test adds what it is about.
 */
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { GroupScoreInput, TaskItemInput, UnitQuarterInputs } from "@/lib/assessment/scoring";

export function emptyInputs(id = "u1", kind: UnitKind = "TOWN", overrides: Partial<UnitQuarterInputs> = {}): UnitQuarterInputs {
  return {
    unit: { id, name: `单位${id}`, kind, code: id, sortOrder: 1, activeFrom: "2020-01-01" },
    period: { quarter: "2026Q3", start: "2026-07-01", end: "2026-09-30", asOf: "2026-09-30" },
    taskItems: [],
    groupScores: [],
    spotChecks: [],
    overdueOrders: [],
    timeliness: null,
    adjustments: [],
    vetoes: [],
    ...overrides,
  };
}

export function taskItem(id: string, valueReached: number, target = 10, weight = 1, kind: TaskItemInput["kind"] = "TASK"): TaskItemInput {
  return { kind, id, taskId: kind === "TASK" ? id : `t-${id}`, title: `任务${id}`, dueDate: "2026-08-31", target, valueReached, weight };
}

/** A group score whose items sum to `points` out of 100 (two items, 60 + 40). */
export function groupScore(id: string, points: number, groupId = "g1"): GroupScoreInput {
  const first = Math.min(60, points);
  return {
    id,
    groupId,
    groupName: `考核组${groupId}`,
    maxTotal: 100,
    items: [
      { id: `${id}-a`, rubricItemId: "r1", name: "甲项", maxPoints: 60, points: first, comment: first < 60 ? "进度滞后" : null },
      { id: `${id}-b`, rubricItemId: "r2", name: "乙项", maxPoints: 40, points: points - first, comment: points - first < 40 ? "资料不全" : null },
    ],
  };
}
