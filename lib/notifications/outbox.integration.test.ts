/**
 * The robot outbox on a real database, against local HTTP robots (no network):
 * written in the event's transaction and not on rollback; 20 a minute per
 * robot, none early; errcode ≠ 0 retried with back-off then logged FAILED;
 * two senders (two clients, as two servers) on one database deliver each
 * message exactly once.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient } from "@/lib/db-client";
import { drainOutbox, enqueueRobotMessage, MAX_ATTEMPTS, quietHoursRelease, startOutboxSender } from "@/lib/notifications/outbox";
import { issueOrder } from "@/lib/supervision/orders/writes";
import { orderInput } from "@/lib/testing/orders";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { startRobotEndpoint, type RobotEndpoint } from "@/lib/testing/robot-endpoint";
import { asSessionUser, createOffice } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
let robots: RobotEndpoint;
let base = "";
/** Message bodies received per robot path. */
let received: RobotEndpoint["received"];

before(async () => {
  t = await createTestDb();
  // /down answers like a robot refusing: errcode ≠ 0.
  robots = await startRobotEndpoint({ "/down": { errcode: 310000, errmsg: "keywords not in content" } });
  ({ base, received } = robots);
});
after(async () => {
  await robots.close();
  await t.cleanup();
});

const noon = districtInstant("2026-12-01", "12:00");

test("quiet hours: 22:00–07:00 waits until 07:00, urgent does not", async () => {
  assert.equal(quietHoursRelease(noon).getTime(), noon.getTime());
  assert.equal(quietHoursRelease(districtInstant("2026-12-01", "22:30")).getTime(), districtInstant("2026-12-02", "07:00").getTime());
  assert.equal(quietHoursRelease(districtInstant("2026-12-02", "06:59")).getTime(), districtInstant("2026-12-02", "07:00").getTime());
  const robot = await t.db.robot.create({ data: { name: "夜间", kind: "WECOM", webhookUrl: `${base}/night`, audience: "OFFICE" } });
  await t.db.$transaction(async (tx) => {
    await enqueueRobotMessage(tx, { audience: "OFFICE" }, { event: "t", title: "t", markdown: "夜间普通" }, districtInstant("2026-12-01", "23:00"));
    await enqueueRobotMessage(
      tx,
      { audience: "OFFICE" },
      { event: "t", title: "t", markdown: "夜间紧急", urgent: true },
      districtInstant("2026-12-01", "23:00"),
    );
  });
  const rows = await t.db.outboxMessage.findMany({ where: { robotId: robot.id }, orderBy: { markdown: "asc" } });
  assert.deepEqual(
    rows.map((r) => [r.markdown, r.notBefore.toISOString()]).sort(),
    [
      ["夜间普通", districtInstant("2026-12-02", "07:00").toISOString()],
      ["夜间紧急", districtInstant("2026-12-01", "23:00").toISOString()],
    ].sort(),
  );
  await t.db.robot.delete({ where: { id: robot.id } });
});

test("the outbox row is written in the event's transaction, and not when it rolls back", async () => {
  const unit = await t.db.unit.create({ data: { code: "T1", name: "机器人镇", kind: "TOWN" } });
  await t.db.robot.create({ data: { name: "机器人镇工作群", kind: "DINGTALK", webhookUrl: `${base}/ding?access_token=x`, secret: "SECabc", unitId: unit.id } });
  const user = await createOffice(t.db, "ob-admin");

  await assert.rejects(
    t.db.$transaction(async (tx) => {
      await enqueueRobotMessage(tx, { unitIds: [unit.id] }, { event: "x", title: "x", markdown: "回滚的消息" }, noon);
      throw new Error("the event failed");
    }),
  );
  assert.equal(await t.db.outboxMessage.count({ where: { markdown: "回滚的消息" } }), 0);

  const issued = await issueOrder(t.db, user, orderInput(unit.id, "机器人测试督办", "交办后单位工作群应收到消息。", addDays(districtToday(), 3)));
  assert.ok(issued.ok);
  const [row] = await t.db.outboxMessage.findMany({ where: { event: "order.assign" } });
  assert.ok(row, "written with the order");
  assert.match(row.markdown, /机器人测试督办/);
  assert.match(row.markdown, new RegExp(`/orders/${issued.value}\\)`));

  assert.equal(received.get("/ding"), undefined, "the action itself calls no robot");

  // Delivered once, signed, as markdown — at its release time (07:00 if the order was issued in quiet hours).
  const r = await drainOutbox(t.db, { now: () => new Date(Math.max(Date.now(), row.notBefore.getTime())) });
  assert.equal(r.sent, 1);
  const bodies = received.get("/ding") ?? [];
  assert.equal(bodies.length, 1);
  assert.equal(JSON.parse(bodies[0]).msgtype, "markdown");
  assert.equal((await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status, "SENT");
});

test("a 督办件 the office marks urgent reaches the work group in quiet hours; one that is not waits until 07:00", async () => {
  const unit = await t.db.unit.create({ data: { code: "T2", name: "夜间镇", kind: "TOWN" } });
  await t.db.robot.create({ data: { name: "夜间镇工作群", kind: "WECOM", webhookUrl: `${base}/night-town`, unitId: unit.id } });
  const admin = await t.db.user.findUniqueOrThrow({ where: { username: "ob-admin" } });
  const user = asSessionUser(admin);
  const night = districtInstant("2026-12-01", "23:00");
  const issue = (title: string, urgent?: "1") => issueOrder(t.db, user, orderInput(unit.id, title, "夜间交办的督办件内容。", "2026-12-04", { urgent }), night);
  assert.ok((await issue("夜间紧急督办", "1")).ok);
  assert.ok((await issue("夜间普通督办")).ok);
  const rows = await t.db.outboxMessage.findMany({ where: { robot: { unitId: unit.id } }, select: { markdown: true, urgent: true, notBefore: true } });
  const urgent = rows.find((r) => r.markdown.includes("夜间紧急督办"))!;
  const plain = rows.find((r) => r.markdown.includes("夜间普通督办"))!;
  assert.equal(urgent.urgent, true);
  assert.match(urgent.markdown, /【紧急】/);
  assert.equal(urgent.notBefore.getTime(), night.getTime());
  assert.equal(plain.notBefore.getTime(), districtInstant("2026-12-02", "07:00").getTime());
  await t.db.robot.deleteMany({ where: { unitId: unit.id } });
});

test("20 a minute per robot, none early", async () => {
  const robot = await t.db.robot.create({ data: { name: "限速", kind: "WECOM", webhookUrl: `${base}/rate`, audience: "LEADERS" } });
  await t.db.$transaction(async (tx) => {
    for (let i = 0; i < 25; i++) await enqueueRobotMessage(tx, { audience: "LEADERS" }, { event: "t", title: "t", markdown: `限速 ${i}` }, noon);
  });
  let clock = noon.getTime();
  const now = () => new Date(clock);
  const got = () => received.get("/rate")?.length ?? 0;
  await drainOutbox(t.db, { now });
  assert.equal(got(), 20);
  clock += 30_000;
  await drainOutbox(t.db, { now });
  assert.equal(got(), 20, "not within the minute");
  clock += 31_000;
  await drainOutbox(t.db, { now });
  assert.equal(got(), 25);
  await t.db.robot.delete({ where: { id: robot.id } });
});

test("a robot answering errcode ≠ 0 is retried with back-off, then logged as failed", async () => {
  const robot = await t.db.robot.create({ data: { name: "故障", kind: "WECOM", webhookUrl: `${base}/down`, audience: "OFFICE" } });
  await t.db.$transaction((tx) => enqueueRobotMessage(tx, { audience: "OFFICE" }, { event: "t", title: "t", markdown: "发不出去" }, noon));
  let clock = noon.getTime();
  const now = () => new Date(clock);
  const first = await drainOutbox(t.db, { now });
  assert.equal(first.retried, 1);
  assert.equal((await drainOutbox(t.db, { now })).retried, 0, "not retried before its back-off");
  for (let i = 1; i < MAX_ATTEMPTS; i++) {
    clock += 5 * 60_000;
    await drainOutbox(t.db, { now });
  }
  const message = await t.db.outboxMessage.findFirstOrThrow({ where: { robotId: robot.id } });
  assert.equal(message.status, "FAILED");
  assert.equal(message.attempts, MAX_ATTEMPTS);
  const log = await t.db.robotDelivery.findMany({ where: { robotId: robot.id }, orderBy: { attempt: "asc" } });
  assert.deepEqual(
    log.map((l) => [l.attempt, l.ok, l.errcode, l.errmsg]),
    Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, false, 310000, "keywords not in content"]),
  );
  clock += 60 * 60_000;
  await drainOutbox(t.db, { now });
  assert.equal(received.get("/down")?.length, MAX_ATTEMPTS, "a failed message is not sent again");
});

test("two senders on one database deliver each message once", async () => {
  const robots = await Promise.all(
    [0, 1, 2].map((i) => t.db.robot.create({ data: { name: `并发${i}`, kind: "WECOM", webhookUrl: `${base}/two/${i}`, audience: "LEADERS" } })),
  );
  await t.db.$transaction(async (tx) => {
    for (let i = 0; i < 40; i++) await enqueueRobotMessage(tx, { audience: "LEADERS" }, { event: "t", title: "t", markdown: `并发 ${i}` }, noon);
  });
  // On PostgreSQL a second client (its own connection pool) stands for a second app server. On SQLite the
  // senders share one client: better-sqlite3 is synchronous, so a second connection in the same process
  // that waits for the first one's write lock blocks the event loop the first one needs to finish
  // (the WIP version timed out so); an SQLite deployment is one server anyway (README, "Deploying").
  const second = t.kind === "postgresql" ? createClient(t.url) : t.db;
  try {
    let clock = noon.getTime();
    const now = () => new Date(clock);
    for (let round = 0; round < 3; round++) {
      await Promise.all([drainOutbox(t.db, { now, senderId: "a" }), drainOutbox(second, { now, senderId: "b" }), drainOutbox(t.db, { now, senderId: "c" })]);
      clock += 61_000;
    }
  } finally {
    if (second !== t.db) await second.$disconnect();
  }
  for (const [i] of robots.entries()) {
    const bodies = (received.get(`/two/${i}`) ?? []).map((b) => JSON.parse(b).markdown.content as string);
    assert.equal(bodies.length, 40, `robot ${i} got every message`);
    assert.equal(new Set(bodies).size, 40, `robot ${i} got none twice`);
  }
  assert.equal(await t.db.outboxMessage.count({ where: { robotId: { in: robots.map((r) => r.id) }, status: { not: "SENT" } } }), 0);
  const senders = await t.db.robotDelivery.groupBy({ by: ["sender"], where: { robotId: { in: robots.map((r) => r.id) } } });
  assert.ok(senders.length >= 1);
});

test("a server's sender loop sends in the background and stops cleanly", async () => {
  const robot = await t.db.robot.create({ data: { name: "循环", kind: "WECOM", webhookUrl: `${base}/loop`, audience: "OFFICE" } });
  const enqueue = (text: string) =>
    t.db.$transaction((tx) => enqueueRobotMessage(tx, { audience: "OFFICE" }, { event: "t", title: "t", markdown: text, urgent: true }, new Date()));
  const sender = startOutboxSender(t.db, 20);
  await enqueue("循环一");
  while (!received.get("/loop")?.length) await new Promise((r) => setTimeout(r, 20));
  await sender.stop();
  await enqueue("循环二");
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(
    received.get("/loop")?.map((b) => JSON.parse(b).markdown.content),
    ["循环一"],
    "nothing sent after stop()",
  );
  assert.equal((await t.db.robot.findUniqueOrThrow({ where: { id: robot.id } })).leaseBy, null, "its lease released");
  await t.db.robot.delete({ where: { id: robot.id } });
});
