/**
 * The office creates key tasks (重点工作), assessment groups (考核组) and
 * channels (工作群): each write checks its input in Chinese, writes its row and
 * its audit entry in one transaction, and refuses anyone but the office.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { channelCreateInput, groupCreateInput, keyTaskCreateInput } from "@/lib/org/schemas";
import { ORG_FORBIDDEN, createChannel, createGroup, createKeyTask } from "@/lib/org/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { asSessionUser, createOffice } from "@/lib/testing/users";

let t: TestDb;
let admin: SessionUser;
let leader: SessionUser;
let head: SessionUser;
let lineId: string;

const counts = async () => ({
  keyTasks: await t.db.keyTask.count(),
  groups: await t.db.assessmentGroup.count(),
  channels: await t.db.channel.count(),
  audit: await t.db.auditLog.count(),
});

before(async () => {
  t = await createTestDb();
  admin = await createOffice(t.db);
  leader = asSessionUser(await t.db.user.create({ data: { username: "leader", name: "区长", role: "LEADER", passwordHash: "x" } }));
  const town = await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } });
  head = asSessionUser(await t.db.user.create({ data: { username: "head", name: "甲镇镇长", role: "UNIT_HEAD", unitId: town.id, passwordHash: "x" } }));
  lineId = (await t.db.line.create({ data: { name: "工业经济线", kind: "LINE" } })).id;
  // The seed's codes: a new key task continues after KT07; a channel after the seed's named codes starts at CH01.
  await t.db.keyTask.create({ data: { code: "KT07", name: "项目建设", sortOrder: 7 } });
  await t.db.channel.create({ data: { code: "leaders", name: "区级领导干部工作群", sortOrder: 1 } });
});
after(() => t.cleanup());

describe("key tasks", () => {
  test("the office creates a key task on a line: the next code, last in order, audited after", async () => {
    const result = await createKeyTask(t.db, admin, keyTaskCreateInput.parse({ name: "招商引资", lineId }));
    assert.ok(result.ok);
    const row = await t.db.keyTask.findUniqueOrThrow({ where: { id: result.value.id } });
    assert.deepEqual(
      { code: row.code, name: row.name, lineId: row.lineId, sortOrder: row.sortOrder },
      { code: "KT08", name: "招商引资", lineId, sortOrder: 8 },
    );
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "keyTask.create", entityId: row.id } });
    assert.equal(entry.actorId, admin.id);
    assert.equal(entry.entity, "KeyTask");
    assert.equal(entry.before, null);
    assert.deepEqual(JSON.parse(String(entry.after)), { id: row.id, code: "KT08", name: "招商引资", lineId });
  });

  test("a bad input is refused in Chinese and changes nothing", async () => {
    const short = keyTaskCreateInput.safeParse({ name: "招" });
    assert.equal(short.success, false);
    assert.match(short.error!.issues[0].message, /名称至少 2 字/);
    const before = await counts();
    const duplicate = await createKeyTask(t.db, admin, { name: "招商引资", lineId: null });
    assert.equal(duplicate.ok, false);
    assert.deepEqual(!duplicate.ok && duplicate.fieldErrors, { name: ["已有同名的重点工作"] });
    const noLine = await createKeyTask(t.db, admin, { name: "乡村振兴", lineId: "no-such-line" });
    assert.deepEqual(!noLine.ok && noLine.fieldErrors, { lineId: ["所选分管线不存在"] });
    assert.deepEqual(await counts(), before);
  });
});

describe("assessment groups", () => {
  test("the office creates the group of a key task that has none, audited after; a second group for it is refused", async () => {
    const keyTask = await t.db.keyTask.findUniqueOrThrow({ where: { name: "招商引资" } });
    const result = await createGroup(t.db, admin, groupCreateInput.parse({ name: "招商引资跟踪考核组", keyTaskId: keyTask.id }));
    assert.ok(result.ok);
    const group = await t.db.assessmentGroup.findUniqueOrThrow({ where: { id: result.value.id }, include: { members: true, units: true } });
    assert.deepEqual(
      { name: group.name, keyTaskId: group.keyTaskId, members: group.members.length, units: group.units.length },
      {
        name: "招商引资跟踪考核组",
        keyTaskId: keyTask.id,
        members: 0,
        units: 0,
      },
    );
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "group.create", entityId: group.id } });
    assert.equal(entry.entity, "AssessmentGroup");
    assert.deepEqual(JSON.parse(String(entry.after)), { id: group.id, name: "招商引资跟踪考核组", keyTaskId: keyTask.id });

    const before = await counts();
    const second = await createGroup(t.db, admin, { name: "另一个考核组", keyTaskId: keyTask.id });
    assert.deepEqual(!second.ok && second.fieldErrors, { keyTaskId: ["“招商引资”已有考核组“招商引资跟踪考核组”"] });
    const other = await t.db.keyTask.findUniqueOrThrow({ where: { name: "项目建设" } });
    const sameName = await createGroup(t.db, admin, { name: "招商引资跟踪考核组", keyTaskId: other.id });
    assert.deepEqual(!sameName.ok && sameName.fieldErrors, { name: ["已有同名的考核组"] });
    const noKeyTask = await createGroup(t.db, admin, { name: "项目建设考核组", keyTaskId: "no-such-key-task" });
    assert.deepEqual(!noKeyTask.ok && noKeyTask.fieldErrors, { keyTaskId: ["所选重点工作不存在"] });
    assert.equal(groupCreateInput.safeParse({ name: "项目建设考核组", keyTaskId: "" }).error?.issues[0].message, "请选择重点工作");
    assert.deepEqual(await counts(), before);
  });
});

describe("channels", () => {
  test("the office creates a channel: CH01, last in order, audited after; a duplicate name changes nothing", async () => {
    const result = await createChannel(t.db, admin, channelCreateInput.parse({ name: " 乡村振兴工作群 " }));
    assert.ok(result.ok);
    const channel = await t.db.channel.findUniqueOrThrow({ where: { id: result.value.id } });
    assert.deepEqual({ code: channel.code, name: channel.name, sortOrder: channel.sortOrder }, { code: "CH01", name: "乡村振兴工作群", sortOrder: 2 });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "channel.create", entityId: channel.id } });
    assert.equal(entry.entity, "Channel");
    assert.deepEqual(JSON.parse(String(entry.after)), { id: channel.id, code: "CH01", name: "乡村振兴工作群" });

    const before = await counts();
    const duplicate = await createChannel(t.db, admin, { name: "乡村振兴工作群" });
    assert.equal(duplicate.ok, false);
    assert.match(!duplicate.ok ? duplicate.message : "", /请检查填写的内容/);
    assert.deepEqual(!duplicate.ok && duplicate.fieldErrors, { name: ["已有同名的工作群"] });
    assert.equal(channelCreateInput.safeParse({ name: "群".repeat(41) }).error?.issues[0].message, "名称最多 40 字");
    assert.deepEqual(await counts(), before);
    const next = await createChannel(t.db, admin, { name: "项目建设工作群" });
    assert.equal(next.ok && (await t.db.channel.findUniqueOrThrow({ where: { id: next.value.id } })).code, "CH02");
  });
});

test("only the office creates: a leader and a unit head are refused and nothing is written", async () => {
  const before = await counts();
  const keyTask = await t.db.keyTask.findUniqueOrThrow({ where: { name: "项目建设" } });
  for (const actor of [leader, head]) {
    for (const result of [
      await createKeyTask(t.db, actor, { name: "越权的重点工作", lineId: null }),
      await createGroup(t.db, actor, { name: "越权的考核组", keyTaskId: keyTask.id }),
      await createChannel(t.db, actor, { name: "越权的工作群" }),
    ]) {
      assert.equal(result.ok, false);
      assert.deepEqual(!result.ok && { status: result.status, message: result.message }, { status: 403, message: ORG_FORBIDDEN });
    }
  }
  assert.deepEqual(await counts(), before);
});
