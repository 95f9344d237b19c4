/**
 * 立项 from a report (the link of a spot check's or an anomaly's page,
 * /orders/new?slotId=…): the order records the report (slotId, source 晒报);
 * a report of another unit is refused and nothing is written.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { issueOrder } from "@/lib/supervision/orders/writes";
import { orderInput } from "@/lib/testing/orders";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSlot } from "@/lib/testing/slots";
import { createSessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

const t = testDbForFile();

test("an order issued from a report records the report as its source; another unit's report is refused", async () => {
  const town = await t.db.unit.create({ data: { code: "S1", name: "来源镇", kind: "TOWN" } });
  const other = await t.db.unit.create({ data: { code: "S2", name: "别的镇", kind: "TOWN" } });
  const office = await createSessionUser(t.db, "office", "ADMIN");
  const rep = await createSessionUser(t.db, "rep", "REPORTER", town.id);
  const today = districtToday();
  const slot = await createSlot(t.db, {
    unitId: town.id,
    date: today,
    slot: "MORNING",
    authorId: rep.id,
    text: "早晒内容",
    submittedAt: districtInstant(today, "09:00"),
  });
  const input = (unitId: string) => orderInput(unitId, "抽查问题整改", "晒报所称作业未开展，限期说明。", addDays(today, 5), { slotId: slot.id });

  const refused = await issueOrder(t.db, office, input(other.id));
  assert.deepEqual(refused, { ok: false, status: 400, message: "所关联的晒报不属于该单位。" });
  assert.equal(await t.db.supervisionOrder.count(), 0);

  const issued = await issueOrder(t.db, office, input(town.id));
  assert.ok(issued.ok);
  const order = await t.db.supervisionOrder.findUniqueOrThrow({ where: { id: issued.value }, select: { slotId: true, source: true, unitId: true } });
  assert.deepEqual(order, { slotId: slot.id, source: "REPORT", unitId: town.id });
  const log = await t.db.auditLog.findFirstOrThrow({ where: { action: "order.issue", entityId: issued.value } });
  assert.equal(JSON.parse(log.after!).slotId, slot.id);
});
