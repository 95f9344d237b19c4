/**
 * The three slots of a day's card and their deadlines (domain.md, 一日三晒).
 * Pure: times come in, states go out; the district's zone is applied by
 * lib/time, never by the server's.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { districtInstant, districtToday, type DistrictDate } from "@/lib/time";

export const SLOTS: readonly SlotKind[] = ["MORNING", "NOON", "EVENING"];

export const SLOT_LABELS: Record<SlotKind, string> = { MORNING: "早晒", NOON: "午晒", EVENING: "晚晒" };
export const SLOT_PROMPTS: Record<SlotKind, string> = {
  MORNING: "干什么：今天的计划",
  NOON: "怎么做：上午的进展",
  EVENING: "效如何：今天的结果",
};

export type SlotDeadlines = Record<SlotKind, string>;

export const DEFAULT_SLOT_DEADLINES: SlotDeadlines = { MORNING: "09:30", NOON: "13:30", EVENING: "21:00" };

export const SLOT_SETTING_KEYS: Record<SlotKind, string> = {
  MORNING: "slot.morning.deadline",
  NOON: "slot.noon.deadline",
  EVENING: "slot.evening.deadline",
};

export function slotDeadline(date: DistrictDate, slot: SlotKind, deadlines: SlotDeadlines): Date {
  return districtInstant(date, deadlines[slot]);
}

/**
 * SUBMITTED — on time; LATE — submitted after the deadline (accepted, marked);
 * MISSING — nothing, and the deadline has passed; PENDING — nothing yet, still open.
 */
export type SlotState = "SUBMITTED" | "LATE" | "MISSING" | "PENDING";

export function slotState(
  submittedAt: Date | null | undefined,
  date: DistrictDate,
  slot: SlotKind,
  deadlines: SlotDeadlines,
  now: Date = new Date(),
): SlotState {
  const deadline = slotDeadline(date, slot, deadlines);
  if (submittedAt) return submittedAt.getTime() > deadline.getTime() ? "LATE" : "SUBMITTED";
  return now.getTime() > deadline.getTime() ? "MISSING" : "PENDING";
}

/** The slot a unit should be working on now: the first whose deadline is ahead, else the evening. */
export function currentSlot(deadlines: SlotDeadlines, now: Date = new Date()): SlotKind {
  const today = districtToday(now);
  return SLOTS.find((slot) => now.getTime() <= slotDeadline(today, slot, deadlines).getTime()) ?? "EVENING";
}

/**
 * The slot whose deadline passed most recently today (催报 opens on it: its
 * late units are the ones to remind), or null before the morning's deadline.
 */
export function lastPassedSlot(deadlines: SlotDeadlines, now: Date = new Date()): SlotKind | null {
  const today = districtToday(now);
  return SLOTS.findLast((slot) => now.getTime() > slotDeadline(today, slot, deadlines).getTime()) ?? null;
}

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  SUBMITTED: "已晒",
  LATE: "迟报",
  MISSING: "未晒",
  PENDING: "待晒",
};
