/**
 * Withdrawing and correcting group scores, 加减分 and vetoes against a real
 * migrated database: a new version each time (the old one unchanged), only by
 * whoever made the record, only while the quarter is open, and the score's
 * inputs read only the version in force.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import {
  FORBIDDEN,
  NOT_YOURS_ADJUSTMENT,
  STALE,
  addAdjustment,
  addUnitVeto,
  correctAdjustment,
  correctGroupScore,
  correctVeto,
  saveGroupScore,
  withdrawAdjustment,
  withdrawGroupScore,
  withdrawVeto,
} from "@/lib/assessment/writes";
import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { messageOf } from "@/lib/testing/results";
import { districtInstant } from "@/lib/time";

let t: TestDb;
let db: Db;
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};
const NOW = districtInstant("2026-08-20", "10:00");

async function person(key: string, role: Role, unitId: string | null = null) {
  const u = await db.user.create({ data: { username: key, name: key, passwordHash: "x", role, unitId } });
  users[key] = { id: u.id, username: key, name: key, role, unitId, unitName: null, groupIds: [], sessionId: null };
}

before(async () => {
  t = await createTestDb();
  db = t.db;
  ids.A = (await db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 1, createdAt: districtInstant("2025-01-01") } })).id;
  ids.B = (await db.unit.create({ data: { code: "B", name: "乙镇", kind: "TOWN", sortOrder: 2, createdAt: districtInstant("2025-01-01") } })).id;
  for (const [key, role] of [
    ["admin", "ADMIN"],
    ["admin2", "ADMIN"],
    ["leader", "LEADER"],
    ["leader2", "LEADER"],
    ["assessor", "ASSESSOR"],
    ["assessor2", "ASSESSOR"],
    ["outsider", "ASSESSOR"],
  ] as const)
    await person(key, role);
  await person("head", "UNIT_HEAD", ids.A);
  const rule = await db.scoringRule.create({ data: { year: 2026 } });
  ids.item1 = (await db.vetoItem.create({ data: { ruleId: rule.id, name: "重大安全生产事故" } })).id;
  ids.item2 = (await db.vetoItem.create({ data: { ruleId: rule.id, name: "重大违法用地" } })).id;
  ids.Q2 = (await db.quarter.create({ data: { year: 2026, number: 2, status: "CLOSED", version: 1 } })).id;
  ids.Q3 = (await db.quarter.create({ data: { year: 2026, number: 3 } })).id;
  const keyTask = await db.keyTask.create({ data: { code: "KT", name: "招商引资" } });
  const group = await db.assessmentGroup.create({ data: { name: "招商引资组", keyTaskId: keyTask.id } });
  ids.group = group.id;
  await db.assessmentGroupMember.createMany({
    data: [
      { groupId: group.id, userId: users.assessor.id },
      { groupId: group.id, userId: users.assessor2.id },
    ],
  });
  await db.assessmentGroupUnit.create({ data: { groupId: group.id, unitId: ids.A } });
  const otherTask = await db.keyTask.create({ data: { code: "KT2", name: "项目建设" } });
  const other = await db.assessmentGroup.create({ data: { name: "其他组", keyTaskId: otherTask.id } });
  await db.assessmentGroupMember.create({ data: { groupId: other.id, userId: users.outsider.id } });
  await db.assessmentGroupUnit.create({ data: { groupId: other.id, unitId: ids.A } });
  ids.r1 = (await db.rubricItem.create({ data: { groupId: group.id, year: 2026, name: "签约", maxPoints: 60, sortOrder: 1 } })).id;
  ids.r2 = (await db.rubricItem.create({ data: { groupId: group.id, year: 2026, name: "落地", maxPoints: 40, sortOrder: 2 } })).id;
});

after(async () => {
  await t?.cleanup();
});

async function inputsOf(unit: string) {
  const rows = await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2026, number: 3 }, NOW));
  return rows.find((r) => r.unit.id === ids[unit])!;
}

const scoreFields = (p1: string, p2: string, c1 = "", c2 = "") => ({
  [`points_${ids.r1}`]: p1,
  [`points_${ids.r2}`]: p2,
  [`comment_${ids.r1}`]: c1,
  [`comment_${ids.r2}`]: c2,
});
const scoreKey = () => ({ groupId: ids.group, unitId: ids.A, quarterId: ids.Q3 });

test("a submitted group score is corrected and withdrawn as new versions; the inputs read only the one in force", async () => {
  const submitted = await saveGroupScore(db, users.assessor, { ...scoreKey(), intent: "submit", ...scoreFields("60", "40") });
  assert.equal(submitted.ok, true, messageOf(submitted));
  const v1 = await db.groupScore.findFirstOrThrow({ where: { unitId: ids.A }, include: { items: true } });
  assert.equal(
    (await inputsOf("A")).groupScores[0].items.reduce((s, i) => s + i.points, 0),
    100,
  );

  const again = await saveGroupScore(db, users.assessor, { ...scoreKey(), intent: "submit", ...scoreFields("50", "40", "慢") });
  assert.equal(again.ok, false, "a submitted score is not overwritten by the form");

  // Another member of the group corrects it; a deduction still needs its reason.
  const missing = await correctGroupScore(db, users.assessor2, { ...scoreKey(), scoreId: v1.id, changeReason: "签约数核减", ...scoreFields("50", "40") });
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok && missing.fieldErrors?.[`comment_${ids.r1}`]);
  const corrected = await correctGroupScore(db, users.assessor2, {
    ...scoreKey(),
    scoreId: v1.id,
    changeReason: "签约数核减",
    ...scoreFields("50", "40", "一个项目未签"),
  });
  assert.equal(corrected.ok, true, messageOf(corrected));

  const versions = await db.groupScore.findMany({ where: { unitId: ids.A }, orderBy: { version: "asc" }, include: { items: true } });
  assert.deepEqual(
    versions.map((v) => [v.version, v.status, v.withdrawn, v.changeReason]),
    [
      [1, "SUBMITTED", false, null],
      [2, "SUBMITTED", false, "签约数核减"],
    ],
  );
  assert.deepEqual(versions[0].items.map((i) => i.points).sort(), v1.items.map((i) => i.points).sort(), "the old version is kept as it was");
  let inputs = await inputsOf("A");
  assert.equal(inputs.groupScores.length, 1, "one score per group counts");
  assert.equal(inputs.groupScores[0].id, versions[1].id);
  assert.equal(
    inputs.groupScores[0].items.reduce((s, i) => s + i.points, 0),
    90,
  );

  // The replaced version cannot be corrected again (stale page).
  const stale = await correctGroupScore(db, users.assessor, { ...scoreKey(), scoreId: v1.id, changeReason: "再次更正", ...scoreFields("60", "40") });
  assert.deepEqual(stale, { ok: false, status: 409, message: STALE });

  const withdrawn = await withdrawGroupScore(db, users.assessor, { ...scoreKey(), scoreId: versions[1].id, changeReason: "评分对象有误" });
  assert.equal(withdrawn.ok, true, messageOf(withdrawn));
  inputs = await inputsOf("A");
  assert.deepEqual(inputs.groupScores, [], "a withdrawn score never counts");

  // After a withdrawal the group scores again: a new version.
  const rescored = await saveGroupScore(db, users.assessor, { ...scoreKey(), intent: "submit", ...scoreFields("55", "40", "进度偏慢") });
  assert.equal(rescored.ok, true, messageOf(rescored));
  assert.equal(await db.groupScore.count({ where: { unitId: ids.A } }), 4);
  assert.equal(
    (await inputsOf("A")).groupScores[0].items.reduce((s, i) => s + i.points, 0),
    95,
  );

  const entries = await db.auditLog.findMany({ where: { entity: "GroupScore" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    entries.map((e) => e.action),
    ["groupScore.submit", "groupScore.correct", "groupScore.withdraw", "groupScore.submit"],
  );
  assert.ok(
    entries.every((e) => e.unitId === ids.A),
    "each entry names its unit",
  );
  assert.match(entries[1].after!, /签约数核减/);
});

test("only the group's members may withdraw or correct its score", async () => {
  const current = await db.groupScore.findFirstOrThrow({ where: { unitId: ids.A, next: { is: null } } });
  for (const user of [users.outsider, users.leader, users.admin, users.head]) {
    const withdraw = await withdrawGroupScore(db, user, { ...scoreKey(), scoreId: current.id, changeReason: "无权撤回" });
    assert.deepEqual(withdraw, { ok: false, status: 403, message: FORBIDDEN }, user.username);
    const correct = await correctGroupScore(db, user, { ...scoreKey(), scoreId: current.id, changeReason: "无权更正", ...scoreFields("60", "40") });
    assert.deepEqual(correct, { ok: false, status: 403, message: FORBIDDEN }, user.username);
  }
  assert.equal(await db.groupScore.count({ where: { unitId: ids.A } }), 4, "nothing was written");
});

test("a leader's 加减分 is withdrawn or corrected by that leader only; the office's by the office", async () => {
  assert.equal((await addAdjustment(db, users.leader, { quarterId: ids.Q3, unitId: ids.B, points: 2, reason: "承办现场会" })).ok, true);
  const first = await db.scoreAdjustment.findFirstOrThrow({ where: { unitId: ids.B } });
  for (const user of [users.leader2, users.admin]) {
    assert.deepEqual(await withdrawAdjustment(db, user, { adjustmentId: first.id, changeReason: "不是我记的" }), {
      ok: false,
      status: 403,
      message: NOT_YOURS_ADJUSTMENT,
    });
  }
  for (const user of [users.assessor, users.head]) {
    assert.deepEqual(await correctAdjustment(db, user, { adjustmentId: first.id, points: 1, reason: "改分", changeReason: "无权" }), {
      ok: false,
      status: 403,
      message: FORBIDDEN,
    });
  }

  const corrected = await correctAdjustment(db, users.leader, {
    adjustmentId: first.id,
    points: 1.5,
    reason: "承办现场会（半天）",
    changeReason: "会期只有半天",
  });
  assert.equal(corrected.ok, true, messageOf(corrected));
  let inputs = await inputsOf("B");
  assert.deepEqual(
    inputs.adjustments.map((a) => [a.points, a.reason]),
    [[1.5, "承办现场会（半天）"]],
  );
  const kept = await db.scoreAdjustment.findUniqueOrThrow({ where: { id: first.id } });
  assert.deepEqual([kept.points, kept.reason, kept.withdrawn], [2, "承办现场会", false], "the first version is unchanged");

  const current = await db.scoreAdjustment.findFirstOrThrow({ where: { unitId: ids.B, next: { is: null } } });
  assert.equal((await withdrawAdjustment(db, users.leader, { adjustmentId: current.id, changeReason: "市里未认可" })).ok, true);
  inputs = await inputsOf("B");
  assert.deepEqual(inputs.adjustments, []);
  assert.equal(await db.scoreAdjustment.count({ where: { unitId: ids.B } }), 3, "every version is kept");

  // The office's own 加减分: any member of the office may change it.
  assert.equal((await addAdjustment(db, users.admin, { quarterId: ids.Q3, unitId: ids.B, points: -1, reason: "信息报送迟缓" })).ok, true);
  const office = await db.scoreAdjustment.findFirstOrThrow({ where: { unitId: ids.B, createdById: users.admin.id } });
  assert.deepEqual(await withdrawAdjustment(db, users.leader, { adjustmentId: office.id, changeReason: "领导撤回" }), {
    ok: false,
    status: 403,
    message: NOT_YOURS_ADJUSTMENT,
  });
  assert.equal((await withdrawAdjustment(db, users.admin2, { adjustmentId: office.id, changeReason: "核实后撤回" })).ok, true);
  assert.deepEqual((await inputsOf("B")).adjustments, []);
});

test("a veto is corrected and withdrawn by the office only, as new versions", async () => {
  assert.equal((await addUnitVeto(db, users.admin, { quarterId: ids.Q3, unitId: ids.B, vetoItemId: ids.item1, reason: "8月3日较大事故" })).ok, true);
  const first = await db.unitVeto.findFirstOrThrow({ where: { unitId: ids.B } });
  for (const user of [users.leader, users.assessor, users.head]) {
    assert.deepEqual(await withdrawVeto(db, user, { vetoId: first.id, changeReason: "无权撤回" }), { ok: false, status: 403, message: FORBIDDEN });
  }
  const corrected = await correctVeto(db, users.admin2, { vetoId: first.id, vetoItemId: ids.item2, reason: "违法占地 30 亩", changeReason: "事项选错" });
  assert.equal(corrected.ok, true, messageOf(corrected));
  assert.deepEqual(
    (await inputsOf("B")).vetoes.map((v) => [v.item, v.reason]),
    [["重大违法用地", "违法占地 30 亩"]],
  );

  const current = await db.unitVeto.findFirstOrThrow({ where: { unitId: ids.B, next: { is: null } } });
  assert.deepEqual(await withdrawVeto(db, users.admin, { vetoId: first.id, changeReason: "撤回旧版" }), { ok: false, status: 409, message: STALE });
  assert.equal((await withdrawVeto(db, users.admin, { vetoId: current.id, changeReason: "经复核不属一票否决" })).ok, true);
  assert.deepEqual((await inputsOf("B")).vetoes, []);
  const audits = await db.auditLog.findMany({ where: { entity: "UnitVeto" }, select: { action: true, unitId: true } });
  assert.deepEqual(audits.map((a) => a.action).sort(), ["unitVeto.correct", "unitVeto.create", "unitVeto.withdraw"]);
  assert.ok(audits.every((a) => a.unitId === ids.B));
});

test("a closed quarter's records are never withdrawn or corrected: refused with the office's path", async () => {
  const adjustment = await db.scoreAdjustment.create({
    data: { quarterId: ids.Q2, unitId: ids.A, points: 3, reason: "省级表彰", createdById: users.leader.id },
  });
  const veto = await db.unitVeto.create({ data: { quarterId: ids.Q2, unitId: ids.A, vetoItemId: ids.item1, reason: "事故", createdById: users.admin.id } });
  const score = await db.groupScore.create({
    data: {
      quarterId: ids.Q2,
      groupId: ids.group,
      unitId: ids.A,
      assessorId: users.assessor.id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      items: {
        create: [
          { rubricItemId: ids.r1, points: 60 },
          { rubricItemId: ids.r2, points: 40 },
        ],
      },
    },
  });

  const a = await withdrawAdjustment(db, users.leader, { adjustmentId: adjustment.id, changeReason: "关闭后撤回" });
  assert.equal(a.ok, false);
  assert.match(messageOf(a), /2026年第二季度已关闭.*督查室另记一笔加减分.*“季度”页面更正/);
  const c = await correctAdjustment(db, users.leader, { adjustmentId: adjustment.id, points: 1, reason: "改分", changeReason: "关闭后更正" });
  assert.equal(c.ok, false);
  assert.match(messageOf(await withdrawVeto(db, users.admin, { vetoId: veto.id, changeReason: "关闭后撤回" })), /已关闭，得分已冻结/);
  const s = await correctGroupScore(db, users.assessor, {
    groupId: ids.group,
    unitId: ids.A,
    quarterId: ids.Q2,
    scoreId: score.id,
    changeReason: "关闭后更正",
    ...scoreFields("60", "40"),
  });
  assert.match(messageOf(s), /已关闭，得分已冻结，评分不能再撤回或更正/);
  assert.equal(await db.scoreAdjustment.count({ where: { quarterId: ids.Q2 } }), 1);
  assert.equal(await db.unitVeto.count({ where: { quarterId: ids.Q2 } }), 1);
  assert.equal(await db.groupScore.count({ where: { quarterId: ids.Q2 } }), 1);
});

test("two corrections of the same version at once: one wins, the other is told to reload", async () => {
  assert.equal((await addAdjustment(db, users.leader, { quarterId: ids.Q3, unitId: ids.A, points: 1, reason: "并发测试" })).ok, true);
  const row = await db.scoreAdjustment.findFirstOrThrow({ where: { unitId: ids.A, reason: "并发测试" } });
  const results = await Promise.all([
    correctAdjustment(db, users.leader, { adjustmentId: row.id, points: 2, reason: "并发测试一", changeReason: "第一次更正" }),
    correctAdjustment(db, users.leader, { adjustmentId: row.id, points: 3, reason: "并发测试二", changeReason: "第二次更正" }),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
  assert.deepEqual(
    results.find((r) => !r.ok),
    { ok: false, status: 409, message: STALE },
  );
  assert.equal(await db.scoreAdjustment.count({ where: { previousId: row.id } }), 1);
});
