/**
 * The office's writes of a year's rules and veto items (lib/assessment/writes.ts): one transaction
 * with its audit entry each, the office only, only existing units left unranked, a used veto item
 * kept. On SQLite and (npm test) PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { scoringRuleInput, vetoItemInput, vetoItemRemoveInput } from "@/lib/assessment/schemas";
import { FORBIDDEN, addVetoItem, removeVetoItem, saveScoringRules } from "@/lib/assessment/writes";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSessionUser } from "@/lib/testing/users";

const t = testDbForFile();

const rules = (year: number) =>
  scoringRuleInput.parse({
    year,
    weightTasks: 40,
    weightGroups: 40,
    weightSpotChecks: 10,
    weightOrders: 10,
    weightTimeliness: 0,
    redFlagCount: 3,
    yellowFlagCount: 2,
    lateCreditPercent: 50,
    escalationLadder: "通报批评，约谈",
  });

test("the office saves a year's rules with only existing units left unranked, audited; others are refused", async () => {
  const admin = await createSessionUser(t.db, "rules-admin", "ADMIN");
  const leader = await createSessionUser(t.db, "rules-leader", "LEADER");
  const office = await t.db.unit.create({ data: { code: "DCS", name: "督查室", kind: "DEPARTMENT" } });

  assert.deepEqual(await saveScoringRules(t.db, leader, rules(2031), []), { ok: false, status: 403, message: FORBIDDEN });
  assert.equal(await t.db.scoringRule.count({ where: { year: 2031 } }), 0);

  const saved = await saveScoringRules(t.db, admin, rules(2031), [office.id, "no-such-unit"]);
  assert.deepEqual(saved, { ok: true, value: "2031 年考核规则已保存；已关闭季度的快照不受影响。" });
  const rule = await t.db.scoringRule.findUniqueOrThrow({ where: { year: 2031 } });
  assert.equal(rule.yellowFlagCount, 2);
  assert.equal(rule.lateCredit, 0.5);
  assert.deepEqual(JSON.parse(rule.escalationLadder), ["通报批评", "约谈"]);
  assert.deepEqual(JSON.parse(rule.excludedUnitIds), [office.id]);
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "scoringRule.save", entityId: rule.id } });
  assert.equal(entry.actorId, admin.id);
});

test("a veto item is added once per year, and deleted only while no veto names it", async () => {
  const admin = await createSessionUser(t.db, "veto-admin", "ADMIN");
  const assessor = await createSessionUser(t.db, "veto-assessor", "ASSESSOR");
  const input = vetoItemInput.parse({ year: 2032, name: "重大安全生产事故" });

  assert.equal((await addVetoItem(t.db, assessor, input)).ok, false);
  assert.deepEqual(await addVetoItem(t.db, admin, input), { ok: true, value: "已添加否决事项“重大安全生产事故”。" });
  assert.deepEqual(await addVetoItem(t.db, admin, input), { ok: false, status: 409, message: "已有同名的否决事项。" });
  const item = await t.db.vetoItem.findFirstOrThrow({ where: { name: "重大安全生产事故", rule: { year: 2032 } } });
  assert.equal(await t.db.auditLog.count({ where: { action: "vetoItem.create", entityId: item.id } }), 1);

  // Used by a unit's veto: it stays.
  const unit = await t.db.unit.create({ data: { code: "V1", name: "否决镇", kind: "TOWN" } });
  const quarter = await t.db.quarter.create({ data: { year: 2032, number: 1 } });
  const veto = await t.db.unitVeto.create({ data: { quarterId: quarter.id, unitId: unit.id, vetoItemId: item.id, reason: "事故", createdById: admin.id } });
  const remove = vetoItemRemoveInput.parse({ vetoItemId: item.id });
  assert.deepEqual(await removeVetoItem(t.db, admin, remove), { ok: false, status: 409, message: "“重大安全生产事故”已用于 1 次否决，不能删除。" });
  assert.ok(await t.db.vetoItem.findUnique({ where: { id: item.id } }));

  await t.db.unitVeto.delete({ where: { id: veto.id } });
  assert.deepEqual(await removeVetoItem(t.db, admin, remove), { ok: true, value: "已删除。" });
  assert.equal(await t.db.vetoItem.findUnique({ where: { id: item.id } }), null);
  assert.equal(await t.db.auditLog.count({ where: { action: "vetoItem.delete", entityId: item.id } }), 1);
  assert.deepEqual(await removeVetoItem(t.db, admin, remove), { ok: false, status: 404, message: "没有找到该否决事项。" });
});
