/**
 * The office's robot settings: only the office may read or change them (a
 * unit head and a leader are refused on the server), the input is validated,
 * the audit never holds the webhook key or the secret, and 发送测试 is logged
 * with the robot's answer.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createRobot, deleteRobot, deliveryLogForOffice, robotsForOffice, sendTestMessage, updateRobot } from "@/lib/notifications/robot-admin";
import { robotInput } from "@/lib/notifications/robot-schemas";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { startRobotEndpoint, type RobotEndpoint } from "@/lib/testing/robot-endpoint";
import { createSessionUser } from "@/lib/testing/users";

let t: TestDb;
let robots: RobotEndpoint;
let base = "";
const bodies = () => robots.bodies;

before(async () => {
  t = await createTestDb();
  // /bad answers like a robot refusing an unknown webhook.
  robots = await startRobotEndpoint({ "/bad": { errcode: 93000, errmsg: "invalid webhook url" } });
  base = robots.base;
});
after(async () => {
  await robots.close();
  await t.cleanup();
});

test("only the office sets robots: a unit head and a leader are refused, and read nothing", async () => {
  const unit = await t.db.unit.create({ data: { code: "R1", name: "机器人镇", kind: "TOWN" } });
  const admin = await createSessionUser(t.db, "robot-admin", "ADMIN");
  const head = await createSessionUser(t.db, "robot-head", "UNIT_HEAD", unit.id);
  const leader = await createSessionUser(t.db, "robot-leader", "LEADER");
  const input = robotInput.parse({
    name: "机器人镇工作群",
    kind: "DINGTALK",
    scope: "UNIT",
    unitId: unit.id,
    webhookUrl: `${base}/ding?access_token=TOKEN123456`,
    secret: "SECsecret",
  });

  for (const user of [head, leader]) {
    const refused = await createRobot(t.db, user, input);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.status, 403);
  }
  assert.equal(await t.db.robot.count(), 0);

  const created = await createRobot(t.db, admin, input);
  assert.ok(created.ok);
  const id = created.value;
  for (const user of [head, leader]) {
    assert.equal((await updateRobot(t.db, user, { id, webhookUrl: `${base}/evil` })).ok, false);
    assert.equal((await deleteRobot(t.db, user, { id })).ok, false);
    assert.equal((await sendTestMessage(t.db, user, { id })).ok, false);
    assert.deepEqual(await robotsForOffice(t.db, user), []);
    assert.deepEqual(await deliveryLogForOffice(t.db, user), []);
  }
  assert.equal((await t.db.robot.findUniqueOrThrow({ where: { id } })).webhookUrl, input.webhookUrl, "unchanged by the refused");
  assert.equal(bodies().length, 0, "nothing sent by the refused");

  const [listed] = await robotsForOffice(t.db, admin);
  assert.equal(listed.webhook, `${base}/ding?access_token=…3456`, "the key is masked");
  assert.equal(listed.target, "机器人镇");
  const log = await t.db.auditLog.findFirstOrThrow({ where: { action: "robot.create", entityId: id } });
  assert.doesNotMatch(log.after ?? "", /TOKEN123456|SECsecret/, "no credential in the audit");
});

test("the input is validated in Chinese", () => {
  const bad = robotInput.safeParse({ name: "群", kind: "WECOM", scope: "UNIT", webhookUrl: "javascript:alert(1)", secret: "SECx" });
  assert.equal(bad.success, false);
  const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
  assert.equal(fields.name, "名称至少 2 个字");
  assert.equal(fields.webhookUrl, "请填写以 https:// 开头的 Webhook 地址");
  assert.equal(fields.unitId, "请选择单位");
  assert.equal(fields.secret, "企业微信群机器人没有加签密钥，请留空");
});

test("发送测试 sends now and logs the robot's answer; a changed address and off switch are kept", async () => {
  const admin = await createSessionUser(t.db, "robot-admin2", "ADMIN");
  const created = await createRobot(t.db, admin, robotInput.parse({ name: "领导工作群", kind: "WECOM", scope: "LEADERS", webhookUrl: `${base}/ok?key=abcd` }));
  assert.ok(created.ok);
  const sent = await sendTestMessage(t.db, admin, { id: created.value });
  assert.ok(sent.ok && sent.value.ok);
  assert.equal(JSON.parse(bodies().at(-1)!).msgtype, "markdown");

  assert.ok((await updateRobot(t.db, admin, { id: created.value, webhookUrl: `${base}/bad?key=abcd` })).ok);
  const robot = await t.db.robot.findUniqueOrThrow({ where: { id: created.value } });
  assert.equal(robot.active, false, "the box unticked switches it off");
  const failed = await sendTestMessage(t.db, admin, { id: created.value });
  assert.ok(failed.ok && !failed.value.ok);
  const log = await deliveryLogForOffice(t.db, admin);
  assert.deepEqual(
    log.filter((l) => l.robot === "领导工作群").map((l) => [l.outcome, l.errcode, l.errmsg]),
    [
      ["FAILED", 93000, "invalid webhook url"],
      ["SENT", 0, "ok"],
    ],
  );
  assert.equal(await t.db.auditLog.count({ where: { action: "robot.test", entityId: created.value } }), 2);
});
