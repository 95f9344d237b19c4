/**
 * The 督办件 lifecycle on a real database: issued to a lead unit and a co-unit,
 * each sees it and answers its part, another unit finds nothing; signing,
 * feedback, an extension approved (the deadline moves, recorded) and one
 * refused, a closure returned then accepted, rated; a step taken twice moves
 * once; every step is recorded and the units are told in-app; the data
 * migration gives old orders their history.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { migrateOrdersToLifecycle } from "@/lib/supervision/orders/migration";
import { applyOrderStep, issueOrder, ORDER_CHANGED, ORDER_NOT_FOUND } from "@/lib/supervision/orders/writes";
import { orderInput } from "@/lib/testing/orders";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createSessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
const u: Record<string, SessionUser> = {};
const unitIds: Record<string, string> = {};

before(async () => {
  t = await createTestDb();
  for (const [i, name] of ["牵头镇", "配合局", "无关镇"].entries())
    unitIds[name] = (await t.db.unit.create({ data: { code: `9${i}`, name, kind: "TOWN" } })).id;
  u.office = await createSessionUser(t.db, "office", "ADMIN");
  u.lead = await createSessionUser(t.db, "lead", "UNIT_HEAD", unitIds["牵头镇"]);
  u["lead-rep"] = await createSessionUser(t.db, "lead-rep", "REPORTER", unitIds["牵头镇"]);
  u.co = await createSessionUser(t.db, "co", "UNIT_HEAD", unitIds["配合局"]);
  u.other = await createSessionUser(t.db, "other", "UNIT_HEAD", unitIds["无关镇"]);
});
after(() => t.cleanup());

const step = (user: SessionUser, orderId: string, kind: string, extra: Record<string, unknown> = {}) =>
  applyOrderStep(t.db, user, { orderId, kind: kind as never, untilTime: "18:00", ...extra } as never);

test("a 督办件 through its whole life, each unit answering its own part", async () => {
  const today = districtToday();
  const issued = await issueOrder(
    t.db,
    u.office,
    orderInput(unitIds["牵头镇"], "兴业路拆迁遗留问题", "限期解决兴业路三户拆迁遗留问题，办结后报送佐证。", addDays(today, 10), {
      coUnitIds: [unitIds["配合局"]],
      feedbackEveryDays: 7,
    }),
  );
  assert.ok(issued.ok);
  const id = issued.value;

  // Told in-app: both units' people, not the unrelated unit.
  const told = await t.db.notification.findMany({ where: { kind: "order.assign" }, select: { recipientId: true, href: true } });
  assert.deepEqual(told.map((n) => n.recipientId).sort(), [u.lead.id, u["lead-rep"].id, u.co.id].sort());
  assert.equal(told[0].href, `/orders/${id}`);

  // Scope in the query: the unrelated unit finds nothing.
  assert.deepEqual(await step(u.other, id, "SIGN"), { ok: false, status: 404, message: ORDER_NOT_FOUND });
  // The co-unit cannot act for the lead: it signs and answers its own part only.
  assert.equal((await step(u.co, id, "REQUEST_CLOSE", { text: "配合局代为申请办结" })).ok, false);
  assert.ok((await step(u.co, id, "SIGN")).ok);
  assert.equal((await step(u.co, id, "SIGN")).ok, false, "a co-unit signs once");
  assert.ok((await step(u.co, id, "FEEDBACK", { text: "已完成地上附着物评估" })).ok);

  assert.equal((await step(u.lead, id, "FEEDBACK", { text: "尚未签收就反馈" })).ok, false, "sign first");
  assert.ok((await step(u.lead, id, "SIGN")).ok);
  assert.ok((await step(u["lead-rep"], id, "FEEDBACK", { text: "已入户两户，剩一户" })).ok);

  // 延期: refused with a reason, then asked again and approved — the deadline moves, recorded.
  const before = (await t.db.supervisionOrder.findUniqueOrThrow({ where: { id } })).deadline;
  assert.ok((await step(u.lead, id, "REQUEST_EXTENSION", { untilDate: addDays(today, 20), text: "户主在外地务工" })).ok);
  assert.ok((await step(u.office, id, "REFUSE_EXTENSION", { text: "请电话联系户主" })).ok);
  assert.equal((await t.db.supervisionOrder.findUniqueOrThrow({ where: { id } })).deadline.getTime(), before.getTime());
  assert.ok((await step(u.lead, id, "REQUEST_EXTENSION", { untilDate: addDays(today, 20), text: "户主春节前回村" })).ok);
  assert.equal((await step(u.lead, id, "APPROVE_EXTENSION")).ok, false, "only the office approves");
  assert.ok((await step(u.office, id, "APPROVE_EXTENSION")).ok);
  const extended = await t.db.supervisionOrder.findUniqueOrThrow({ where: { id } });
  assert.equal(extended.deadline.getTime(), districtInstant(addDays(today, 20), "18:00").getTime());
  assert.equal(extended.extensionUntil, null);
  const approval = await t.db.orderStep.findFirstOrThrow({ where: { orderId: id, kind: "APPROVE_EXTENSION" } });
  assert.equal(approval.deadlineBefore?.getTime(), before.getTime());
  assert.equal(approval.actorId, u.office.id);

  assert.ok((await step(u.lead, id, "REQUEST_CLOSE", { text: "三户均已签约拆除" })).ok);
  assert.equal((await step(u.office, id, "RETURN", { text: "否" })).ok, false, "a reason is required");
  assert.ok((await step(u.office, id, "RETURN", { text: "缺少拆除后照片" })).ok);
  assert.ok((await step(u.lead, id, "REQUEST_CLOSE", { text: "补充拆除后照片" })).ok);
  assert.ok((await step(u.office, id, "CLOSE")).ok);
  assert.ok((await step(u.office, id, "EVALUATE", { rating: "BASICALLY_SATISFIED" })).ok);
  assert.equal((await step(u.office, id, "EVALUATE", { rating: "SATISFIED" })).ok, false, "rated once");

  const done = await t.db.supervisionOrder.findUniqueOrThrow({ where: { id }, include: { responses: { orderBy: { createdAt: "asc" } }, steps: true } });
  assert.equal(done.status, "ACCEPTED");
  assert.equal(done.rating, "BASICALLY_SATISFIED");
  assert.ok(done.acceptedAt, "acceptedAt");
  assert.ok(done.signedAt, "signedAt");
  assert.ok(done.lastFeedbackAt, "lastFeedbackAt");
  assert.deepEqual(
    done.responses.map((r) => r.decision),
    ["RETURNED", "ACCEPTED"],
  );
  const kinds = done.steps.map((s) => s.kind).sort();
  assert.deepEqual(
    kinds,
    [
      "APPROVE_EXTENSION",
      "ASSIGN",
      "CLOSE",
      "EVALUATE",
      "FEEDBACK",
      "FEEDBACK",
      "REFUSE_EXTENSION",
      "REGISTER",
      "REQUEST_CLOSE",
      "REQUEST_CLOSE",
      "REQUEST_EXTENSION",
      "REQUEST_EXTENSION",
      "RETURN",
      "SIGN",
      "SIGN",
    ].sort(),
  );
  assert.equal(done.steps.find((s) => s.kind === "FEEDBACK" && s.unitId === unitIds["配合局"])?.note, "已完成地上附着物评估", "the co-unit's part is its own");
  assert.equal(await t.db.auditLog.count({ where: { entityId: id } }), 14, "every step audited （立项 and 交办 in one entry）");
});

test("the same step sent twice at once moves the order once", async () => {
  const issued = await issueOrder(
    t.db,
    u.office,
    orderInput(unitIds["牵头镇"], "双击签收测试", "同一步骤并发提交两次只生效一次。", addDays(districtToday(), 5)),
  );
  assert.ok(issued.ok);
  const results = await Promise.all([step(u.lead, issued.value, "SIGN"), step(u["lead-rep"], issued.value, "SIGN")]);
  assert.equal(results.filter((r) => r.ok).length, 1);
  const refused = results.find((r) => !r.ok);
  assert.ok(refused && !refused.ok && [ORDER_CHANGED, "这件督办件已经签收。"].includes(refused.message));
  assert.equal(await t.db.orderStep.count({ where: { orderId: issued.value, kind: "SIGN" } }), 1);
});

test("the data migration gives an old order its history and counts it as signed", async () => {
  const old = await t.db.supervisionOrder.create({
    data: {
      issuerId: u.office.id,
      unitId: unitIds["无关镇"],
      title: "旧督办单",
      content: "迁移前开具的督办单。",
      deadline: districtInstant("2026-11-20", "18:00"),
      createdAt: districtInstant("2026-11-10", "09:00"),
      status: "OPEN",
      responses: {
        create: {
          authorId: u.other.id,
          text: "已整改",
          createdAt: districtInstant("2026-11-12", "10:00"),
          decision: "RETURNED",
          decisionNote: "不彻底",
          decidedAt: districtInstant("2026-11-13", "10:00"),
        },
      },
    },
  });
  const migrated = await t.db.$transaction((tx) => migrateOrdersToLifecycle(tx));
  assert.equal(migrated, 1, "orders that already have steps are left alone");
  const after = await t.db.supervisionOrder.findUniqueOrThrow({ where: { id: old.id }, include: { steps: true } });
  assert.equal(after.status, "SIGNED");
  assert.equal(after.signedAt?.getTime(), old.createdAt.getTime());
  assert.deepEqual(after.steps.map((s) => s.kind).sort(), ["ASSIGN", "REGISTER", "REQUEST_CLOSE", "RETURN"]);
  assert.equal(await t.db.$transaction((tx) => migrateOrdersToLifecycle(tx)), 0, "runs once");
});
