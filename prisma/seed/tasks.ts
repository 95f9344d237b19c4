/**
 * The annual task lists (年度任务责任清单): tasks with targets, deadlines,
 * responsible leaders, cooperators and milestones (the 课程表). Planned purely
 * from the unit and the date, written only where Task.externalKey is absent.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { deriveStatus as deriveTaskStatus } from "@/lib/tasks/status";
import { type DistrictDate, addDays, daysBetween, districtInstant } from "@/lib/time";
import { type SeedContext, chunks } from "./context";
import { KEY_TASKS, LINES } from "./org-data";
import type { OrgRefs, UnitRef } from "./org";
import { type Rng, newId, rngFor } from "./rng";
import { DEPARTMENT_POOL, TOWN_POOL, type TaskTemplate, UNIT_TEMPLATES } from "./task-templates";

export type MilestonePlan = { title: string; dueDate: DistrictDate; target: number; valueReached: number; status: TaskStatus };

export type TaskPlan = {
  externalKey: string;
  unitId: string;
  year: number;
  title: string;
  description: string | null;
  keyTaskId: string | null;
  lineId: string | null;
  target: number;
  measure: string;
  valueReached: number;
  startDate: DistrictDate;
  deadline: DistrictDate;
  responsibleLeaderId: string | null;
  weight: number;
  requiresPhoto: boolean;
  requiresLocation: boolean;
  sitePlace: string | null;
  siteLat: number | null;
  siteLng: number | null;
  status: TaskStatus;
  cooperatorIds: string[];
  milestones: MilestonePlan[];
  /** for the reports written about it */
  work: string[];
  noon: string[] | null;
  place: string;
};

/** What the history generator needs to know about a written task. */
export type TaskRef = {
  id: string;
  unitId: string;
  year: number;
  title: string;
  target: number;
  measure: string;
  deadline: DistrictDate;
  status: TaskStatus;
  work: string[];
  noon: string[] | null;
  place: string;
  sitePlace: string | null;
  siteLat: number | null;
  siteLng: number | null;
  milestones: { id: string; dueDate: DistrictDate }[];
};

/** The domain's rule, from the one pure module (lib/tasks/status.ts), in the seed's argument order. */
export function deriveStatus(valueReached: number, target: number, deadline: DistrictDate, today: DistrictDate): TaskStatus {
  return deriveTaskStatus({ target, valueReached, deadline }, today);
}

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateOf(year: number, month: number, day: number): DistrictDate {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Annual tasks: a third due at year end, the rest spread over the months. */
function annualWindow(rng: Rng, year: number): { start: DistrictDate; deadline: DistrictDate } {
  const start = addDays(`${year}-01-01`, rng.int(0, 45));
  let deadline: DistrictDate;
  if (rng.chance(0.35)) deadline = `${year}-12-31`;
  else {
    const month = rng.int(3, 12);
    deadline = dateOf(year, month, rng.chance(0.6) ? lastDayOfMonth(year, month) : 15);
  }
  return { start, deadline };
}

function roundMeasure(value: number, measure: string): number {
  // Distances are kept to one decimal; everything else is counted whole.
  return measure === "公里" ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Progress as of today: past the deadline most tasks are done, some overdue; before it, roughly on pace. */
function progressOf(rng: Rng, target: number, measure: string, start: DistrictDate, deadline: DistrictDate, today: DistrictDate): number {
  if (deadline < today) {
    if (rng.chance(0.7)) return rng.chance(0.15) ? roundMeasure(target * rng.float(1.02, 1.2), measure) : target;
    return roundMeasure(target * rng.float(0.4, 0.95), measure);
  }
  const span = Math.max(1, daysBetween(start, deadline));
  const elapsed = Math.min(1, Math.max(0, daysBetween(start, today) / span));
  if (elapsed < 0.15 && rng.chance(0.5)) return 0;
  if (rng.chance(0.06)) return 0;
  const share = Math.min(1, Math.max(0, elapsed + rng.float(-0.2, 0.12)));
  return Math.min(target, roundMeasure(target * share, measure));
}

function milestonesOf(rng: Rng, task: Pick<TaskPlan, "target" | "measure" | "valueReached" | "startDate" | "deadline">, today: DistrictDate): MilestonePlan[] {
  const count = rng.int(2, 4);
  const span = Math.max(0, daysBetween(task.startDate, task.deadline));
  const out: MilestonePlan[] = [];
  let previousTarget = 0;
  for (let k = 1; k <= count; k++) {
    const dueDate = k === count ? task.deadline : addDays(task.startDate, Math.round((span * k) / count));
    const target = k === count ? task.target : Math.max(previousTarget, roundMeasure((task.target * k) / count, task.measure));
    const valueReached = Math.min(task.valueReached, target);
    const status = deriveStatus(valueReached, target, dueDate, today);
    const [, m, d] = dueDate.split("-").map(Number);
    out.push({ title: `${m}月${d}日前累计完成${formatNumber(target)}${task.measure}`, dueDate, target, valueReached, status });
    previousTarget = target;
  }
  return out;
}

export type TaskBuildInput = {
  ctx: SeedContext;
  org: OrgRefs;
  unit: UnitRef;
  template: TaskTemplate;
  externalKey: string;
  /** a fixed window (monthly volume tasks) instead of an annual one */
  window?: { start: DistrictDate; deadline: DistrictDate };
  /** scales the template's target (monthly tasks are a share of the annual one) */
  scale?: number;
  titlePrefix?: string;
};

export function buildTask({ ctx, org, unit, template, externalKey, window, scale = 1, titlePrefix = "" }: TaskBuildInput): TaskPlan {
  const rng = rngFor("task", externalKey);
  const step = template.step ?? 1;
  const [lo, hi] = template.target;
  let target = rng.int(Math.ceil(lo / step), Math.floor(hi / step)) * step;
  if (scale !== 1) target = Math.max(1, roundMeasure((target * scale) / step, template.measure) * step);
  const place = rng.pick(unit.places);
  const keyTask = template.keyTask ? org.keyTasks.get(template.keyTask) : undefined;
  const lineName = template.line ?? (template.keyTask ? KEY_TASKS.find((k) => k.code === template.keyTask)?.line : undefined);
  const line = lineName ? org.lines.get(lineName) : undefined;
  const { start, deadline } = window ?? annualWindow(rng, ctx.year);
  const onPace = progressOf(rng, target, template.measure, start, deadline, ctx.today);
  const valueReached = template.lagging && deadline >= ctx.today ? Math.min(onPace, target - step) : onPace;

  const cooperatorNames = new Set(template.cooperators ?? []);
  if (cooperatorNames.size === 0 && lineName && rng.chance(0.25)) {
    const lineDef = LINES.find((l) => l.name === lineName);
    for (const name of rng.sample(lineDef?.departments ?? [], rng.int(1, 2))) cooperatorNames.add(name);
  }
  cooperatorNames.delete(unit.name);
  const cooperatorIds = [...cooperatorNames].map((n) => org.unitByName.get(n)?.id).filter((id): id is string => Boolean(id));

  const site = template.site ? fill(template.site, { place }) : null;
  const plan: TaskPlan = {
    externalKey,
    unitId: unit.id,
    year: ctx.year,
    title: titlePrefix + fill(template.title, { n: formatNumber(target), place }),
    description: template.description ?? null,
    keyTaskId: keyTask?.id ?? null,
    lineId: line?.id ?? null,
    target,
    measure: template.measure,
    valueReached,
    startDate: start,
    deadline,
    responsibleLeaderId: line?.leaderId ?? keyTask?.leaderId ?? rng.pick(org.leaders).id,
    weight: rng.pick([1, 1, 1, 1.5, 2, 2, 3]),
    requiresPhoto: site !== null,
    requiresLocation: site !== null && rng.chance(0.7),
    sitePlace: site,
    siteLat: site ? Math.round((unit.lat + rng.float(-0.012, 0.012)) * 1e5) / 1e5 : null,
    siteLng: site ? Math.round((unit.lng + rng.float(-0.012, 0.012)) * 1e5) / 1e5 : null,
    status: deriveStatus(valueReached, target, deadline, ctx.today),
    cooperatorIds,
    milestones: [],
    work: template.work,
    noon: template.noon ?? null,
    place,
  };
  plan.milestones = milestonesOf(rng, plan, ctx.today);
  return plan;
}

/** 3–6 annual tasks per unit: its own tasks first, then from the general pool. */
export function planDefaultTasks(ctx: SeedContext, org: OrgRefs): TaskPlan[] {
  const plans: TaskPlan[] = [];
  for (const unit of org.units) {
    const rng = rngFor("task-list", ctx.year, unit.code);
    const own = UNIT_TEMPLATES[unit.name] ?? [];
    const count = Math.min(6, Math.max(rng.int(3, 6), own.length));
    const pool = unit.kind === "TOWN" ? TOWN_POOL : DEPARTMENT_POOL;
    const templates = [...own.slice(0, count), ...rng.sample(pool, count - Math.min(own.length, count))];
    templates.forEach((template, i) => {
      plans.push(buildTask({ ctx, org, unit, template, externalKey: `${ctx.year}-${unit.code}-${String(i + 1).padStart(2, "0")}` }));
    });
  }
  return plans;
}

/**
 * How a seeded task got to its value: 2–5 of its unit's updates between its
 * start and its last update, each a step up. A task done before its deadline
 * mostly got there on time, a quarter of the finished ones past the deadline
 * (逾期完成); a task still open moved last within the last three weeks. Pure,
 * from the task's key, so the history is the same on every run.
 */
export function progressSteps(
  plan: Pick<TaskPlan, "externalKey" | "target" | "measure" | "valueReached" | "startDate" | "deadline">,
  today: DistrictDate,
): { date: DistrictDate; value: number }[] {
  if (plan.valueReached <= 0) return [];
  const rng = rngFor("task-progress", plan.externalKey);
  const yesterday = addDays(today, -1);
  const first = plan.startDate < yesterday ? plan.startDate : yesterday;
  let last: DistrictDate;
  if (plan.valueReached >= plan.target && plan.deadline < today) {
    last = rng.chance(0.25) ? addDays(plan.deadline, rng.int(3, 40)) : addDays(plan.deadline, -rng.int(0, 20));
  } else if (plan.valueReached >= plan.target) {
    last = addDays(yesterday, -rng.int(0, 30));
  } else {
    last = addDays(yesterday, -rng.int(0, 20));
  }
  if (last > yesterday) last = yesterday;
  if (last < first) last = first;
  const span = daysBetween(first, last);
  const count = Math.max(1, Math.min(rng.int(2, 5), span + 1));
  const days = new Set<number>([span]);
  while (days.size < count) days.add(rng.int(0, span));
  const offsets = [...days].sort((a, b) => a - b);
  const steps: { date: DistrictDate; value: number }[] = [];
  let previous = 0;
  offsets.forEach((offset, i) => {
    const share = i === offsets.length - 1 ? 1 : (i + 1) / offsets.length + rng.float(-0.1, 0.1);
    const value =
      i === offsets.length - 1 ? plan.valueReached : Math.min(plan.valueReached, Math.max(previous, roundMeasure(plan.valueReached * share, plan.measure)));
    if (value > previous) steps.push({ date: addDays(first, offset), value });
    previous = Math.max(previous, value);
  });
  return steps;
}

/** The progress events of a seeded task and its milestones (each milestone holds the task's value up to its target). */
function progressEventRows(
  taskId: string,
  plan: TaskPlan,
  milestoneIds: string[],
  actorId: string | null,
  today: DistrictDate,
): Prisma.ProgressEventCreateManyInput[] {
  const rows: Prisma.ProgressEventCreateManyInput[] = [];
  let value = 0;
  const milestoneValues = plan.milestones.map(() => 0);
  for (const step of progressSteps(plan, today)) {
    const at = districtInstant(step.date, "18:00");
    const base = { taskId, date: step.date, at, source: "UNIT_UPDATE" as const, actorId };
    rows.push({ ...base, delta: step.value - value, valueAfter: step.value });
    value = step.value;
    plan.milestones.forEach((m, i) => {
      const next = Math.min(step.value, m.target);
      if (next !== milestoneValues[i]) rows.push({ ...base, milestoneId: milestoneIds[i], delta: next - milestoneValues[i], valueAfter: next });
      milestoneValues[i] = next;
    });
  }
  return rows;
}

/** Inserts the tasks whose externalKey is absent, with their milestones, cooperators and progress history. */
export async function writeTasks(ctx: SeedContext, plans: TaskPlan[], headByUnit: ReadonlyMap<string, string> = new Map()): Promise<number> {
  const { db } = ctx;
  const present = new Set<string>();
  for (const keys of chunks(plans.map((p) => p.externalKey))) {
    const rows = await db.task.findMany({ where: { externalKey: { in: keys } }, select: { externalKey: true } });
    for (const r of rows) if (r.externalKey) present.add(r.externalKey);
  }
  const missing = plans.filter((p) => !present.has(p.externalKey));
  if (missing.length === 0) return 0;

  const taskRows: Prisma.TaskCreateManyInput[] = [];
  const milestoneRows: Prisma.MilestoneCreateManyInput[] = [];
  const cooperatorRows: Prisma.TaskCooperatorCreateManyInput[] = [];
  const eventRows: Prisma.ProgressEventCreateManyInput[] = [];
  for (const p of missing) {
    const id = newId();
    taskRows.push({
      id,
      externalKey: p.externalKey,
      year: p.year,
      unitId: p.unitId,
      title: p.title,
      description: p.description,
      keyTaskId: p.keyTaskId,
      lineId: p.lineId,
      target: p.target,
      measure: p.measure,
      valueReached: p.valueReached,
      startDate: p.startDate,
      deadline: p.deadline,
      responsibleLeaderId: p.responsibleLeaderId,
      weight: p.weight,
      requiresPhoto: p.requiresPhoto,
      requiresLocation: p.requiresLocation,
      sitePlace: p.sitePlace,
      siteLat: p.siteLat,
      siteLng: p.siteLng,
      status: p.status,
    });
    const milestoneIds = p.milestones.map(() => newId());
    p.milestones.forEach((m, i) => milestoneRows.push({ id: milestoneIds[i], taskId: id, ...m, sortOrder: i + 1 }));
    for (const unitId of p.cooperatorIds) cooperatorRows.push({ taskId: id, unitId });
    eventRows.push(...progressEventRows(id, p, milestoneIds, headByUnit.get(p.unitId) ?? null, ctx.today));
  }
  await db.$transaction([
    ...chunks(taskRows).map((data) => db.task.createMany({ data })),
    ...chunks(milestoneRows).map((data) => db.milestone.createMany({ data })),
    ...chunks(cooperatorRows).map((data) => db.taskCooperator.createMany({ data })),
    ...chunks(eventRows).map((data) => db.progressEvent.createMany({ data })),
  ]);
  return missing.length;
}

/** The written tasks of the plans, with ids and milestones, grouped by unit. */
export async function loadTaskRefs(ctx: SeedContext, plans: TaskPlan[]): Promise<Map<string, TaskRef[]>> {
  const planByKey = new Map(plans.map((p) => [p.externalKey, p]));
  const byUnit = new Map<string, TaskRef[]>();
  for (const keys of chunks([...planByKey.keys()])) {
    const rows = await ctx.db.task.findMany({
      where: { externalKey: { in: keys } },
      select: {
        id: true,
        externalKey: true,
        unitId: true,
        year: true,
        title: true,
        target: true,
        measure: true,
        deadline: true,
        status: true,
        sitePlace: true,
        siteLat: true,
        siteLng: true,
        milestones: { select: { id: true, dueDate: true }, orderBy: { dueDate: "asc" } },
      },
      orderBy: { externalKey: "asc" },
    });
    for (const r of rows) {
      const plan = planByKey.get(r.externalKey!)!;
      const ref: TaskRef = {
        id: r.id,
        unitId: r.unitId,
        year: r.year,
        title: r.title,
        target: r.target,
        measure: r.measure,
        deadline: r.deadline,
        status: r.status,
        work: plan.work,
        noon: plan.noon,
        place: plan.place,
        sitePlace: r.sitePlace,
        siteLat: r.siteLat,
        siteLng: r.siteLng,
        milestones: r.milestones,
      };
      const list = byUnit.get(r.unitId) ?? [];
      list.push(ref);
      byUnit.set(r.unitId, list);
    }
  }
  return byUnit;
}
