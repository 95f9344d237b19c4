/**
 * Who may load which photo (photoScopeWhere, used by /api/photos/[id]): report
 * photos are the feed's and every signed-in user's; a spot check's and an order
 * answer's photos only for users whose scope includes the unit.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { photoScopeWhere } from "@/lib/photos/scope";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { testPhotoFile } from "@/lib/testing/photos";
import { sessionUser } from "@/lib/testing/users";

let t: TestDb;
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};

before(async () => {
  t = await createTestDb();
  const db = t.db;
  const a = await db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 1 } });
  const b = await db.unit.create({ data: { code: "B", name: "乙镇", kind: "TOWN", sortOrder: 2 } });
  const group = async (code: string, unitId: string) => {
    const keyTask = await db.keyTask.create({ data: { code, name: `重点工作${code}` } });
    return db.assessmentGroup.create({ data: { name: `${code}组`, keyTaskId: keyTask.id, units: { create: [{ unitId }] } } });
  };
  const groupA = await group("KA", a.id);
  const groupB = await group("KB", b.id);
  const make = (username: string, role: SessionUser["role"], unitId: string | null = null) =>
    db.user.create({ data: { username, name: username, passwordHash: "x", role, unitId } });
  const repA = await make("rep-a", "REPORTER", a.id);
  const repB = await make("rep-b", "REPORTER", b.id);
  const admin = await make("admin", "ADMIN");
  const leader = await make("leader", "LEADER");
  const assessorA = await make("assessor-a", "ASSESSOR");
  const assessorB = await make("assessor-b", "ASSESSOR");
  users.repA = sessionUser(repA.id, "REPORTER", a.id);
  users.repB = sessionUser(repB.id, "REPORTER", b.id);
  users.admin = sessionUser(admin.id, "ADMIN");
  users.leader = sessionUser(leader.id, "LEADER");
  users.assessorA = sessionUser(assessorA.id, "ASSESSOR", null, [groupA.id]);
  users.assessorB = sessionUser(assessorB.id, "ASSESSOR", null, [groupB.id]);
  users.noUnit = sessionUser(repA.id, "REPORTER", null);

  const card = await db.reportCard.create({ data: { unitId: a.id, date: "2026-11-20" } });
  const slot = await db.reportSlot.create({ data: { cardId: card.id, slot: "NOON", authorId: repA.id, submittedAt: new Date() } });
  const check = await db.spotCheck.create({ data: { slotId: slot.id, checkerId: leader.id, result: "FALSE", method: "ON_SITE" } });
  const order = await db.supervisionOrder.create({
    data: { issuerId: admin.id, unitId: a.id, title: "限时整改", content: "三日内整改", deadline: new Date() },
  });
  const response = await db.orderResponse.create({ data: { orderId: order.id, authorId: repA.id, text: "已整改" } });
  const photo = async (key: string, link: Record<string, string>) =>
    (
      await db.photo.create({
        data: {
          uploaderId: repA.id,
          ...testPhotoFile(key),
          ...link,
        },
      })
    ).id;
  ids.report = await photo("report", { slotId: slot.id });
  ids.check = await photo("check", { spotCheckId: check.id });
  ids.answer = await photo("answer", { orderResponseId: response.id });
});
after(() => t.cleanup());

async function visible(user: SessionUser): Promise<string[]> {
  const rows = await t.db.photo.findMany({
    where: { AND: [{ id: { in: [ids.report, ids.check, ids.answer] } }, photoScopeWhere(user)] },
    select: { id: true },
  });
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return rows.map((r) => names[r.id]).sort();
}

test("a report photo is for every signed-in user, as the feed is", async () => {
  for (const user of Object.values(users)) assert.ok((await visible(user)).includes("report"), user.username);
});

test("the unit itself, the office, leaders and the unit's assessment group see its spot-check and order photos", async () => {
  for (const user of [users.repA, users.admin, users.leader, users.assessorA]) {
    assert.deepEqual(await visible(user), ["answer", "check", "report"], user.username);
  }
});

test("another unit, another group's assessor and a unit account without a unit do not", async () => {
  for (const user of [users.repB, users.assessorB, users.noUnit]) {
    assert.deepEqual(await visible(user), ["report"], user.username);
  }
});
