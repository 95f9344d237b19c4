/**
 * The rules of a day's card (domain.md, 一日三晒), pure: what each slot may
 * contain, how yesterday's open items carry over, when a change is a revision,
 * when a slot is late, and what evidence a task asks for. The database code in
 * submit.ts loads the facts, asks these functions, and writes what they plan.
 *
 * Nothing is typed twice: the card holds one list of items; the morning plans
 * them, the noon adds a progress note to each (and anything new), the evening
 * ticks each ✓ or ? — an item sent again with the same text is the same item.
 */
import type { ItemOutcome, SlotKind } from "@/lib/generated/prisma/enums";
import { slotDeadline, type SlotDeadlines } from "@/lib/reports/slots";
import { districtToday, isDistrictDate, type DistrictDate } from "@/lib/time";

export const SLOT_PARAMS = { morning: "MORNING", noon: "NOON", evening: "EVENING" } as const satisfies Record<string, SlotKind>;
export type SlotParam = keyof typeof SLOT_PARAMS;

export const SLOT_PARAM_OF: Record<SlotKind, SlotParam> = { MORNING: "morning", NOON: "noon", EVENING: "evening" };

/** A burden meter reading longer than this is an idle tab, not work. */
export const MAX_EFFORT_SECONDS = 60 * 60;

export const MAX_ITEMS_PER_CARD = 30;

export type RuleIssue = { path: string; message: string };

export function slotFromParam(value: string): SlotKind | null {
  return Object.hasOwn(SLOT_PARAMS, value) ? SLOT_PARAMS[value as SlotParam] : null;
}

/** `today` or a YYYY-MM-DD district date that is not in the future. */
export function resolveCardDate(param: string, now: Date): { date: DistrictDate } | { issue: string } {
  const today = districtToday(now);
  if (param === "today") return { date: today };
  if (!isDistrictDate(param)) return { issue: "日期应为 YYYY-MM-DD 或 today。" };
  if (param > today) return { issue: "不能填报未来日期的晒报。" };
  return { date: param };
}

/**
 * How a submission lands. Every save of an existing slot is kept as a new
 * version (lib/reports/versions.ts); the mode says what it needs.
 * CREATE: the slot is new (today only — a past slot with nothing stays
 * missing, it is not back-filled). EDIT: its deadline is still ahead and
 * nothing rests on it; no reason needed. REVISION: the deadline has passed;
 * a reason is required. CORRECTION: the slot is locked (spot-checked, quoted
 * in a published bulletin, answered by a 批示 or flagged) — a reason is
 * required, whatever the time, the change is marked 更正 and the office is told.
 */
export type EditMode = "CREATE" | "EDIT" | "REVISION" | "CORRECTION";

export function editModeFor(args: {
  exists: boolean;
  /** something rests on the slot (lockReasonsOf in versions.ts) */
  locked?: boolean;
  date: DistrictDate;
  slot: SlotKind;
  deadlines: SlotDeadlines;
  now: Date;
}): { mode: EditMode } | { issue: string } {
  const { exists, locked = false, date, slot, deadlines, now } = args;
  if (!exists) {
    if (date < districtToday(now)) return { issue: "以前日期未晒的时段不能补报，只能更正已晒的内容。" };
    return { mode: "CREATE" };
  }
  if (locked) return { mode: "CORRECTION" };
  return { mode: now.getTime() > slotDeadline(date, slot, deadlines).getTime() ? "REVISION" : "EDIT" };
}

/** A change in these modes needs a reason, and may add photos but not take them away. */
export function needsReason(mode: EditMode): boolean {
  return mode === "REVISION" || mode === "CORRECTION";
}

/** A slot first submitted after its deadline is accepted and marked late; edits never change it. */
export function isLateSubmission(submittedAt: Date, date: DistrictDate, slot: SlotKind, deadlines: SlotDeadlines): boolean {
  return submittedAt.getTime() > slotDeadline(date, slot, deadlines).getTime();
}

/** Seconds from the author's first input to submit, bounded: a clock skew is 0, an idle tab is an hour. */
export function effortSecondsOf(startedAt: Date | null | undefined, submittedAt: Date): number | null {
  if (!startedAt) return null;
  const seconds = Math.round((submittedAt.getTime() - startedAt.getTime()) / 1000);
  return Math.max(0, Math.min(MAX_EFFORT_SECONDS, seconds));
}

// ─── Items ──────────────────────────────────────────────────────────────────

export type CardItem = {
  id: string;
  text: string;
  addedIn: SlotKind;
  taskId: string | null;
  milestoneId: string | null;
  carriedFromId: string | null;
  workLogItemId: string | null;
  progressNote: string | null;
  outcome: ItemOutcome | null;
  reason: string | null;
  progressValue: number | null;
  sortOrder: number;
};

export type ItemInput = {
  /** an item already on the card */
  id?: string;
  text: string;
  taskId?: string;
  milestoneId?: string;
  /** yesterday's open item this one continues */
  carriedFromId?: string;
  workLogItemId?: string;
  /** noon: how it is going */
  progress?: string;
  /** evening: ✓ (true) or ? (false) */
  done?: boolean;
  /** evening: why it is still open */
  reason?: string;
  /** evening: today's amount, in the task's measure; it adds to the task's value reached */
  progressValue?: number;
};

/** What an item may point at: the unit's live tasks, yesterday's open items, the day's work log. */
export type ItemRefs = {
  tasks: ReadonlyMap<string, { title: string; milestoneIds: ReadonlySet<string> }>;
  carryCandidates: ReadonlySet<string>;
  workLogItems: ReadonlySet<string>;
};

export type NewItem = Omit<CardItem, "id">;
export type ItemUpdate = { id: string; data: Partial<Omit<CardItem, "id" | "addedIn">> };

export type ItemPlan = {
  creates: NewItem[];
  updates: ItemUpdate[];
  deletes: string[];
  /** the card's items once the plan is applied (new ones with id ""), in order */
  after: CardItem[];
  /** change of each task's value reached (this evening's amounts minus what was counted before) */
  progressDeltas: Map<string, number>;
};

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const quote = (text: string) => `「${text.length > 20 ? `${text.slice(0, 20)}…` : text}」`;

/**
 * Plans the card's items after a submission of `slot`. Items are matched to
 * the card's by id, else by their text; unmatched ones are new. A slot's own
 * additions that are no longer sent are removed, unless later slots already
 * reported on them.
 */
export function planSlotItems(
  slot: SlotKind,
  existing: readonly CardItem[],
  input: readonly ItemInput[],
  refs: ItemRefs,
): { plan: ItemPlan } | { issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const byId = new Map(existing.map((item) => [item.id, item]));
  const byText = new Map(existing.map((item) => [normalize(item.text), item]));
  const matched = new Map<string, { item: CardItem; input: ItemInput; index: number }>();
  const fresh: { input: ItemInput; index: number }[] = [];
  const seenTexts = new Set<string>();

  input.forEach((entry, index) => {
    const path = `items.${index}`;
    const text = normalize(entry.text);
    if (seenTexts.has(text)) issues.push({ path: `${path}.text`, message: `事项${quote(text)}重复了。` });
    seenTexts.add(text);

    const target = entry.id ? byId.get(entry.id) : byText.get(text);
    if (entry.id && !target) {
      issues.push({ path: `${path}.id`, message: `事项${quote(text)}不在今天的晒报卡上。` });
      return;
    }
    if (target) {
      if (matched.has(target.id)) issues.push({ path, message: `事项${quote(target.text)}重复了。` });
      else matched.set(target.id, { item: target, input: entry, index });
    } else {
      fresh.push({ input: entry, index });
    }

    if (slot !== "NOON" && entry.progress) issues.push({ path: `${path}.progress`, message: "进展说明在午晒中填写。" });
    if (slot !== "EVENING" && (entry.done !== undefined || entry.reason || entry.progressValue !== undefined)) {
      issues.push({ path: `${path}.done`, message: "完成情况（✓/?）在晚晒中标记。" });
    }
    if (slot === "EVENING") {
      if (entry.done === undefined) issues.push({ path: `${path}.done`, message: `请为${quote(text)}标记 ✓ 或 ?。` });
      else if (!entry.done && !entry.reason?.trim()) issues.push({ path: `${path}.reason`, message: `请填写${quote(text)}未完成的原因。` });
      const taskId = target ? target.taskId : entry.taskId;
      if (entry.progressValue !== undefined && !taskId) {
        issues.push({ path: `${path}.progressValue`, message: `${quote(text)}没有关联任务，不能填写完成量。` });
      }
    }
  });

  for (const { input: entry, index } of fresh) {
    const path = `items.${index}`;
    if (entry.taskId !== undefined) {
      const task = refs.tasks.get(entry.taskId);
      if (!task) issues.push({ path: `${path}.taskId`, message: "关联的任务不存在，或不是本单位的在办任务。" });
      else if (entry.milestoneId !== undefined && !task.milestoneIds.has(entry.milestoneId)) {
        issues.push({ path: `${path}.milestoneId`, message: "关联的节点不属于该任务。" });
      }
    } else if (entry.milestoneId !== undefined) {
      issues.push({ path: `${path}.milestoneId`, message: "关联节点时须同时关联任务。" });
    }
    if (entry.carriedFromId !== undefined && !refs.carryCandidates.has(entry.carriedFromId)) {
      issues.push({ path: `${path}.carriedFromId`, message: "结转的事项不是本单位上一份晒报中未完成的事项。" });
    }
    if (entry.workLogItemId !== undefined && !refs.workLogItems.has(entry.workLogItemId)) {
      issues.push({ path: `${path}.workLogItemId`, message: "工作日志中没有这一项。" });
    }
  }

  // A slot's own additions that are not sent again are removed — if nothing later depends on them.
  const deletes: string[] = [];
  for (const item of existing) {
    if (matched.has(item.id)) continue;
    if (slot === "EVENING") {
      if (item.addedIn === "EVENING") deletes.push(item.id);
      else issues.push({ path: "items", message: `请为${quote(item.text)}标记 ✓ 或 ?。` });
      continue;
    }
    if (item.addedIn !== slot) continue;
    const laterData = slot === "MORNING" ? item.progressNote || item.outcome : item.outcome;
    if (laterData)
      issues.push({ path: "items", message: `${quote(item.text)}已有${slot === "MORNING" && item.progressNote ? "午晒进展" : "晚晒结果"}，不能删除。` });
    else deletes.push(item.id);
  }

  const remaining = existing.length - deletes.length + fresh.length;
  if (remaining > MAX_ITEMS_PER_CARD) issues.push({ path: "items", message: `一天的晒报卡最多 ${MAX_ITEMS_PER_CARD} 项。` });
  if (slot === "MORNING" && input.length === 0) issues.push({ path: "items", message: "早晒至少要列一项今天的计划。" });
  if (slot === "EVENING" && remaining === 0) issues.push({ path: "items", message: "晚晒至少要有一项事项。" });
  if (issues.length > 0) return { issues };

  const updates: ItemUpdate[] = [];
  const progressDeltas = new Map<string, number>();
  const addDelta = (taskId: string | null, before: number | null, after: number | null) => {
    if (!taskId || (before ?? 0) === (after ?? 0)) return;
    progressDeltas.set(taskId, (progressDeltas.get(taskId) ?? 0) + (after ?? 0) - (before ?? 0));
  };

  const after: CardItem[] = [];
  for (const item of existing) {
    if (deletes.includes(item.id)) {
      addDelta(item.taskId, item.progressValue, null);
      continue;
    }
    const hit = matched.get(item.id);
    if (!hit) {
      after.push(item);
      continue;
    }
    const data = fieldsFor(slot, hit.input, item);
    const changed = Object.fromEntries(Object.entries(data).filter(([key, value]) => item[key as keyof CardItem] !== value));
    if (Object.keys(changed).length > 0) updates.push({ id: item.id, data: changed });
    addDelta(item.taskId, item.progressValue, data.progressValue ?? item.progressValue);
    after.push({ ...item, ...data });
  }

  let sortOrder = Math.max(0, ...existing.map((i) => i.sortOrder));
  const creates: NewItem[] = fresh.map(({ input: entry }) => {
    const item: NewItem = {
      text: normalize(entry.text),
      addedIn: slot,
      taskId: entry.taskId ?? null,
      milestoneId: entry.milestoneId ?? null,
      carriedFromId: entry.carriedFromId ?? null,
      workLogItemId: entry.workLogItemId ?? null,
      progressNote: null,
      outcome: null,
      reason: null,
      progressValue: null,
      sortOrder: ++sortOrder,
      ...fieldsFor(slot, entry, null),
    };
    addDelta(item.taskId, null, item.progressValue);
    after.push({ id: "", ...item });
    return item;
  });

  return { plan: { creates, updates, deletes, after, progressDeltas } };
}

/** The fields a slot writes on an item. */
function fieldsFor(slot: SlotKind, entry: ItemInput, item: CardItem | null): Partial<NewItem> {
  switch (slot) {
    case "MORNING":
      // The morning may reword its own plan; a carried or later item keeps its words.
      return !item || item.addedIn === "MORNING" ? { text: normalize(entry.text) } : {};
    case "NOON":
      return { progressNote: entry.progress?.trim() || null, ...(!item || item.addedIn === "NOON" ? { text: normalize(entry.text) } : {}) };
    case "EVENING":
      return {
        outcome: entry.done ? "DONE" : "OPEN",
        reason: entry.done ? null : (entry.reason?.trim() ?? null),
        progressValue: entry.progressValue ?? null,
        ...(!item || item.addedIn === "EVENING" ? { text: normalize(entry.text) } : {}),
      };
  }
}

/** A noon with no progress, no new item, no note and no photo says nothing. */
export function emptySlotIssue(slot: SlotKind, plan: ItemPlan, note: string | undefined, photos: number): RuleIssue | null {
  if (slot !== "NOON" || note?.trim() || photos > 0) return null;
  const said = plan.after.some((i) => i.progressNote || i.addedIn === "NOON");
  return said ? null : { path: "items", message: "午晒请至少填写一项进展、说明或照片。" };
}

// ─── Carry-over ─────────────────────────────────────────────────────────────

export type PreviousItem = { id: string; text: string; outcome: ItemOutcome | null; reason: string | null; taskId: string | null; milestoneId: string | null };

/**
 * Yesterday's open items offered to today's morning (and to today's work
 * log): those marked ? — and those never closed because the evening was not
 * reported — except those already carried onto today.
 */
export function carryOverCandidates<T extends Pick<PreviousItem, "id" | "outcome">>(previous: readonly T[], alreadyCarried: ReadonlySet<string>): T[] {
  return previous.filter((item) => item.outcome !== "DONE" && !alreadyCarried.has(item.id));
}

// ─── The next milestone ─────────────────────────────────────────────────────

type MilestoneLike = { id: string; title: string; dueDate: string; target: number; valueReached: number };

/**
 * "下一节点" of a task on a day: the earliest milestone not yet reached (its
 * value below its target) that is due on or after the day; milestones reached
 * or already past are not "next". `overdue` counts those past and not reached.
 */
export function nextMilestone<M extends MilestoneLike>(milestones: readonly M[], date: DistrictDate): { next: M | null; overdue: number } {
  const open = milestones.filter((m) => m.valueReached < m.target).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return { next: open.find((m) => m.dueDate >= date) ?? null, overdue: open.filter((m) => m.dueDate < date).length };
}

// ─── Evidence ───────────────────────────────────────────────────────────────

export type EvidenceTask = { title: string; requiresPhoto: boolean; requiresLocation: boolean };

/**
 * Photos and location are asked for only where the office marked a task so
 * (2026 rules: no photos or tracks when not necessary), and only as evidence
 * of a result: in the evening, for items ticked ✓ — a photo from any slot of
 * that day's card counts (the morning's too: issue 14), so does a place typed
 * or located in any of them.
 */
export function evidenceIssues(
  slot: SlotKind,
  items: readonly Pick<CardItem, "text" | "taskId" | "outcome">[],
  tasks: ReadonlyMap<string, EvidenceTask>,
  evidence: { photos: number; located: boolean },
): RuleIssue[] {
  if (slot !== "EVENING") return [];
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const task = item.taskId ? tasks.get(item.taskId) : undefined;
    if (!task || item.outcome !== "DONE" || seen.has(item.taskId!)) continue;
    seen.add(item.taskId!);
    if (task.requiresPhoto && evidence.photos === 0) issues.push({ path: "photos", message: `任务${quote(task.title)}要求附现场照片。` });
    if (task.requiresLocation && !evidence.located) issues.push({ path: "place", message: `任务${quote(task.title)}要求填写位置（定位或地点名称）。` });
  }
  return issues;
}

// ─── The slot's text ────────────────────────────────────────────────────────

/**
 * The slot's text as it is shown on the feed and reused by bulletins: one line
 * composed from the items, then the author's own note on the next lines.
 */
export function composeSlotText<T extends Pick<CardItem, "text" | "addedIn" | "carriedFromId" | "progressNote" | "outcome" | "reason" | "progressValue">>(
  slot: SlotKind,
  items: readonly T[],
  note: string | undefined,
  measureOf: (item: T) => string | null = () => null,
): string {
  let summary = "";
  if (slot === "MORNING") {
    const planned = items.filter((i) => i.addedIn === "MORNING");
    summary = `今日计划：${planned.map((i, n) => `${n + 1}.${i.text}${i.carriedFromId ? "（昨日未完成，继续推进）" : ""}`).join("；")}。`;
  } else if (slot === "NOON") {
    const reported = items.filter((i) => i.progressNote || i.addedIn === "NOON");
    if (reported.length > 0) summary = `午间进展：${reported.map((i) => (i.progressNote ? `${i.text}，${i.progressNote}` : i.text)).join("；")}。`;
  } else {
    const closed = items.filter((i) => i.outcome);
    const done = closed.filter((i) => i.outcome === "DONE").length;
    const marks = closed.map((i, n) => {
      const amount = i.progressValue ? `，完成${formatAmount(i.progressValue)}${measureOf(i) ?? ""}` : "";
      return i.outcome === "DONE" ? `${n + 1}.${i.text}${amount} ✓` : `${n + 1}.${i.text}${amount} ?（${i.reason}）`;
    });
    summary = `今日完成${done}/${closed.length}项：${marks.join("；")}。`;
  }
  const trimmed = note?.trim();
  // The summary never holds a line break (item texts are single lines), so the note always follows the first one.
  return trimmed ? `${summary}\n${trimmed}` : summary;
}

/** The items a slot speaks about: the morning's plan, the noon's progress, the evening's ticks. */
export function itemsOfSlot<T extends Pick<CardItem, "addedIn" | "progressNote" | "outcome">>(slot: SlotKind, items: readonly T[]): T[] {
  switch (slot) {
    case "MORNING":
      return items.filter((i) => i.addedIn === "MORNING");
    case "NOON":
      return items.filter((i) => i.progressNote || i.addedIn === "NOON");
    case "EVENING":
      return items.filter((i) => i.outcome);
  }
}

/** The author's note back out of a slot's text (what follows the composed first line). */
export function noteOf(text: string): string {
  const newline = text.indexOf("\n");
  return newline < 0 ? "" : text.slice(newline + 1);
}

export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
