/**
 * A unit's quarterly score (domain.md, "Assessment, ranking and flags"): one
 * pure function from plain inputs and the year's rules to a total and a
 * breakdown that names the record behind every point. The database is read
 * elsewhere (inputs.ts); the same inputs always give the same score, which is
 * what lets a closed quarter be frozen and re-computed from its snapshot.
 *
 * The formula (also in the README):
 * - Five components c with the office's weights w_c (summing to 100), each
 *   with a share s_c in [0, 1] — or "no data":
 *   tasks       items due in the quarter up to its cut-off (the unit's tasks
 *               by deadline, their milestones by due date), and items due
 *               earlier that were still not done when the quarter began
 *               (an overdue item stays due until done): Σ weight·credit /
 *               Σ weight, where credit = what was reached by the due date
 *               (r_due = min(1, value/target) on that day) plus lateCredit ×
 *               what was added after it up to the cut-off — values as of
 *               those dates, never today's. An item reaching its target after
 *               its due date is 逾期完成 (DONE_LATE). A milestone whose target
 *               equals its task's target is the task itself: counted once, as
 *               the task, when both are due in the quarter. Nothing due → no data.
 *   groups      mean over the assessment groups' SUBMITTED scores of
 *               points / the rubric's maximum; none → no data.
 *   spotChecks  1 − 0.5 per 不属实 − 0.2 per 部分属实 (not below 0).
 *   orders      1 − 0.25 per supervision order not accepted by its deadline.
 *   timeliness  slots shown on time / slots due, over the days the district
 *               reported at all; no such day → no data.
 * - Components with data and a weight share the 100 points in proportion to
 *   their weights: points_c = 100·w_c·s_c / Σ w (over those components). With
 *   every component present that is simply w_c·s_c.
 * - A unit with no data in any weighted outcome component (tasks, groups,
 *   timeliness) is not ranked: its deductions alone would make a score.
 * - total = Σ points_c + the leaders' 加减分; any 一票否决 item fails the unit
 *   whatever its total (ranking.ts puts failed units last).
 */
import type { OrderStatus, SlotKind, UnitKind } from "@/lib/generated/prisma/enums";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { type ItemStatus, ITEM_STATUS_LABELS, itemStatus, progressRatio } from "@/lib/tasks/status";
import type { DistrictDate } from "@/lib/time";

export const COMPONENT_KEYS = ["tasks", "groups", "spotChecks", "orders", "timeliness"] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  tasks: "任务与节点完成",
  groups: "考核组评分",
  spotChecks: "抽查结果",
  orders: "督办单按期办结",
  timeliness: "晒报及时率",
};

/** Short names for table headers. */
export const COMPONENT_SHORT_LABELS: Record<ComponentKey, string> = {
  tasks: "任务节点",
  groups: "考核组",
  spotChecks: "抽查",
  orders: "督办单",
  timeliness: "及时率",
};

/** Components a unit earns points in; the other two only deduct. */
const OUTCOME_COMPONENTS: readonly ComponentKey[] = ["tasks", "groups", "timeliness"];

export type Weights = Record<ComponentKey, number>;

export const DEFAULT_WEIGHTS: Weights = { tasks: 40, groups: 40, spotChecks: 10, orders: 10, timeliness: 0 };

/** Deductions as shares of their component's points. */
export type Deductions = { spotCheckFalse: number; spotCheckPartlyTrue: number; overdueOrder: number };

export const DEFAULT_DEDUCTIONS: Deductions = { spotCheckFalse: 0.5, spotCheckPartlyTrue: 0.2, overdueOrder: 0.25 };

export const DEFAULT_LADDER = ["通报批评", "约谈"];

/** 逾期完成: the share of full credit for progress made after an item's due date. */
export const DEFAULT_LATE_CREDIT = 0.5;

export type ScoringRules = {
  year: number;
  weights: Weights;
  deductions: Deductions;
  redFlagCount: number;
  yellowFlagCount: number;
  escalationLadder: string[];
  /** 0..1; absent in snapshots taken before the rule existed (then the default) */
  lateCredit?: number;
  /** units outside the assessed set (the offices that run the assessment): scored, never ranked */
  excludedUnitIds?: string[];
};

export function defaultRules(year: number): ScoringRules {
  return {
    year,
    weights: { ...DEFAULT_WEIGHTS },
    deductions: { ...DEFAULT_DEDUCTIONS },
    redFlagCount: 3,
    yellowFlagCount: 3,
    escalationLadder: [...DEFAULT_LADDER],
    lateCredit: DEFAULT_LATE_CREDIT,
    excludedUnitIds: [],
  };
}

/** The one wording of the DONE_LATE rule, for the drill-down, the rules page and the README's example. */
export function lateRuleText(lateCredit: number = DEFAULT_LATE_CREDIT): string {
  return `逾期完成：到期日前完成的部分全额计分，到期日之后（至季度末）完成的部分按 ${round2(lateCredit * 100)}% 计分`;
}

// ─── Inputs ─────────────────────────────────────────────────────────────────

export type TaskItemInput = {
  kind: "TASK" | "MILESTONE";
  id: string;
  taskId: string;
  title: string;
  dueDate: DistrictDate;
  target: number;
  /** the value reached by the end of the as-of day (the quarter's last day, or the day of an early close) */
  valueReached: number;
  /** the value reached by the end of the due date; absent in older snapshots (then valueReached) */
  valueAtDue?: number;
  /** the district date the value first reached the target, if it did by the as-of day */
  reachedOn?: DistrictDate | null;
  /** due before the quarter began and not done by then: still due in this quarter */
  carried?: boolean;
  /** the task's weight (a milestone counts with its task's weight) */
  weight: number;
};

export type GroupScoreItemInput = { id: string; rubricItemId: string; name: string; maxPoints: number; points: number; comment: string | null };

export type GroupScoreInput = {
  id: string;
  groupId: string;
  groupName: string;
  /** the rubric's maximum for the year (Σ maxPoints) */
  maxTotal: number;
  items: GroupScoreItemInput[];
};

export type SpotCheckInput = { id: string; slotId: string; date: DistrictDate; slot: SlotKind; result: "FALSE" | "PARTLY_TRUE"; notes: string | null };

export type OverdueOrderInput = { id: string; title: string; deadline: string; acceptedAt: string | null; status: OrderStatus };

export type TimelinessInput = {
  from: DistrictDate;
  to: DistrictDate;
  /** days in [from, to] on which the district reported at all */
  reportingDays: number;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
};

export type AdjustmentInput = { id: string; points: number; reason: string; by: string; createdAt: string };

export type VetoInput = { id: string; vetoItemId: string; item: string; reason: string };

export type UnitQuarterInputs = {
  /** retiredOn: the district day the unit was retired (撤销), when that fell on or before the period's last day */
  unit: { id: string; name: string; kind: UnitKind; code: string; sortOrder: number; activeFrom: DistrictDate; retiredOn?: DistrictDate };
  period: { quarter: string; start: DistrictDate; end: DistrictDate; asOf: DistrictDate };
  taskItems: TaskItemInput[];
  groupScores: GroupScoreInput[];
  spotChecks: SpotCheckInput[];
  overdueOrders: OverdueOrderInput[];
  /** null: no day in the period on which the district reported */
  timeliness: TimelinessInput | null;
  adjustments: AdjustmentInput[];
  vetoes: VetoInput[];
};

// ─── Breakdown ──────────────────────────────────────────────────────────────

export type SourceType = "task" | "milestone" | "groupScoreItem" | "spotCheck" | "order" | "slots";

/** One record behind some points: positive points earned, negative deducted. */
export type SourceRef = {
  type: SourceType;
  id: string;
  label: string;
  points: number;
  detail?: string;
  /** the task of a milestone, the group score of an item */
  parentId?: string;
  /** a task's or milestone's state as of the cut-off (逾期完成 …) */
  state?: ItemStatus;
};

export type ComponentBreakdown = {
  key: ComponentKey;
  label: string;
  weight: number;
  /** the points this component is worth for this unit (after sharing out missing components) */
  maxPoints: number;
  /** 0..1, or null when there is no data */
  share: number | null;
  points: number;
  explanation: string;
  sources: SourceRef[];
};

export type ScoreBreakdown = {
  /** the quarter and the dates its data cover */
  period: UnitQuarterInputs["period"];
  components: ComponentBreakdown[];
  base: number;
  adjustments: AdjustmentInput[];
  adjustmentPoints: number;
  total: number;
  failed: boolean;
  vetoes: VetoInput[];
  ranked: boolean;
  /** outside the assessed set (ScoringRules.excludedUnitIds): scored for reference, never ranked */
  excluded?: boolean;
  /** the day the unit was retired (撤销) in or before this quarter: listed as 已撤销, never ranked or flagged (retiredIn) */
  retired?: DistrictDate;
  notes: string[];
  /** the performance criteria that separate equal totals (ranking.ts); absent in older snapshots */
  tieBreak?: TieBreakStats;
  /** the DONE_LATE rule this score used */
  lateCredit?: number;
};

/** Counted as of the cut-off: tasks and milestones overdue and not done, plus orders not handled by their deadline; milestones done by their due date; 不属实 spot checks. */
export type TieBreakStats = { overdueItems: number; milestonesOnTime: number; falseChecks: number };

export type QuarterScoreResult = {
  unitId: string;
  total: number;
  failed: boolean;
  ranked: boolean;
  breakdown: ScoreBreakdown;
};

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

type Share = { share: number | null; explanation: string; sources: (Omit<SourceRef, "points"> & { weight: number })[] };

/** A task's or milestone's state as of a day, from its value on its due date and on that day. */
export function itemStateAsOf(item: TaskItemInput, asOf: DistrictDate): ItemStatus {
  return itemStatus({ target: item.target, valueReached: item.valueReached, deadline: item.dueDate, valueAtDue: item.valueAtDue ?? item.valueReached }, asOf);
}

/** An item's credit in [0, 1]: what was reached by its due date in full, what came after at the late rate. */
export function itemCredit(item: TaskItemInput, lateCredit: number): number {
  const now = progressRatio(item);
  const atDue = progressRatio({ target: item.target, valueReached: item.valueAtDue ?? item.valueReached });
  // A value that fell after the due date (a false claim taken back) never counts more than what stands.
  return Math.min(atDue, now) + lateCredit * Math.max(0, now - atDue);
}

/** Milestones that are their task's completion itself (target ≥ the task's, task due in the same quarter) are dropped: counted once. */
export function countedTaskItems(items: TaskItemInput[]): { counted: TaskItemInput[]; merged: TaskItemInput[] } {
  const taskTargets = new Map(items.filter((i) => i.kind === "TASK").map((i) => [i.taskId, i.target]));
  const merged = items.filter((i) => i.kind === "MILESTONE" && taskTargets.has(i.taskId) && i.target >= taskTargets.get(i.taskId)!);
  const mergedIds = new Set(merged.map((m) => m.id));
  return { counted: items.filter((i) => !mergedIds.has(i.id)), merged };
}

// Each share function returns the share and, per source, its weight in the
// share (summing to the share for earned components, to minus the deduction
// for deducting ones); points are assigned once the component's worth is known.

function tasksShare(all: TaskItemInput[], asOf: DistrictDate, lateCredit: number): Share {
  const { counted: items, merged } = countedTaskItems(all);
  const totalWeight = items.reduce((sum, i) => sum + Math.max(0, i.weight), 0);
  if (items.length === 0 || totalWeight <= 0) {
    return { share: null, explanation: "本季度截至考核日没有到期的任务或节点", sources: [] };
  }
  const sources = items.map((item) => {
    const credit = itemCredit(item, lateCredit);
    const state = itemStateAsOf(item, asOf);
    const atDue = item.valueAtDue ?? item.valueReached;
    const parts = [
      `${item.dueDate} 到期${item.carried ? "（往季逾期未完成，继续计入）" : ""}`,
      `截至考核日完成 ${formatNumber(item.valueReached)}/${formatNumber(item.target)}`,
      ...(atDue !== item.valueReached ? [`到期日完成 ${formatNumber(atDue)}`] : []),
      ...(item.reachedOn ? [`${item.reachedOn} 达到目标`] : []),
      `${ITEM_STATUS_LABELS[state]}，计 ${Math.round(credit * 100)}%`,
      `权重 ${formatNumber(item.weight)}`,
    ];
    return {
      type: item.kind === "TASK" ? ("task" as const) : ("milestone" as const),
      id: item.id,
      ...(item.kind === "MILESTONE" ? { parentId: item.taskId } : {}),
      label: item.title,
      detail: parts.join("，"),
      state,
      weight: (Math.max(0, item.weight) * credit) / totalWeight,
    };
  });
  const share = sources.reduce((sum, s) => sum + s.weight, 0);
  const tasks = items.filter((i) => i.kind === "TASK").length;
  const late = sources.filter((s) => s.state === "DONE_LATE").length;
  const carried = items.filter((i) => i.carried).length;
  const extras = [
    ...(carried ? [`其中往季逾期未完成 ${carried} 项`] : []),
    ...(late ? [`逾期完成 ${late} 项（${lateRuleText(lateCredit)}）`] : []),
    ...(merged.length ? [`${merged.length} 个节点的目标与任务目标相同，只按任务计一次`] : []),
  ];
  return {
    share,
    explanation: `到期任务 ${tasks} 项、节点 ${items.length - tasks} 个，按任务权重加权的平均完成率 ${percent(share)}${extras.length ? `；${extras.join("；")}` : ""}`,
    sources,
  };
}

function groupsShare(scores: GroupScoreInput[]): Share {
  const valid = scores.filter((s) => s.maxTotal > 0);
  if (valid.length === 0) return { share: null, explanation: "没有已提交的考核组评分", sources: [] };
  const sources = valid.flatMap((score) =>
    score.items.map((item) => ({
      type: "groupScoreItem" as const,
      id: item.id,
      parentId: score.id,
      label: `${score.groupName} · ${item.name}`,
      detail: `${formatNumber(item.points)}/${formatNumber(item.maxPoints)} 分${item.comment ? `，${item.comment}` : ""}`,
      weight: item.points / score.maxTotal / valid.length,
    })),
  );
  const share = sources.reduce((sum, s) => sum + s.weight, 0);
  const names = valid.map((s) => `${s.groupName} ${formatNumber(s.items.reduce((sum, i) => sum + i.points, 0))}/${formatNumber(s.maxTotal)}`);
  return { share, explanation: `${valid.length} 个考核组评分的平均得分率 ${percent(share)}（${names.join("；")}）`, sources };
}

function deductionShare(deductions: { weight: number; source: Omit<SourceRef, "points"> }[], none: string, summary: string): Share {
  if (deductions.length === 0) return { share: 1, explanation: none, sources: [] };
  const lost = deductions.reduce((sum, d) => sum + d.weight, 0);
  const capped = lost > 1;
  // When the deductions exceed the component, each is scaled down alike so they still add up.
  const scale = capped ? 1 / lost : 1;
  return {
    share: Math.max(0, 1 - lost),
    explanation: capped ? `${summary}；扣分以本项分值为限` : summary,
    sources: deductions.map((d) => ({ ...d.source, weight: -d.weight * scale })),
  };
}

function spotChecksShare(checks: SpotCheckInput[], rules: ScoringRules): Share {
  const falses = checks.filter((c) => c.result === "FALSE").length;
  return deductionShare(
    checks.map((c) => ({
      weight: c.result === "FALSE" ? rules.deductions.spotCheckFalse : rules.deductions.spotCheckPartlyTrue,
      source: {
        type: "spotCheck",
        id: c.id,
        parentId: c.slotId,
        label: `${c.date} ${SLOT_LABELS[c.slot]}抽查${c.result === "FALSE" ? "不属实" : "部分属实"}`,
        ...(c.notes ? { detail: c.notes } : {}),
      },
    })),
    "本季度没有不属实或部分属实的抽查结果",
    `抽查不属实 ${falses} 次、部分属实 ${checks.length - falses} 次`,
  );
}

function ordersShare(orders: OverdueOrderInput[], rules: ScoringRules): Share {
  return deductionShare(
    orders.map((o) => ({
      weight: rules.deductions.overdueOrder,
      source: {
        type: "order",
        id: o.id,
        label: o.title,
        detail: o.acceptedAt ? `期限 ${o.deadline.slice(0, 10)}，逾期后办结` : `期限 ${o.deadline.slice(0, 10)}，期限内未办结`,
      },
    })),
    "本季度没有逾期未办结的督办单",
    `逾期未按期办结的督办单 ${orders.length} 件`,
  );
}

function timelinessShare(t: TimelinessInput | null): Share {
  if (!t || t.reportingDays === 0 || t.expected === 0) {
    return { share: null, explanation: "本季度没有晒报数据（系统启用前或无晒报日）", sources: [] };
  }
  const share = t.onTime / t.expected;
  return {
    share,
    explanation: `${t.from} 至 ${t.to} 共 ${t.reportingDays} 个晒报日，应晒 ${t.expected} 次：按时 ${t.onTime}、迟报 ${t.late}、未晒 ${t.missing}，按时率 ${percent(share)}`,
    sources: [{ type: "slots", id: `${t.from}..${t.to}`, label: "晒报记录", detail: `按时 ${t.onTime} / 应晒 ${t.expected}`, weight: share }],
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(round2(value));
}

function percent(share: number): string {
  return `${round2(share * 100)}%`;
}

/**
 * The one rule for a retired unit (README, "A retired unit"): a unit retired
 * (撤销) on or before a quarter's last day is listed as 已撤销 for that
 * quarter — scored for reference, never ranked, so never flagged. Returns the
 * day it was retired, or null. (Its reports are not due from that day on:
 * inputs.ts ends its timeliness the day before.)
 */
export function retiredIn(inputs: Pick<UnitQuarterInputs, "unit" | "period">): DistrictDate | null {
  const day = inputs.unit.retiredOn;
  return day !== undefined && day <= inputs.period.end ? day : null;
}

/** The unit's quarter score from plain inputs and the year's rules. */
export function computeQuarterScore(inputs: UnitQuarterInputs, rules: ScoringRules): QuarterScoreResult {
  const lateCredit = rules.lateCredit ?? DEFAULT_LATE_CREDIT;
  const shares: Record<ComponentKey, Share> = {
    tasks: tasksShare(inputs.taskItems, inputs.period.asOf, lateCredit),
    groups: groupsShare(inputs.groupScores),
    spotChecks: spotChecksShare(inputs.spotChecks, rules),
    orders: ordersShare(inputs.overdueOrders, rules),
    timeliness: timelinessShare(inputs.timeliness),
  };
  const counted = COMPONENT_KEYS.filter((key) => rules.weights[key] > 0 && shares[key].share !== null);
  const countedWeight = counted.reduce((sum, key) => sum + rules.weights[key], 0);
  const hasData = counted.some((key) => OUTCOME_COMPONENTS.includes(key));
  const excluded = (rules.excludedUnitIds ?? []).includes(inputs.unit.id);
  const retired = retiredIn(inputs);
  const ranked = hasData && !excluded && !retired;

  // Unrounded worth of each component; only what is shown is rounded.
  const worth = (key: ComponentKey) => (hasData && counted.includes(key) ? (100 * rules.weights[key]) / countedWeight : 0);
  const base = COMPONENT_KEYS.reduce((sum, key) => sum + worth(key) * (shares[key].share ?? 0), 0);

  const components: ComponentBreakdown[] = COMPONENT_KEYS.map((key) => {
    const { share, explanation, sources } = shares[key];
    const weight = rules.weights[key];
    const maxPoints = worth(key);
    const note = weight === 0 ? "（权重为 0，仅展示，不计分）" : share === null ? "（无数据，不计分，其权重按比例分给其他项）" : "";
    return {
      key,
      label: COMPONENT_LABELS[key],
      weight,
      maxPoints: round2(maxPoints),
      share,
      points: round2(maxPoints * (share ?? 0)),
      explanation: explanation + note,
      sources: sources.map(({ weight: w, ...source }) => ({ ...source, points: round2(maxPoints * w) })),
    };
  });

  const adjustmentPoints = inputs.adjustments.reduce((sum, a) => sum + a.points, 0);
  const total = hasData ? round2(base + adjustmentPoints) : 0;
  const failed = inputs.vetoes.length > 0;

  const notes: string[] = [];
  if (retired) notes.push(`本单位已于 ${retired} 撤销：本季度不参与排名和红黄旗，得分仅供参考；撤销之日起不再应晒`);
  else if (excluded) notes.push("本单位是考核组织单位，不在被考核单位之列（督查室在考核规则中设置）：得分仅供参考，不参与排名和红黄旗");
  else if (!hasData) notes.push("任务、考核组评分、晒报及时率均无可计分的数据，本季度不参与排名");
  if (inputs.unit.activeFrom > inputs.period.start) notes.push(`本单位于 ${inputs.unit.activeFrom} 设立，只计设立之后的数据`);
  if (inputs.period.asOf < inputs.period.end) notes.push(`数据截至 ${inputs.period.asOf}（季度结束前）`);
  if (failed) notes.push(`一票否决：${inputs.vetoes.map((v) => v.item).join("、")}，本季度考核不合格`);

  return {
    unitId: inputs.unit.id,
    total,
    failed,
    ranked,
    breakdown: {
      period: inputs.period,
      components,
      base: round2(base),
      adjustments: inputs.adjustments,
      adjustmentPoints: round2(adjustmentPoints),
      total,
      failed,
      vetoes: inputs.vetoes,
      ranked,
      ...(excluded ? { excluded } : {}),
      ...(retired ? { retired } : {}),
      notes,
      tieBreak: {
        overdueItems: shares.tasks.sources.filter((s) => s.state === "OVERDUE").length + inputs.overdueOrders.length,
        milestonesOnTime: shares.tasks.sources.filter((s) => s.type === "milestone" && s.state === "DONE").length,
        falseChecks: inputs.spotChecks.filter((c) => c.result === "FALSE").length,
      },
      lateCredit,
    },
  };
}
