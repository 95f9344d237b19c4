import assert from "node:assert/strict";
import { test } from "node:test";
import {
  nextMilestone,
  type ItemRefs,
  carryOverCandidates,
  composeSlotText,
  editModeFor,
  needsReason,
  effortSecondsOf,
  emptySlotIssue,
  evidenceIssues,
  isLateSubmission,
  noteOf,
  planSlotItems,
  resolveCardDate,
  slotFromParam,
} from "@/lib/reports/card-rules";
import { applyTaskProgress } from "@/lib/reports/task-progress";
import { DEFAULT_SLOT_DEADLINES } from "@/lib/reports/slots";
import { cardItem } from "@/lib/testing/card-items";

const d = DEFAULT_SLOT_DEADLINES;
const at = (iso: string) => new Date(iso);

const refs: ItemRefs = {
  tasks: new Map([
    ["t1", { title: "拆除违建 120 户", milestoneIds: new Set(["m1"]) }],
    ["t2", { title: "走访企业 40 家", milestoneIds: new Set<string>() }],
  ]),
  carryCandidates: new Set(["y1"]),
  workLogItems: new Set(["w1"]),
};

const item = cardItem;

function planOf(result: ReturnType<typeof planSlotItems>) {
  assert.ok("plan" in result, `expected a plan, got ${JSON.stringify(result)}`);
  return result.plan;
}

function issuesOf(result: ReturnType<typeof planSlotItems>) {
  assert.ok("issues" in result, "expected issues");
  return result.issues.map((i) => i.message).join(" | ");
}

// ─── Dates and slots ────────────────────────────────────────────────────────

test("slot names in URLs map to slots; others are refused", () => {
  assert.equal(slotFromParam("morning"), "MORNING");
  assert.equal(slotFromParam("evening"), "EVENING");
  assert.equal(slotFromParam("MORNING"), null);
  assert.equal(slotFromParam("constructor"), null);
});

test("`today` is the district's date even when the server's UTC date is still yesterday", () => {
  // 2026-11-27 17:00 UTC = 2026-11-28 01:00 in Shanghai (and 09:00 the 27th in Los Angeles).
  assert.deepEqual(resolveCardDate("today", at("2026-11-27T17:00:00Z")), { date: "2026-11-28" });
  assert.deepEqual(resolveCardDate("2026-11-28", at("2026-11-27T17:00:00Z")), { date: "2026-11-28" });
});

test("a future date or a malformed one is refused", () => {
  assert.ok("issue" in resolveCardDate("2026-11-29", at("2026-11-27T17:00:00Z")));
  assert.ok("issue" in resolveCardDate("2026-02-30", at("2026-11-27T17:00:00Z")));
  assert.ok("issue" in resolveCardDate("yesterday", at("2026-11-27T17:00:00Z")));
  assert.deepEqual(resolveCardDate("2026-11-01", at("2026-11-27T17:00:00Z")), { date: "2026-11-01" });
});

// ─── Revisions and lateness ─────────────────────────────────────────────────

test("before its deadline an existing slot is edited in place; after it, a change is a revision", () => {
  const base = { exists: true, date: "2026-11-27", slot: "MORNING" as const, deadlines: d };
  assert.deepEqual(editModeFor({ ...base, now: at("2026-11-27T01:29:00Z") }), { mode: "EDIT" }); // 09:29
  assert.deepEqual(editModeFor({ ...base, now: at("2026-11-27T01:31:00Z") }), { mode: "REVISION" }); // 09:31
});

test("a locked slot is a correction at any time: a reason is needed before its deadline too", () => {
  const base = { exists: true, locked: true, date: "2026-11-27", slot: "MORNING" as const, deadlines: d };
  assert.deepEqual(editModeFor({ ...base, now: at("2026-11-27T01:00:00Z") }), { mode: "CORRECTION" }); // 09:00
  assert.deepEqual(editModeFor({ ...base, now: at("2026-11-27T05:00:00Z") }), { mode: "CORRECTION" }); // 13:00
  assert.equal(needsReason("EDIT"), false);
  assert.equal(needsReason("REVISION"), true);
  assert.equal(needsReason("CORRECTION"), true);
  assert.deepEqual(editModeFor({ ...base, exists: false, now: at("2026-11-27T01:00:00Z") }), { mode: "CREATE" }, "a new slot has nothing resting on it");
});

test("a new slot of today is created even after its deadline (it will be late)", () => {
  assert.deepEqual(editModeFor({ exists: false, date: "2026-11-27", slot: "MORNING", deadlines: d, now: at("2026-11-27T12:00:00Z") }), { mode: "CREATE" });
});

test("a missing slot of an earlier day is not back-filled, but an existing one can be corrected", () => {
  // 00:30 on the 28th in Shanghai: yesterday's evening was missed.
  const now = at("2026-11-27T16:30:00Z");
  assert.ok("issue" in editModeFor({ exists: false, date: "2026-11-27", slot: "EVENING", deadlines: d, now }));
  assert.deepEqual(editModeFor({ exists: true, date: "2026-11-27", slot: "EVENING", deadlines: d, now }), { mode: "REVISION" });
});

test("the evening deadline is 21:00 in Shanghai whatever the server's zone", () => {
  assert.equal(isLateSubmission(at("2026-11-27T12:59:59Z"), "2026-11-27", "EVENING", d), false);
  assert.equal(isLateSubmission(at("2026-11-27T13:00:01Z"), "2026-11-27", "EVENING", d), true);
  // After midnight in Shanghai the evening of the day before is long late.
  assert.equal(isLateSubmission(at("2026-11-27T16:05:00Z"), "2026-11-27", "EVENING", d), true);
});

test("effort is seconds from first input to submit, bounded", () => {
  const submitted = at("2026-11-27T01:10:00Z");
  assert.equal(effortSecondsOf(at("2026-11-27T01:06:30Z"), submitted), 210);
  assert.equal(effortSecondsOf(at("2026-11-27T01:12:00Z"), submitted), 0);
  assert.equal(effortSecondsOf(at("2026-11-26T20:00:00Z"), submitted), 3600);
  assert.equal(effortSecondsOf(null, submitted), null);
});

// ─── What each slot may contain ─────────────────────────────────────────────

test("morning: plans from tasks, yesterday's open items, the work log and typed text", () => {
  const plan = planOf(
    planSlotItems(
      "MORNING",
      [],
      [
        { text: "拆除东街违建", taskId: "t1", milestoneId: "m1" },
        { text: "协调企业用水", carriedFromId: "y1" },
        { text: "整理迎检材料", workLogItemId: "w1" },
        { text: "  召开   调度会 " },
      ],
      refs,
    ),
  );
  assert.equal(plan.creates.length, 4);
  assert.deepEqual(
    plan.creates.map((c) => c.sortOrder),
    [1, 2, 3, 4],
  );
  assert.equal(plan.creates[0].taskId, "t1");
  assert.equal(plan.creates[1].carriedFromId, "y1");
  assert.equal(plan.creates[3].text, "召开 调度会");
  assert.ok(plan.creates.every((c) => c.addedIn === "MORNING" && c.outcome === null));
});

test("morning: an empty plan, outcomes, another unit's task or a foreign carry-over are refused", () => {
  assert.match(issuesOf(planSlotItems("MORNING", [], [], refs)), /至少要列一项/);
  assert.match(issuesOf(planSlotItems("MORNING", [], [{ text: "甲", done: true }], refs)), /晚晒中标记/);
  assert.match(issuesOf(planSlotItems("MORNING", [], [{ text: "甲", taskId: "t-other" }], refs)), /不是本单位/);
  assert.match(issuesOf(planSlotItems("MORNING", [], [{ text: "甲", taskId: "t2", milestoneId: "m1" }], refs)), /不属于该任务/);
  assert.match(issuesOf(planSlotItems("MORNING", [], [{ text: "甲", carriedFromId: "y9" }], refs)), /上一份晒报/);
  assert.match(issuesOf(planSlotItems("MORNING", [], [{ text: "甲" }, { text: "甲 " }], refs)), /重复/);
});

test("morning again: rewords and drops its own plan, but not an item that already has progress", () => {
  const existing = [item("a", "拆除东街违建"), item("b", "召开调度会"), item("c", "走访企业", { progressNote: "已走访 3 家" })];
  const plan = planOf(
    planSlotItems(
      "MORNING",
      existing,
      [
        { id: "a", text: "拆除东街违建 5 户" },
        { id: "c", text: "走访企业" },
      ],
      refs,
    ),
  );
  assert.deepEqual(plan.deletes, ["b"]);
  assert.deepEqual(plan.updates, [{ id: "a", data: { text: "拆除东街违建 5 户" } }]);
  assert.match(issuesOf(planSlotItems("MORNING", existing, [{ id: "a", text: "拆除东街违建" }], refs)), /已有午晒进展/);
});

test("noon: a progress note per item and new items; the morning's items are matched by text, not doubled", () => {
  const existing = [item("a", "拆除东街违建", { taskId: "t1" }), item("b", "召开调度会")];
  const plan = planOf(
    planSlotItems("NOON", existing, [{ text: "拆除东街违建", progress: "已拆 3 户" }, { id: "b", text: "召开调度会" }, { text: "接待来访群众" }], refs),
  );
  assert.deepEqual(plan.updates, [{ id: "a", data: { progressNote: "已拆 3 户" } }]);
  assert.equal(plan.creates.length, 1);
  assert.equal(plan.creates[0].addedIn, "NOON");
  assert.equal(plan.creates[0].sortOrder, 2);
  assert.equal(plan.after.length, 3);
  assert.equal(emptySlotIssue("NOON", plan, undefined, 0), null);
});

test("noon: outcomes belong to the evening; a noon that says nothing is refused", () => {
  const existing = [item("a", "拆除东街违建")];
  assert.match(issuesOf(planSlotItems("NOON", existing, [{ id: "a", text: "拆除东街违建", done: false }], refs)), /晚晒中标记/);
  const silent = planOf(planSlotItems("NOON", existing, [{ id: "a", text: "拆除东街违建" }], refs));
  assert.match(emptySlotIssue("NOON", silent, "", 0)?.message ?? "", /至少填写/);
  assert.equal(emptySlotIssue("NOON", silent, "", 1), null);
});

test("evening: every item ✓ or ?, a reason for each ?, amounts only on task items", () => {
  const existing = [item("a", "拆除东街违建", { taskId: "t1" }), item("b", "召开调度会", { addedIn: "NOON" })];
  const plan = planOf(
    planSlotItems(
      "EVENING",
      existing,
      [
        { id: "a", text: "拆除东街违建", done: true, progressValue: 5 },
        { id: "b", text: "召开调度会", done: false, reason: "主要领导外出，改到明天" },
      ],
      refs,
    ),
  );
  assert.deepEqual(plan.updates, [
    { id: "a", data: { outcome: "DONE", progressValue: 5 } },
    { id: "b", data: { outcome: "OPEN", reason: "主要领导外出，改到明天" } },
  ]);
  assert.deepEqual([...plan.progressDeltas], [["t1", 5]]);

  assert.match(issuesOf(planSlotItems("EVENING", existing, [{ id: "a", text: "x", done: true }], refs)), /「召开调度会」标记 ✓ 或 \?/);
  // "a" is ✓; what "b" lacks is the issue.
  const withSecond = (b: Parameters<typeof planSlotItems>[2][number]) =>
    issuesOf(planSlotItems("EVENING", existing, [{ id: "a", text: "x", done: true }, b], refs));
  assert.match(withSecond({ id: "b", text: "y" }), /标记 ✓ 或 \?/);
  assert.match(withSecond({ id: "b", text: "y", done: false, reason: " " }), /未完成的原因/);
  assert.match(withSecond({ id: "b", text: "y", done: true, progressValue: 2 }), /没有关联任务/);
  assert.match(issuesOf(planSlotItems("EVENING", [], [], refs)), /至少要有一项/);
});

test("evening corrected: the task moves by the change only, not by the amount again", () => {
  const existing = [item("a", "拆除东街违建", { taskId: "t1", outcome: "DONE", progressValue: 5 })];
  const again = planOf(planSlotItems("EVENING", existing, [{ id: "a", text: "拆除东街违建", done: true, progressValue: 5 }], refs));
  assert.equal(again.progressDeltas.size, 0);
  assert.deepEqual(again.updates, []);
  const fixed = planOf(planSlotItems("EVENING", existing, [{ id: "a", text: "拆除东街违建", done: true, progressValue: 3 }], refs));
  assert.deepEqual([...fixed.progressDeltas], [["t1", -2]]);
});

// ─── Carry-over ─────────────────────────────────────────────────────────────

test("carry-over offers yesterday's ? items and unclosed ones, not ✓ ones nor those already carried", () => {
  const previous = [
    { id: "y1", text: "协调企业用水", outcome: "OPEN" as const, reason: "待水务公司答复", taskId: null, milestoneId: null },
    { id: "y2", text: "拆除东街违建", outcome: "DONE" as const, reason: null, taskId: "t1", milestoneId: null },
    { id: "y3", text: "走访企业", outcome: null, reason: null, taskId: "t2", milestoneId: null },
    { id: "y4", text: "清运垃圾", outcome: "OPEN" as const, reason: "下雨", taskId: null, milestoneId: null },
  ];
  assert.deepEqual(
    carryOverCandidates(previous, new Set(["y4"])).map((i) => i.id),
    ["y1", "y3"],
  );
});

// ─── Evidence and text ──────────────────────────────────────────────────────

test("photos and location are required only for tasks marked so, in the evening, for ✓ items", () => {
  const tasks = new Map([
    ["t1", { title: "拆除违建", requiresPhoto: true, requiresLocation: true }],
    ["t2", { title: "走访企业", requiresPhoto: false, requiresLocation: false }],
  ]);
  const items = [
    { text: "拆除东街违建", taskId: "t1", outcome: "DONE" as const },
    { text: "走访", taskId: "t2", outcome: "DONE" as const },
  ];
  assert.equal(evidenceIssues("EVENING", items, tasks, { photos: 0, located: false }).length, 2);
  assert.equal(evidenceIssues("EVENING", items, tasks, { photos: 1, located: true }).length, 0);
  assert.equal(evidenceIssues("NOON", items, tasks, { photos: 0, located: false }).length, 0);
  assert.equal(evidenceIssues("EVENING", [{ ...items[0], outcome: "OPEN" }], tasks, { photos: 0, located: false }).length, 0);
});

test("the slot's text is composed from its items, and the note comes back out of it", () => {
  const items = [
    item("a", "拆除东街违建", { carriedFromId: "y1", outcome: "DONE", progressValue: 5 }),
    item("b", "召开调度会", { outcome: "OPEN", reason: "改期" }),
  ];
  const morning = composeSlotText("MORNING", items, "班子成员分头到一线。");
  assert.equal(morning, "今日计划：1.拆除东街违建（昨日未完成，继续推进）；2.召开调度会。\n班子成员分头到一线。");
  assert.equal(noteOf(morning), "班子成员分头到一线。");
  assert.equal(
    composeSlotText("EVENING", items, "", () => "户"),
    "今日完成1/2项：1.拆除东街违建，完成5户 ✓；2.召开调度会 ?（改期）。",
  );
  assert.equal(noteOf(composeSlotText("NOON", [], "上午在现场")), "上午在现场");
  assert.equal(noteOf("今日主要工作：一、二。"), "");
});

// ─── Task progress ──────────────────────────────────────────────────────────

test("an evening amount raises the task and its cumulative milestones, and derives their status", () => {
  const task = { target: 120, valueReached: 58, deadline: "2026-12-31" };
  const milestones = [
    { id: "m1", target: 60, valueReached: 58, dueDate: "2026-11-30", status: "IN_PROGRESS" as const },
    { id: "m2", target: 120, valueReached: 58, dueDate: "2026-12-31", status: "IN_PROGRESS" as const },
  ];
  const change = applyTaskProgress(task, milestones, 5, "2026-11-27");
  assert.deepEqual(change.task, { valueReached: 63, status: "IN_PROGRESS" });
  assert.deepEqual(change.milestones, [
    { id: "m1", valueReached: 60, status: "DONE" },
    { id: "m2", valueReached: 63, status: "IN_PROGRESS" },
  ]);
  assert.deepEqual(applyTaskProgress(task, milestones, 62, "2026-11-27").task, { valueReached: 120, status: "DONE" });
  assert.equal(applyTaskProgress(task, milestones, -100, "2026-11-27").task.valueReached, 0);
});

test("下一节点 is the earliest milestone not reached and not past; past unreached ones are counted", () => {
  const m = (id: string, dueDate: string, target: number, valueReached: number) => ({ id, title: id, dueDate, target, valueReached });
  const milestones = [m("may", "2026-05-31", 30, 10), m("sep", "2026-09-30", 60, 60), m("dec", "2026-12-31", 120, 58), m("nov", "2026-11-30", 90, 58)];
  assert.deepEqual(nextMilestone(milestones, "2026-11-30"), { next: milestones[3], overdue: 1 });
  assert.deepEqual(nextMilestone(milestones, "2026-12-01"), { next: milestones[2], overdue: 2 });
  assert.deepEqual(nextMilestone(milestones, "2027-01-01"), { next: null, overdue: 3 });
  assert.deepEqual(nextMilestone([m("done", "2026-12-31", 5, 5)], "2026-11-30"), { next: null, overdue: 0 });
});
