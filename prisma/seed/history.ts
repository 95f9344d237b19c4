/**
 * 一日三晒 history: one card per unit per day, its morning, noon and evening
 * slots, and the items planned in the morning, progressed at noon and closed
 * (✓ done / ? open with a reason) in the evening; open items carry to the next
 * day's card. Each card is generated from its own (unit, date) seed and only
 * when absent, so re-runs and longer ranges (the volume) add nothing twice.
 */
import type { ItemOutcome, SlotKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type DistrictDate, addDays, districtInstant } from "@/lib/time";
import { type SeedContext, chunks } from "./context";
import { DEMO_UNITS_WITHOUT_TODAY } from "./demo-accounts";
import type { OrgRefs, UnitRef } from "./org";
import { type Rng, newId, rngFor } from "./rng";
import { FREE_ITEMS, NOON_FREE, NOON_GENERIC, OPEN_REASONS } from "./task-templates";
import { type TaskRef, fill, formatNumber } from "./tasks";

const MINUTE = 60_000;

/** Default deadlines (minutes after midnight) and the windows reports fall in. */
const SLOT_TIMING: Record<SlotKind, { deadline: number; onTime: [number, number]; late: [number, number] }> = {
  MORNING: { deadline: 9 * 60 + 30, onTime: [7 * 60 + 20, 9 * 60 + 25], late: [9 * 60 + 32, 11 * 60] },
  NOON: { deadline: 13 * 60 + 30, onTime: [11 * 60 + 40, 13 * 60 + 25], late: [13 * 60 + 32, 15 * 60 + 30] },
  EVENING: { deadline: 21 * 60, onTime: [17 * 60 + 50, 20 * 60 + 55], late: [21 * 60 + 2, 22 * 60 + 40] },
};
const SLOTS: SlotKind[] = ["MORNING", "NOON", "EVENING"];

type OpenItem = { id: string; text: string; taskId: string | null; milestoneId: string | null };

type PlannedItem = OpenItem & {
  addedIn: SlotKind;
  carriedFromId: string | null;
  task: TaskRef | null;
  progressNote: string | null;
  outcome: ItemOutcome | null;
  reason: string | null;
  progressValue: number | null;
};

type Rows = {
  cards: Prisma.ReportCardCreateManyInput[];
  slots: Prisma.ReportSlotCreateManyInput[];
  items: Prisma.ReportItemCreateManyInput[];
};

export type HistoryRange = {
  from: DistrictDate;
  /** the last full day (yesterday) */
  to: DistrictDate;
  /** also today's morning slot for about half the units */
  todayMorning: boolean;
};

export type HistoryResult = { cards: number; slots: number; items: number };

/** A unit's reporting habits: how often it is late or misses a slot. */
function disciplineOf(unit: UnitRef): { late: number; missing: number } {
  const rng = rngFor("discipline", unit.code);
  return { late: rng.float(0.02, 0.14), missing: rng.float(0.01, 0.09) };
}

export async function seedHistory(ctx: SeedContext, org: OrgRefs, tasksByUnit: Map<string, TaskRef[]>, range: HistoryRange): Promise<HistoryResult> {
  const { db } = ctx;
  const dates: DistrictDate[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) dates.push(d);
  // Nobody reports in the small hours: today's morning only once the day has begun.
  const todayStart = districtInstant(ctx.today, "07:30").getTime();
  const withToday = range.todayMorning && ctx.now.getTime() >= todayStart;
  if (withToday) dates.push(ctx.today);

  // Cards already present, and the open items of those that precede a missing day.
  const existing = new Map<string, string>();
  for (const row of await db.reportCard.findMany({
    where: { date: { gte: addDays(range.from, -1), lte: ctx.today } },
    select: { id: true, unitId: true, date: true },
  })) {
    existing.set(`${row.unitId}|${row.date}`, row.id);
  }
  const expected = org.units.length * dates.length;
  const present = dates.reduce((n, d) => n + org.units.filter((u) => existing.has(`${u.id}|${d}`)).length, 0);
  if (present >= expected) return { cards: 0, slots: 0, items: 0 };

  const carrySources: string[] = [];
  for (const unit of org.units) {
    for (const d of [addDays(range.from, -1), ...dates]) {
      const id = existing.get(`${unit.id}|${d}`);
      if (id && !existing.has(`${unit.id}|${addDays(d, 1)}`)) carrySources.push(id);
    }
  }
  const openByCard = new Map<string, OpenItem[]>();
  for (const ids of chunks(carrySources)) {
    const rows = await db.reportItem.findMany({
      where: { cardId: { in: ids }, outcome: "OPEN" },
      select: { id: true, cardId: true, text: true, taskId: true, milestoneId: true },
      orderBy: { sortOrder: "asc" },
    });
    for (const r of rows) {
      const list = openByCard.get(r.cardId) ?? [];
      list.push({ id: r.id, text: r.text, taskId: r.taskId, milestoneId: r.milestoneId });
      openByCard.set(r.cardId, list);
    }
  }

  const result: HistoryResult = { cards: 0, slots: 0, items: 0 };
  let rows: Rows = { cards: [], slots: [], items: [] };
  const flush = async () => {
    if (rows.cards.length === 0) return;
    const { cards, slots, items } = rows;
    rows = { cards: [], slots: [], items: [] };
    await db.$transaction([
      ...chunks(cards).map((data) => db.reportCard.createMany({ data })),
      ...chunks(slots, 400).map((data) => db.reportSlot.createMany({ data })),
      ...chunks(items, 400).map((data) => db.reportItem.createMany({ data })),
    ]);
    result.cards += cards.length;
    result.slots += slots.length;
    result.items += items.length;
  };

  const dayStart = new Map(dates.map((d) => [d, districtInstant(d, "00:00").getTime()]));
  for (const unit of org.units) {
    const tasks = tasksByUnit.get(unit.id) ?? [];
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const discipline = disciplineOf(unit);
    const before = existing.get(`${unit.id}|${addDays(range.from, -1)}`);
    let carry: OpenItem[] = before ? (openByCard.get(before) ?? []) : [];
    for (const date of dates) {
      const existingId = existing.get(`${unit.id}|${date}`);
      if (existingId) {
        carry = openByCard.get(existingId) ?? [];
        continue;
      }
      const isToday = date === ctx.today;
      if (isToday) {
        const skip = (DEMO_UNITS_WITHOUT_TODAY as readonly string[]).includes(unit.name) || !rngFor("today", unit.code, date).chance(0.5);
        if (skip) continue;
      }
      const card = generateCard(ctx, unit, date, dayStart.get(date)!, isToday, tasks, taskById, carry, discipline);
      if (!card) continue;
      rows.cards.push(card.card);
      rows.slots.push(...card.slots);
      rows.items.push(...card.items);
      carry = card.open;
      if (rows.cards.length >= 2000) await flush();
    }
  }
  await flush();
  return result;
}

type GeneratedCard = {
  card: Prisma.ReportCardCreateManyInput;
  slots: Prisma.ReportSlotCreateManyInput[];
  items: Prisma.ReportItemCreateManyInput[];
  open: OpenItem[];
};

function generateCard(
  ctx: SeedContext,
  unit: UnitRef,
  date: DistrictDate,
  midnight: number,
  isToday: boolean,
  tasks: TaskRef[],
  taskById: Map<string, TaskRef>,
  carry: OpenItem[],
  discipline: { late: number; missing: number },
): GeneratedCard | null {
  const rng = rngFor("card", unit.code, date);
  const present = new Set<SlotKind>();
  for (const slot of isToday ? (["MORNING"] as SlotKind[]) : SLOTS) {
    if (isToday || !rng.chance(discipline.missing)) present.add(slot);
  }
  if (present.size === 0) return null;
  const planSlot: SlotKind = present.has("MORNING") ? "MORNING" : present.has("NOON") ? "NOON" : "EVENING";

  // Items: yesterday's open ones first, then new ones from the unit's live tasks.
  const year = Number(date.slice(0, 4));
  const items: PlannedItem[] = [];
  const texts = new Set<string>();
  for (const open of carry.slice(0, 2)) {
    items.push(
      blankItem({
        text: open.text,
        taskId: open.taskId,
        milestoneId: open.milestoneId,
        task: open.taskId ? (taskById.get(open.taskId) ?? null) : null,
        carriedFromId: open.id,
        addedIn: planSlot,
      }),
    );
    texts.add(open.text);
  }
  const live = tasks.filter((t) => t.year === year && (t.deadline >= date || t.status !== "DONE"));
  const wanted = Math.max(items.length, rng.int(1, 4));
  for (let guard = 0; items.length < wanted && guard < 12; guard++) {
    const task = live.length > 0 && !rng.chance(0.15) ? rng.pick(live) : null;
    const text = task ? fill(rng.pick(task.work), { place: task.place }) : rng.pick(FREE_ITEMS[unit.kind]);
    if (texts.has(text)) continue;
    texts.add(text);
    const milestone = task?.milestones.find((m) => m.dueDate >= date) ?? null;
    items.push(blankItem({ text, task, taskId: task?.id ?? null, milestoneId: milestone?.id ?? null, carriedFromId: null, addedIn: planSlot }));
  }

  for (const item of items) {
    if (present.has("NOON")) item.progressNote = noonNote(rng, item.task);
    if (present.has("EVENING")) {
      if (rng.chance(0.78)) {
        item.outcome = "DONE";
        if (item.task) item.progressValue = dayProgress(rng, item.task, item.text);
      } else {
        item.outcome = "OPEN";
        item.reason = rng.pick(
          !item.task
            ? OPEN_REASONS.general
            : item.task.sitePlace
              ? [...OPEN_REASONS.site, ...OPEN_REASONS.coordination]
              : [...OPEN_REASONS.coordination, ...OPEN_REASONS.general],
        );
      }
    }
  }

  const cardId = newId();
  const author = rng.chance(0.8) ? unit.reporterId : unit.headId;
  const site = items.find((i) => i.task?.siteLat != null)?.task ?? null;
  const slots: Prisma.ReportSlotCreateManyInput[] = [];
  for (const slot of SLOTS) {
    if (!present.has(slot)) continue;
    const timing = SLOT_TIMING[slot];
    const late = !isToday && rng.chance(discipline.late);
    const [lo, hi] = late ? timing.late : timing.onTime;
    let submitted = midnight + rng.int(lo, hi) * MINUTE + rng.int(0, 59) * 1000;
    // Today's morning may not have happened yet at the time the seed runs.
    if (isToday) submitted = Math.min(submitted, ctx.now.getTime() - MINUTE);
    const effortSeconds = rng.int(60, 600);
    const text = slot === "MORNING" ? morningText(rng, unit, items) : slot === "NOON" ? noonText(rng, items) : eveningText(rng, items);
    const withSite = site && rng.chance(0.6);
    slots.push({
      id: newId(),
      cardId,
      slot,
      authorId: author,
      text,
      place: withSite ? site.sitePlace : null,
      lat: withSite ? site.siteLat! + rng.float(-0.0008, 0.0008) : null,
      lng: withSite ? site.siteLng! + rng.float(-0.0008, 0.0008) : null,
      startedAt: new Date(submitted - effortSeconds * 1000),
      submittedAt: new Date(submitted),
      late: submitted > midnight + timing.deadline * MINUTE,
      effortSeconds,
      updatedAt: new Date(submitted),
    });
  }
  const first = slots[0].submittedAt as Date;
  const last = slots[slots.length - 1].submittedAt as Date;

  const itemRows: Prisma.ReportItemCreateManyInput[] = items.map((item, i) => ({
    id: item.id,
    cardId,
    addedIn: item.addedIn,
    text: item.text,
    taskId: item.taskId,
    milestoneId: item.milestoneId,
    progressNote: item.progressNote,
    outcome: item.outcome,
    reason: item.reason,
    progressValue: item.progressValue,
    carriedFromId: item.carriedFromId,
    sortOrder: i + 1,
  }));
  return {
    card: { id: cardId, unitId: unit.id, date, createdAt: first, updatedAt: last },
    slots,
    items: itemRows,
    open: items.filter((i) => i.outcome === "OPEN").map((i) => ({ id: i.id, text: i.text, taskId: i.taskId, milestoneId: i.milestoneId })),
  };
}

function blankItem(init: Pick<PlannedItem, "text" | "taskId" | "milestoneId" | "task" | "carriedFromId" | "addedIn">): PlannedItem {
  return { id: newId(), ...init, progressNote: null, outcome: null, reason: null, progressValue: null };
}

function noonNote(rng: Rng, task: TaskRef | null): string {
  const pool = !task ? NOON_FREE : task.noon && rng.chance(0.6) ? task.noon : NOON_GENERIC;
  const k = rng.int(2, 12);
  return fill(rng.pick(pool), { k, j: rng.int(1, k), pct: rng.pick(["三成", "四成", "五成", "六成", "七成", "八成"]) });
}

/** Work whose result is counted in the task's measure (a paving, not a meeting about it). */
const COUNTABLE_WORK = /(拆除|清理|清运|改造|硬化|浇筑|苫盖|整改|化解|签订|走访|清洗|巡查|丈量|复耕|修补|核查|评估|检查)/;
const NOT_COUNTABLE_WORK = /(通知|督导|协调|对接|调度)/;

/** A day's share of a task: a few percent of the annual target at most. */
function dayProgress(rng: Rng, task: TaskRef, text: string): number | null {
  if (task.measure === "万元" || !COUNTABLE_WORK.test(text) || NOT_COUNTABLE_WORK.test(text)) return null;
  if (!rng.chance(task.target < 20 ? 0.15 : 0.5)) return null;
  const share = task.target * rng.float(0.005, 0.03);
  if (task.measure === "公里") return Math.max(0.1, Math.round(share * 10) / 10);
  return Math.max(1, Math.round(share));
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join("、")}和${parts[parts.length - 1]}`;
}

function morningText(rng: Rng, unit: UnitRef, items: PlannedItem[]): string {
  const label = (i: PlannedItem) => (i.carriedFromId ? `${i.text}（昨日未完成，继续推进）` : i.text);
  switch (rng.int(0, 3)) {
    case 0:
      return `今日主要工作：${items.map((i, n) => `${n + 1}.${label(i)}`).join(";")}。`;
    case 1:
      return `${unit.name}今天的主要工作，是${joinList(items.map(label))}。`;
    case 2:
      return `早晒：${items.map(label).join(";")}。${rng.chance(0.4) ? "班子成员分头到一线推进。" : ""}`;
    default:
      return `今天计划完成${items.length}项工作：${items.map(label).join(",")}。`;
  }
}

function noonText(rng: Rng, items: PlannedItem[]): string {
  const parts = items.map((i) => `${i.text},${i.progressNote ?? "正在推进"}`);
  return rng.chance(0.5) ? `截至中午12时，${parts.join(";")}。` : `午晒：${parts.join(";")}。`;
}

function eveningText(rng: Rng, items: PlannedItem[]): string {
  const done = items.filter((i) => i.outcome === "DONE");
  const open = items.filter((i) => i.outcome === "OPEN");
  const amount = (i: PlannedItem) => (i.progressValue && i.task ? `完成${formatNumber(i.progressValue)}${i.task.measure}` : "");
  if (rng.chance(0.5)) {
    const marks = items.map((i, n) => (i.outcome === "DONE" ? `${n + 1}.${i.text}${amount(i) ? `,${amount(i)}` : ""} ✓` : `${n + 1}.${i.text} ?(${i.reason})`));
    return `今日完成情况：${marks.join(";")}。`;
  }
  let text = `晚晒：今日计划${items.length}项，完成${done.length}项。`;
  if (done.length > 0) text += `已完成：${done.map((i) => (amount(i) ? `${i.text}(${amount(i)})` : i.text)).join(";")}。`;
  if (open.length > 0) {
    // Most reasons already say when it resumes; say it once otherwise.
    const resumes = open.some((i) => /明[日天]/.test(i.reason ?? ""));
    text += `未完成：${open.map((i) => `${i.text}，原因是${i.reason}`).join(";")}${resumes ? "" : "，明日继续"}。`;
  }
  return text;
}
