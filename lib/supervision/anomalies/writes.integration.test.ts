/**
 * The office's review of a flag (issue 12: the transaction lives in writes.ts):
 * the status and its audit entry are written together, once; a second review
 * of the same flag is refused and writes nothing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { reviewAnomalyFlag } from "@/lib/supervision/anomalies/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createSlot } from "@/lib/testing/slots";
import { createOffice } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

let t: TestDb;
let adminId: string;
let anomalyId: string;

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "130408001", name: "临洺关镇", kind: "TOWN" } });
  const author = await t.db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", passwordHash: "x", unitId: unit.id } });
  adminId = (await createOffice(t.db, "admin")).id;
  const date = "2026-11-20";
  const slot = await createSlot(t.db, { unitId: unit.id, date, slot: "NOON", authorId: author.id, text: "现场", submittedAt: districtInstant(date, "12:00") });
  anomalyId = (await t.db.anomaly.create({ data: { slotId: slot.id, kind: "LOCATION", score: 0.8, evidence: "{}" } })).id;
});

after(async () => {
  await t?.cleanup();
});

test("a review writes the decision and its audit entry together; a second review is refused and writes nothing", async () => {
  const first = await reviewAnomalyFlag(t.db, { id: adminId }, { anomalyId, decision: "CONFIRMED" });
  assert.equal(first.ok, true);
  const flag = await t.db.anomaly.findUniqueOrThrow({ where: { id: anomalyId } });
  assert.equal(flag.status, "CONFIRMED");
  assert.equal(flag.reviewedById, adminId);
  const entries = await t.db.auditLog.findMany({ where: { entity: "Anomaly", entityId: anomalyId } });
  assert.equal(entries.length, 1);
  assert.equal(entries[0].action, "anomaly.review");

  const again = await reviewAnomalyFlag(t.db, { id: adminId }, { anomalyId, decision: "DISMISSED" });
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.message, "这条线索已经处理过了。");
  assert.equal((await t.db.anomaly.findUniqueOrThrow({ where: { id: anomalyId } })).status, "CONFIRMED");
  assert.equal(await t.db.auditLog.count({ where: { entity: "Anomaly", entityId: anomalyId } }), 1);
});
