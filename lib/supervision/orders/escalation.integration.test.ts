/**
 * 提级督办 brings in the responsible line leader: the leader of the lead
 * unit's 分线 (or the task's responsible leader) gets an inbox item and the
 * leaders' group a robot message, in the step's transaction; another line's
 * leader does not, and an escalation refused (not yet overdue) tells nobody.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { applyOrderStep, issueOrder } from "@/lib/supervision/orders/writes";
import { orderInput } from "@/lib/testing/orders";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

const t = testDbForFile();

async function scene() {
  const town = await t.db.unit.create({ data: { code: "L1", name: "升级镇", kind: "TOWN" } });
  const far = await t.db.unit.create({ data: { code: "L2", name: "别线镇", kind: "TOWN" } });
  const office = await createSessionUser(t.db, "office", "ADMIN");
  const head = await createSessionUser(t.db, "head", "UNIT_HEAD", town.id);
  const lineLeader = await createSessionUser(t.db, "line-leader", "LEADER");
  const otherLeader = await createSessionUser(t.db, "other-leader", "LEADER");
  const taskLeader = await createSessionUser(t.db, "task-leader", "LEADER");
  await t.db.line.create({ data: { name: "城建线", kind: "LINE", leaderId: lineLeader.id, units: { create: [{ unitId: town.id }] } } });
  await t.db.line.create({ data: { name: "农业线", kind: "LINE", leaderId: otherLeader.id, units: { create: [{ unitId: far.id }] } } });
  await t.db.robot.create({ data: { name: "领导工作群", kind: "WECOM", webhookUrl: "http://127.0.0.1:9/leaders", audience: "LEADERS" } });
  await t.db.robot.create({ data: { name: "升级镇工作群", kind: "WECOM", webhookUrl: "http://127.0.0.1:9/town", unitId: town.id } });
  return { town, office, head, lineLeader, otherLeader, taskLeader };
}

const today = districtToday();
const issuedAt = districtInstant(today, "09:00");
const deadlineDate = addDays(today, 2);
const overdueAt = districtInstant(addDays(today, 3), "10:00");

async function overdueOrder(office: SessionUser, head: SessionUser, unitId: string, title: string, taskId?: string) {
  const issued = await issueOrder(t.db, office, orderInput(unitId, title, `${title}，限期办结。`, deadlineDate, { taskId }), issuedAt);
  assert.ok(issued.ok, JSON.stringify(issued));
  assert.ok((await applyOrderStep(t.db, head, { orderId: issued.value, kind: "SIGN", untilTime: "18:00" } as never, [], issuedAt)).ok);
  return issued.value;
}

test("提级督办 tells the lead unit's line leader in-app and the leaders' group, not another line's leader", async () => {
  const { town, office, head, lineLeader } = await scene();
  const id = await overdueOrder(office, head, town.id, "背街小巷整治");

  // Not yet overdue: refused, nobody told.
  const early = await applyOrderStep(t.db, office, { orderId: id, kind: "ESCALATE", untilTime: "18:00" } as never, [], issuedAt);
  assert.equal(early.ok, false);
  assert.equal(await t.db.notification.count({ where: { kind: "order.escalate" } }), 0);

  assert.ok((await applyOrderStep(t.db, office, { orderId: id, kind: "ESCALATE", untilTime: "18:00" } as never, [], overdueAt)).ok);
  const told = await t.db.notification.findMany({ where: { kind: "order.escalate" }, select: { recipientId: true, message: true, href: true } });
  const leaderNotice = told.filter((n) => n.recipientId === lineLeader.id);
  assert.equal(leaderNotice.length, 1, "the line leader is told");
  assert.match(leaderNotice[0].message, /^升级镇督办件《背街小巷整治》已于.+到期，逾期未办结，已提级督办，请您督促办理。$/);
  assert.equal(leaderNotice[0].href, `/orders/${id}`);
  assert.deepEqual(
    told.filter((n) => n.recipientId === head.id).map((n) => n.message),
    ["督办件《背街小巷整治》：提级督办。"],
    "the unit is told as before (a full-width colon)",
  );
  const leaders = await t.db.user.findMany({ where: { role: "LEADER" }, select: { id: true, username: true } });
  const toldLeaders = leaders.filter((l) => told.some((n) => n.recipientId === l.id)).map((l) => l.username);
  assert.deepEqual(toldLeaders, ["line-leader"], "not another line's leader, nor the task leader of no task");

  const robots = await t.db.outboxMessage.findMany({ where: { event: "order.escalate" }, select: { markdown: true, robot: { select: { name: true } } } });
  assert.deepEqual(robots.map((r) => r.robot.name).sort(), ["升级镇工作群", "领导工作群"]);
  assert.match(robots.find((r) => r.robot.name === "领导工作群")!.markdown, /请line-leader同志督促办理/);
});

test("an order from a task goes to the task's responsible leader instead", async () => {
  const town = await t.db.unit.findFirstOrThrow({ where: { code: "L1" } });
  const users = Object.fromEntries((await t.db.user.findMany()).map((u) => [u.username, u]));
  const office = { ...users.office, unitName: null, groupIds: [], sessionId: null } as SessionUser;
  const head = { ...users.head, unitName: null, groupIds: [], sessionId: null } as SessionUser;
  const task = await t.db.task.create({
    data: {
      year: 2026,
      unitId: town.id,
      title: "老旧小区改造",
      target: 10,
      measure: "个",
      deadline: deadlineDate,
      responsibleLeaderId: users["task-leader"].id,
    } as never,
  });
  await t.db.notification.deleteMany();
  const id = await overdueOrder(office, head, town.id, "老旧小区改造进度", task.id);
  assert.ok((await applyOrderStep(t.db, office, { orderId: id, kind: "ESCALATE", untilTime: "18:00" } as never, [], overdueAt)).ok);
  const told = await t.db.notification.findMany({ where: { kind: "order.escalate" }, select: { recipient: { select: { username: true, role: true } } } });
  assert.deepEqual(
    told.filter((n) => n.recipient.role === "LEADER").map((n) => n.recipient.username),
    ["task-leader"],
  );
});
