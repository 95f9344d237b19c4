/**
 * The seed against a real migrated SQLite file: the organisation the demo and
 * the e2e tests rely on, the history, and idempotence (a second run changes no
 * table's row count).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { verifyPassword } from "@/lib/auth/password";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { addDays, districtInstant, districtToday, quarterOf } from "@/lib/time";
import { countAll, seed } from "./seed";
import { EXCLUDED_UNITS } from "./seed/assessment";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS_WITHOUT_TODAY } from "./seed/demo-accounts";
import { deriveStatus } from "./seed/tasks";
import { UNIT_CARD, unitOf } from "@/lib/reports/card-owner";

// Today at 15:00 in the district: today's morning reports exist whatever the hour the suite runs.
const today = districtToday();
const now = districtInstant(today, "15:00");
const yesterday = addDays(today, -1);
const year = Number(today.slice(0, 4));

let t: TestDb;
let firstCounts: Record<string, number>;
// The evidence photos go to a folder of this run, never to data/photos.
const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-seed-photos-"));

before(async () => {
  t = await createTestDb();
  firstCounts = (await seed(t.db, { now, photoDir })).counts;
});

after(async () => {
  await t?.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

test("seeds Yongnian's 17 townships and 96 departments", async () => {
  assert.equal(await t.db.unit.count({ where: { kind: "TOWN" } }), 17);
  assert.equal(await t.db.unit.count({ where: { kind: "DEPARTMENT" } }), 96);
  const seat = await t.db.unit.findUnique({ where: { name: "临洺关镇" } });
  assert.equal(seat?.code, "130408100");
  assert.ok(await t.db.unit.findUnique({ where: { name: "区交运局" } }));
});

test("seeds the slot deadlines", async () => {
  const settings = Object.fromEntries((await t.db.setting.findMany()).map((s) => [s.key, s.value]));
  assert.equal(settings["slot.morning.deadline"], "09:30");
  assert.equal(settings["slot.noon.deadline"], "13:30");
  assert.equal(settings["slot.evening.deadline"], "21:00");
});

test("seeds leaders, lines and 16 command centres, each led by a leader", async () => {
  const leaders = await t.db.user.findMany({ where: { role: "LEADER" }, include: { ledLines: true } });
  assert.ok(leaders.length >= 10);
  for (const leader of leaders) assert.ok(leader.ledLines.length >= 1, `${leader.name} leads no line`);
  assert.equal(await t.db.line.count({ where: { kind: "COMMAND_CENTRE" } }), 16);
  assert.equal(await t.db.line.count({ where: { kind: "COMMAND_CENTRE", leaderId: null } }), 0);
  assert.ok((await t.db.line.count({ where: { kind: "LINE" } })) >= 12);
  assert.ok((await t.db.lineUnit.count()) > 100);
});

test("seeds 10 key tasks, each with its assessment group, members and a 100-point rubric", async () => {
  assert.equal(await t.db.keyTask.count(), 10);
  const groups = await t.db.assessmentGroup.findMany({
    include: { members: { include: { user: true } }, units: true, rubricItems: { where: { year } }, keyTask: true },
  });
  assert.equal(groups.length, 10);
  for (const group of groups) {
    assert.ok(group.members.length >= 2 && group.members.length <= 4, `${group.name}: ${group.members.length} members`);
    for (const m of group.members) assert.equal(m.user.role, "ASSESSOR");
    assert.ok(group.units.length >= 4, `${group.name} has no scope`);
    assert.equal(
      group.rubricItems.reduce((sum, r) => sum + r.maxPoints, 0),
      100,
      `${group.name} rubric`,
    );
  }
  const investment = groups.find((g) => g.keyTask.name === "招商引资");
  assert.ok(investment?.members.some((m) => m.user.username === "assessor"));
});

test("seeds the six work channels with their units", async () => {
  const channels = await t.db.channel.findMany({ include: { _count: { select: { units: true } } } });
  assert.deepEqual(
    channels.map((c) => c.name).sort(),
    ["区级领导干部工作群", "乡镇书记镇长工作群", "区直部门工作群", "重点项目建设群", "美丽乡村建设群", "化解信访积案群"].sort(),
  );
  const byName = new Map(channels.map((c) => [c.name, c._count.units]));
  assert.equal(byName.get("乡镇书记镇长工作群"), 17);
  assert.equal(byName.get("区直部门工作群"), 96);
  for (const c of channels) assert.ok(c._count.units > 0, `${c.name} has no units`);
});

test("the 12 district leaders are members of 区级领导干部工作群；the other channels hold the leaders of their lines", async () => {
  const channels = await t.db.channel.findMany({ include: { members: { include: { user: { select: { role: true, username: true } } } } } });
  const members = new Map(channels.map((c) => [c.code, c.members.map((m) => m.user)]));
  const leaders = members.get("leaders")!;
  assert.equal(leaders.length, 12);
  assert.ok(leaders.every((u) => u.role === "LEADER"));
  for (const c of channels) assert.ok(c.members.length > 0 && c.members.length <= 12, `${c.name} has ${c.members.length} leaders`);
  // 美丽乡村 is led by leader-11 (line and command centre); 信访稳定 by leader-07.
  assert.ok(members.get("villages")!.some((u) => u.username === "leader-11"));
  assert.ok(members.get("petitions")!.some((u) => u.username === "leader-07"));
  assert.ok(!members.get("villages")!.some((u) => u.username === "leader-07"));
  const seats = await t.db.unit.findMany({ where: { seatPlace: null } });
  assert.equal(seats.length, 0, "every unit has its seat");
});

test("each of the 12 leaders has their own cards: three days of morning 点名 and evening report, and today's morning", async () => {
  const cards = await t.db.reportCard.findMany({ where: { leaderId: { not: null } }, include: { slots: true, leader: { select: { role: true } } } });
  assert.ok(cards.every((c) => c.unitId === null && c.leader?.role === "LEADER"));
  assert.equal(new Set(cards.map((c) => c.leaderId)).size, 12);
  assert.equal(cards.filter((c) => c.date === yesterday).length, 12);
  assert.ok(cards.filter((c) => c.date === yesterday).every((c) => c.slots.some((s) => s.slot === "EVENING" && s.place)));
  assert.ok(cards.filter((c) => c.date === today).every((c) => c.slots.map((s) => s.slot).join() === "MORNING"));
  const anomalies = await t.db.anomaly.count({ where: { slot: { card: { leaderId: { not: null } } } } });
  assert.equal(anomalies, 0, "a leader's card is never anomaly-checked");
});

test("seeds the demo accounts with their roles and units, all with the demo password", async () => {
  for (const account of DEMO_ACCOUNTS) {
    const user = await t.db.user.findUnique({ where: { username: account.username }, include: { unit: true } });
    assert.ok(user, `${account.username} missing`);
    assert.equal(user.role, account.role, account.username);
    assert.equal(user.unit?.name ?? undefined, "unitName" in account ? account.unitName : undefined, account.username);
    assert.ok(await verifyPassword(DEMO_PASSWORD, user.passwordHash), `${account.username} password`);
  }
  // One hash, reused: a seed run costs one argon2id hash, not hundreds.
  const hashes = await t.db.user.groupBy({ by: ["passwordHash"] });
  assert.equal(hashes.length, 1);
  assert.ok((await t.db.user.count({ where: { role: "ADMIN" } })) >= 3);
});

test("every unit has a head, a reporter and this year's tasks with milestones", async () => {
  const units = await t.db.unit.findMany({
    include: { users: true, tasks: { where: { year }, include: { milestones: true } } },
  });
  for (const unit of units) {
    assert.equal(unit.users.filter((u) => u.role === "UNIT_HEAD").length, 1, `${unit.name} head`);
    assert.equal(unit.users.filter((u) => u.role === "REPORTER").length, 1, `${unit.name} reporter`);
    assert.ok(unit.tasks.length >= 3 && unit.tasks.length <= 6, `${unit.name}: ${unit.tasks.length} tasks`);
    for (const task of unit.tasks) {
      assert.equal(task.status, deriveStatus(task.valueReached, task.target, task.deadline, today), task.title);
      assert.ok(task.milestones.length >= 2 && task.milestones.length <= 4, task.title);
      for (const m of task.milestones) assert.ok(m.dueDate <= task.deadline, `${task.title}: ${m.title}`);
      assert.ok(task.responsibleLeaderId, task.title);
    }
  }
});

test("seeds three weeks of cards up to yesterday, and today's morning for about half the units", async () => {
  const yesterdayCards = await t.db.reportCard.count({ where: { date: yesterday } });
  assert.ok(yesterdayCards >= 100, `only ${yesterdayCards} cards yesterday`);
  const todayCards = await t.db.reportCard.findMany({ where: { date: today, ...UNIT_CARD }, include: { slots: true, unit: true } });
  assert.ok(todayCards.length >= 30 && todayCards.length <= 83, `${todayCards.length} cards today`);
  for (const card of todayCards) {
    assert.deepEqual(
      card.slots.map((s) => s.slot),
      ["MORNING"],
    );
    assert.ok(!(DEMO_UNITS_WITHOUT_TODAY as readonly string[]).includes(unitOf(card).name));
  }
  assert.ok((await t.db.reportCard.count({ where: { date: addDays(today, -21) } })) >= 100);
  assert.equal(await t.db.reportCard.count({ where: { date: { lt: addDays(today, -21) } } }), 0);

  const slots = await t.db.reportSlot.count();
  const late = await t.db.reportSlot.count({ where: { late: true } });
  assert.ok(late / slots > 0.03 && late / slots < 0.15, `late share ${late / slots}`);
  assert.ok((await t.db.reportItem.count({ where: { carriedFromId: { not: null } } })) > 0);
  assert.ok((await t.db.reportItem.count({ where: { outcome: "OPEN", reason: null } })) === 0);
});

test("seeds instructions, one open on a 临洺关镇 card, bulletins and orders", async () => {
  const open = await t.db.instruction.findFirst({ where: { answeredAt: null, card: { unit: { name: "临洺关镇" } } } });
  assert.ok(open);
  assert.ok((await t.db.instruction.count({ where: { answeredAt: { not: null } } })) > 0);
  assert.ok((await t.db.workLogItem.count({ where: { user: { username: "town-reporter" } } })) > 0);

  const bulletins = await t.db.bulletin.findMany({ where: { year, status: "PUBLISHED" }, orderBy: { number: "asc" }, include: { items: true } });
  assert.ok(bulletins.length >= 1);
  bulletins.forEach((b, i) => {
    assert.equal(b.number, i + 1);
    assert.equal(b.title, `要情快讯 第${i + 1}期`);
    assert.ok(b.items.length > 0);
  });
  const counter = await t.db.counter.findUnique({ where: { key: `bulletin:${year}` } });
  assert.equal(counter?.value, bulletins.length);

  assert.equal(await t.db.quarter.count({ where: { year } }), 4);
  const rule = await t.db.scoringRule.findUnique({ where: { year }, include: { vetoItems: true } });
  assert.deepEqual(rule?.vetoItems.map((v) => v.name).sort(), ["重大安全生产事故", "重大违法用地案件"].sort());
  const orders = await t.db.supervisionOrder.findMany({ include: { unit: true } });
  assert.ok(orders.length >= 3 && orders.length <= 4);
  for (const o of orders) assert.equal(o.unit.kind, "TOWN");
  // Overdue: past its deadline and not yet 办结 (ACCEPTED) — whether or not the unit has signed for it.
  assert.ok(
    orders.some((o) => o.status !== "ACCEPTED" && o.deadline < now),
    "an overdue order",
  );
});

test("seeds evidence photos on disk and flags of every kind for the office", async () => {
  const photos = await t.db.photo.findMany({ where: { storageKey: { startsWith: "seed/evidence/" } } });
  assert.ok(photos.length >= 30, `${photos.length} evidence photos`);
  for (const p of photos.slice(0, 3)) assert.ok(fs.existsSync(path.join(photoDir, p.storageKey)) && fs.existsSync(path.join(photoDir, p.thumbKey)));
  const kinds = await t.db.anomaly.groupBy({ by: ["kind"], _count: true });
  assert.deepEqual(kinds.map((k) => k.kind).sort(), ["COPIED_TEXT", "EXIF_TIME", "LOCATION", "RECYCLED_PHOTO"]);
  // A labelled recycled photo: 讲武镇's report of yesterday shows 刘营镇's photo of four days before.
  const flagged = await t.db.anomaly.findFirst({
    where: { kind: "RECYCLED_PHOTO", slot: { card: { date: yesterday, unit: { name: "讲武镇" } } } },
    include: { relatedSlot: { include: { card: { include: { unit: true } } } } },
  });
  assert.equal(flagged?.relatedSlot?.card.unit?.name, "刘营镇");
  assert.equal(flagged?.relatedSlot?.card.date, addDays(yesterday, -3));
});

test("closes this year's ended quarters with flags passing; a yellow flag repeats; the current quarter stays open", async () => {
  const current = quarterOf(today).number;
  const quarters = await t.db.quarter.findMany({ where: { year }, orderBy: { number: "asc" } });
  for (const q of quarters) {
    assert.equal(q.status, q.number < current ? "CLOSED" : "OPEN", `Q${q.number}`);
    if (q.number >= current) continue;
    assert.equal(q.version, 1);
    assert.equal(await t.db.quarterScore.count({ where: { quarterId: q.id, version: 1 } }), 113);
    assert.equal(await t.db.flag.count({ where: { quarterId: q.id } }), 12, `Q${q.number}: 3 red and 3 yellow of each kind`);
  }
  const held = await t.db.flag.findMany({ where: { passedAt: null }, include: { quarter: true } });
  if (current > 1)
    assert.ok(
      held.every((f) => f.quarter.number === current - 1),
      "only the last closed quarter's flags are held",
    );
  if (current > 2) {
    assert.ok((await t.db.flag.count({ where: { passedAt: { not: null } } })) > 0, "earlier flags have passed on");
    assert.ok(await t.db.flag.findFirst({ where: { color: "YELLOW", streak: { gte: 2 }, escalation: "约谈" } }), "a unit with consecutive yellow flags");
  }
  const investment = await t.db.assessmentGroup.findFirstOrThrow({ where: { keyTask: { name: "招商引资" } } });
  const open = quarters.find((q) => q.number === current)!;
  assert.equal(await t.db.groupScore.count({ where: { quarterId: open.id, groupId: investment.id } }), 0, "the demo assessor's group has scoring to do");
  assert.ok((await t.db.groupScore.count({ where: { quarterId: open.id, status: "SUBMITTED" } })) > 100);
});

test("departments separate: no tie at 100 among more than 2 of them; the offices that run the assessment are listed, not ranked", async () => {
  const closed = await t.db.quarter.findMany({ where: { year, status: "CLOSED" } });
  const excluded = await t.db.unit.findMany({ where: { name: { in: EXCLUDED_UNITS } }, select: { id: true } });
  assert.equal(excluded.length, 3);
  for (const q of closed) {
    const rows = await t.db.quarterScore.findMany({
      where: { quarterId: q.id, version: q.version, kind: "DEPARTMENT" },
      select: { unitId: true, total: true, rank: true },
    });
    const ranked = rows.filter((r) => r.rank > 0);
    assert.ok(ranked.filter((r) => r.total === 100).length <= 2, `Q${q.number}: departments at 100`);
    // The top three are not settled by a tie: no rank above 4th shared by more than 2 departments.
    const top = ranked.filter((r) => r.rank <= 3);
    assert.ok(top.length <= 4, `Q${q.number}: ${top.length} departments share the top three places`);
    for (const e of excluded) assert.equal(rows.find((r) => r.unitId === e.id)?.rank, 0, `Q${q.number}: an excluded office is ranked`);
  }
  // Every assessed department is in some assessment group's scope.
  const uncovered = await t.db.unit.count({ where: { kind: "DEPARTMENT", id: { notIn: excluded.map((e) => e.id) }, groups: { none: {} } } });
  assert.equal(uncovered, 0);
});

test("a second run changes no table's row count", async () => {
  const second = await seed(t.db, { now, photoDir });
  assert.deepEqual(second.counts, firstCounts);
  assert.deepEqual(await countAll(t.db), firstCounts);
});

test("seeds across a year boundary (early January)", async () => {
  const other = await createTestDb();
  try {
    const january = districtInstant(`${year + 1}-01-02`, "15:00");
    const { counts } = await seed(other.db, { now: january, photoDir });
    assert.equal(counts.Quarter, 4);
    assert.ok(counts.ReportCard > 21 * 100);
    assert.equal(await other.db.task.count({ where: { year: year + 1, status: "OVERDUE" } }), 0);
    assert.deepEqual((await seed(other.db, { now: january, photoDir })).counts, counts);
  } finally {
    await other.cleanup();
  }
});

test("seeds published commitments （two versions for 广府镇），none for 临洺关镇", async () => {
  const rows = await t.db.commitment.findMany({ include: { unit: true, pledges: { include: { tasks: { include: { task: true } } } } } });
  assert.ok(rows.length >= 5);
  assert.ok(rows.every((c) => c.status === "PUBLISHED" && c.publishedAt));
  assert.equal(rows.filter((c) => c.unit.name === "临洺关镇").length, 0);
  assert.deepEqual(
    rows
      .filter((c) => c.unit.name === "广府镇")
      .map((c) => c.version)
      .sort(),
    [1, 2],
  );
  // Pledges link only to the unit's own tasks.
  for (const c of rows) for (const p of c.pledges) for (const link of p.tasks) assert.equal(link.task.unitId, c.unitId);
});

test("every seeded value has its progress history: the events of each task and milestone add up to its value", async () => {
  const [tasks, milestones, events] = await Promise.all([
    t.db.task.findMany({ select: { id: true, valueReached: true } }),
    t.db.milestone.findMany({ select: { id: true, valueReached: true } }),
    t.db.progressEvent.findMany({ select: { taskId: true, milestoneId: true, delta: true, date: true } }),
  ]);
  const sums = new Map<string, number>();
  for (const e of events) {
    const key = e.milestoneId ?? e.taskId;
    sums.set(key, (sums.get(key) ?? 0) + e.delta);
    assert.ok(e.date < today, "history ends before today");
  }
  for (const row of [...tasks, ...milestones])
    assert.ok(Math.abs((sums.get(row.id) ?? 0) - row.valueReached) < 1e-6, `${row.id}: ${sums.get(row.id)} ≠ ${row.valueReached}`);
  assert.ok(events.length > tasks.length, "several steps per task");
});

test("every seeded slot has its versions, and every check, bulletin item and flag the version it saw", async () => {
  assert.equal(await t.db.reportSlot.count({ where: { versions: { none: {} } } }), 0);
  assert.ok((await t.db.reportVersion.count({ where: { number: 1, kind: "SUBMIT" } })) > 0);
  assert.equal(await t.db.spotCheck.count({ where: { versionId: null } }), 0);
  assert.equal(await t.db.bulletinItem.count({ where: { versionId: null } }), 0);
  assert.equal(await t.db.anomaly.count({ where: { versionId: null } }), 0);
});

test("keeps 永合会镇's photo-and-place task short of its target before its deadline (the card-traps e2e reports on it)", async () => {
  const task = await t.db.task.findFirstOrThrow({ where: { unit: { name: "永合会镇" }, requiresPhoto: true }, include: { milestones: true } });
  assert.ok(task.deadline >= today);
  assert.ok(task.valueReached < task.target, `${task.valueReached} of ${task.target}`);
  assert.notEqual(task.status, "DONE");
  assert.ok(
    task.milestones.some((m) => m.dueDate >= today && m.valueReached < m.target),
    "an open milestone ahead",
  );
});
