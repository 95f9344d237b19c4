/**
 * The office's writes on the organisation: validation, audit (before/after),
 * access ended at once, history kept by retire and merge, and the dated scope
 * of an assessment group.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApiToken } from "@/lib/api/tokens";
import { changeOwnPassword } from "@/lib/accounts/writes";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { loadSessionUser, loadTokenUser } from "@/lib/auth/session-user";
import { lineInput, scopeChangeInput, unitCreateInput, userCreateInput } from "@/lib/org/schemas";
import { groupUnitsOn } from "@/lib/org/scope";
import {
  changeGroupScope,
  createUnit,
  createUser,
  mergeUnits,
  resetUserPassword,
  retireUnit,
  saveLine,
  setChannelMembers,
  setGroupMembers,
  setUserActive,
  updateKeyTask,
  updateUnit,
  updateUser,
} from "@/lib/org/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { asSessionUser, createOffice } from "@/lib/testing/users";

let t: TestDb;
let admin: SessionUser;
let townA: string;
let townB: string;
let groupId: string;

const newSession = (id: string) => t.db.authSession.create({ data: { userId: id, expiresAt: new Date(Date.now() + 3_600_000) } });
const lastAudit = (action: string, entityId: string) => t.db.auditLog.findFirstOrThrow({ where: { action, entityId }, orderBy: { createdAt: "desc" } });

before(async () => {
  t = await createTestDb();
  admin = await createOffice(t.db, "office", await hashPassword("admin-password-1"));
  townA = (await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } })).id;
  townB = (await t.db.unit.create({ data: { code: "B", name: "乙镇", kind: "TOWN" } })).id;
  const keyTask = await t.db.keyTask.create({ data: { code: "K1", name: "招商引资" } });
  groupId = (await t.db.assessmentGroup.create({ data: { name: "招商引资组", keyTaskId: keyTask.id, units: { create: [{ unitId: townA }] } } })).id;
});
after(() => t.cleanup());

describe("users", () => {
  test("input is validated in Chinese: a unit account needs a unit, a district account has none", () => {
    const noUnit = userCreateInput.safeParse({ username: "rep1", name: "张三", role: "REPORTER", unitId: "" });
    assert.equal(noUnit.success, false);
    assert.match(noUnit.error!.issues[0].message, /必须选择单位/);
    assert.equal(userCreateInput.safeParse({ username: "Bad Name", name: "张三", role: "LEADER" }).success, false);
    assert.equal(userCreateInput.safeParse({ username: "leader9", name: "张三", role: "LEADER", unitId: townA }).success, false);
    assert.equal(userCreateInput.safeParse({ username: "leader9", name: "张三", role: "LEADER", phone: "abc" }).success, false);
  });

  test("only the office may write; a REPORTER's call changes nothing", async () => {
    const reporter = asSessionUser({ id: "x", username: "x", name: "x", role: "REPORTER", unitId: townA });
    const input = userCreateInput.parse({ username: "sneaky", name: "某人", role: "ADMIN" });
    const result = await createUser(t.db, reporter, input);
    assert.equal(result.ok, false);
    assert.equal(await t.db.user.count({ where: { username: "sneaky" } }), 0);
  });

  test("create gives a one-time password, to be changed at the next login, and is audited", async () => {
    const result = await createUser(
      t.db,
      admin,
      userCreateInput.parse({ username: "head-a", name: "甲镇长", role: "UNIT_HEAD", unitId: townA, phone: "13800000000" }),
    );
    assert.ok(result.ok);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.value.id } });
    assert.equal(user.mustChangePassword, true);
    assert.ok(await verifyPassword(result.value.password, user.passwordHash));
    const entry = await lastAudit("user.create", user.id);
    assert.equal(JSON.parse(entry.after!).unitId, townA);
    assert.equal(JSON.parse(entry.after!).passwordHash, undefined, "no hash in the audit log");
    assert.equal(entry.unitId, townA);
    // a duplicate username is refused with a field error
    const again = await createUser(t.db, admin, userCreateInput.parse({ username: "head-a", name: "重名", role: "LEADER" }));
    assert.equal(again.ok, false);
    assert.ok(!again.ok && again.fieldErrors?.username);
    // changing the password clears the flag
    assert.equal(await changeOwnPassword(t.db, user.id, { currentPassword: result.value.password, newPassword: "a-new-password-9" }), "changed");
    assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword, false);
  });

  test("moving a user to another unit ends their sessions and tokens at once; the audit has before and after", async () => {
    const user = await t.db.user.create({ data: { username: "mover", name: "调动者", role: "REPORTER", unitId: townA, passwordHash: "x" } });
    const session = await newSession(user.id);
    const { token } = await createApiToken(t.db, user.id, "机器人");
    assert.equal((await loadSessionUser(t.db, session.id))?.unitId, townA);
    const result = await updateUser(t.db, admin, { id: user.id, name: "调动者", title: null, phone: null, role: "REPORTER", unitId: townB });
    assert.deepEqual(result, { ok: true, value: { revoked: true } });
    assert.equal(await loadSessionUser(t.db, session.id), null);
    assert.equal(await loadTokenUser(t.db, token), null);
    const entry = await lastAudit("user.update", user.id);
    assert.equal(JSON.parse(entry.before!).unitId, townA);
    assert.equal(JSON.parse(entry.after!).unitId, townB);
    // a name change alone keeps access
    const kept = await newSession(user.id);
    await updateUser(t.db, admin, { id: user.id, name: "改名者", title: null, phone: null, role: "REPORTER", unitId: townB });
    assert.ok(await loadSessionUser(t.db, kept.id));
    // a new role in the same unit ends access too (issue 13, finding 3)
    const { token: roleToken } = await createApiToken(t.db, user.id, "机器人");
    const promoted = await updateUser(t.db, admin, { id: user.id, name: "改名者", title: null, phone: null, role: "UNIT_HEAD", unitId: townB });
    assert.deepEqual(promoted, { ok: true, value: { revoked: true } });
    assert.equal(await loadSessionUser(t.db, kept.id), null);
    assert.equal(await loadTokenUser(t.db, roleToken), null);
  });

  test("a password reset revokes everything and sets a one-time password; disable ends access at once", async () => {
    const user = await t.db.user.create({ data: { username: "forgetful", name: "健忘", role: "LEADER", passwordHash: await hashPassword("old-password-x") } });
    const s1 = await newSession(user.id);
    const { token } = await createApiToken(t.db, user.id, "手机");
    const reset = await resetUserPassword(t.db, admin, user.id);
    assert.ok(reset.ok);
    assert.equal(await loadSessionUser(t.db, s1.id), null);
    assert.equal(await loadTokenUser(t.db, token), null);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.ok(await verifyPassword(reset.value.password, row.passwordHash));
    assert.equal(row.mustChangePassword, true);
    assert.equal((await loadSessionUser(t.db, (await newSession(user.id)).id))?.mustChangePassword, true);

    const s2 = await newSession(user.id);
    const { token: t2 } = await createApiToken(t.db, user.id, "机器人");
    assert.deepEqual(await setUserActive(t.db, admin, { id: user.id, active: false }), { ok: true, value: undefined });
    assert.equal(await loadSessionUser(t.db, s2.id), null);
    assert.equal(await loadTokenUser(t.db, t2), null);
    const entry = await lastAudit("user.disable", user.id);
    assert.deepEqual(JSON.parse(entry.before!), { active: true });
    assert.equal(JSON.parse(entry.after!).active, false);
    // the office cannot lock itself out
    assert.equal((await setUserActive(t.db, admin, { id: admin.id, active: false })).ok, false);
  });
});

describe("units", () => {
  test("create validates code, name and coordinates, and refuses a clash", async () => {
    assert.equal(unitCreateInput.safeParse({ code: "C", name: "丙镇", kind: "TOWN", lat: "36.7" }).success, false, "lat without lng");
    assert.equal(unitCreateInput.safeParse({ code: "C", name: "丙镇", kind: "TOWN", lat: "136.7", lng: "114" }).success, false);
    const ok = await createUnit(
      t.db,
      admin,
      unitCreateInput.parse({ code: "C", name: "丙镇", kind: "TOWN", seatPlace: "丙镇政府", lat: "36.78", lng: "114.49" }),
    );
    assert.ok(ok.ok);
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: ok.value.id } });
    assert.equal(unit.seatPlace, "丙镇政府");
    assert.equal(unit.lat, 36.78);
    const clash = await createUnit(t.db, admin, unitCreateInput.parse({ code: "C", name: "丁镇", kind: "TOWN" }));
    assert.ok(!clash.ok && clash.fieldErrors?.code);
    const renamed = await updateUnit(t.db, admin, { id: unit.id, code: "C", name: "丙街道", kind: "TOWN", seatPlace: null, lat: null, lng: null });
    assert.ok(renamed.ok);
    const entry = await lastAudit("unit.rename", unit.id);
    assert.equal(JSON.parse(entry.before!).name, "丙镇");
    assert.equal(JSON.parse(entry.after!).name, "丙街道");
  });

  test("retiring a unit keeps its cards and flags under its name, disables its accounts and leaves the groups from today", async () => {
    const unit = await t.db.unit.create({ data: { code: "R", name: "撤销镇", kind: "TOWN", groups: { create: [{ groupId }] } } });
    const head = await t.db.user.create({ data: { username: "r-head", name: "镇长", role: "UNIT_HEAD", unitId: unit.id, passwordHash: "x" } });
    const session = await newSession(head.id);
    await t.db.reportCard.create({ data: { unitId: unit.id, date: "2026-11-02" } });
    const quarter = await t.db.quarter.create({ data: { year: 2026, number: 3 } });
    await t.db.flag.create({ data: { unitId: unit.id, color: "RED", quarterId: quarter.id } });
    const result = await retireUnit(t.db, admin, unit.id, new Date("2026-11-20T02:00:00Z"), "2026-11-20");
    assert.ok(result.ok);
    const row = await t.db.unit.findUniqueOrThrow({ where: { id: unit.id }, include: { cards: true, flags: true } });
    assert.ok(row.archivedAt);
    assert.equal(row.name, "撤销镇");
    assert.equal(row.cards.length, 1);
    assert.equal(row.flags.length, 1);
    assert.equal(await loadSessionUser(t.db, session.id), null);
    assert.deepEqual(await groupUnitsOn(t.db, groupId, "2026-11-19"), [townA, unit.id].sort());
    assert.deepEqual(await groupUnitsOn(t.db, groupId, "2026-11-20"), [townA]);
    assert.equal((await retireUnit(t.db, admin, unit.id)).ok, false, "not twice");
    assert.ok(!(await updateUnit(t.db, admin, { id: unit.id, code: "R", name: "新名", kind: "TOWN", seatPlace: null, lat: null, lng: null })).ok);
  });

  test("merging moves tasks, open orders and accounts; closed orders, cards and history stay with the old unit", async () => {
    const old = await t.db.unit.create({ data: { code: "M", name: "并出局", kind: "DEPARTMENT", groups: { create: [{ groupId }] } } });
    const into = await t.db.unit.create({ data: { code: "N", name: "并入局", kind: "DEPARTMENT" } });
    const task = await t.db.task.create({ data: { year: 2026, unitId: old.id, title: "修路", target: 10, measure: "公里", deadline: "2026-12-31" } });
    const card = await t.db.reportCard.create({ data: { unitId: old.id, date: "2026-11-03" } });
    const open = await t.db.supervisionOrder.create({ data: { issuerId: admin.id, unitId: old.id, title: "未结", content: "c", deadline: new Date() } });
    const closed = await t.db.supervisionOrder.create({
      data: { issuerId: admin.id, unitId: old.id, title: "已结", content: "c", deadline: new Date(), status: "ACCEPTED" },
    });
    const staff = await t.db.user.create({ data: { username: "m-rep", name: "信息员", role: "REPORTER", unitId: old.id, passwordHash: "x" } });
    const session = await newSession(staff.id);

    const result = await mergeUnits(t.db, admin, { id: old.id, intoId: into.id }, new Date("2026-11-21T02:00:00Z"), "2026-11-21");
    assert.deepEqual(result, { ok: true, value: { tasks: 1, orders: 1, users: 1 } });
    assert.equal((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).unitId, into.id);
    assert.equal((await t.db.supervisionOrder.findUniqueOrThrow({ where: { id: open.id } })).unitId, into.id);
    assert.equal((await t.db.supervisionOrder.findUniqueOrThrow({ where: { id: closed.id } })).unitId, old.id);
    assert.equal((await t.db.reportCard.findUniqueOrThrow({ where: { id: card.id }, include: { unit: true } })).unit?.name, "并出局");
    assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).unitId, into.id);
    assert.equal(await loadSessionUser(t.db, session.id), null);
    const oldRow = await t.db.unit.findUniqueOrThrow({ where: { id: old.id } });
    assert.equal(oldRow.mergedIntoId, into.id);
    assert.ok(oldRow.archivedAt);
    assert.ok((await groupUnitsOn(t.db, groupId, "2026-11-20")).includes(old.id));
    assert.ok(!(await groupUnitsOn(t.db, groupId, "2026-11-21")).includes(old.id));
    assert.ok((await groupUnitsOn(t.db, groupId, "2026-11-21")).includes(into.id));
    const entry = await lastAudit("unit.merge", old.id);
    assert.deepEqual(JSON.parse(entry.after!).moved.tasks, [task.id]);
    assert.equal((await mergeUnits(t.db, admin, { id: into.id, intoId: old.id })).ok, false, "not into a retired unit");
  });
});

describe("assessment group scope by date", () => {
  test("a mid-quarter change is in force from its date; earlier days keep the old scope", async () => {
    const today = "2026-11-25";
    const unit = await t.db.unit.create({ data: { code: "S", name: "范围镇", kind: "TOWN" } });
    const add = await changeGroupScope(t.db, admin, { groupId, unitId: unit.id, change: "ADD", effectiveDate: "2026-11-10" }, today);
    assert.ok(add.ok);
    assert.ok(!(await groupUnitsOn(t.db, groupId, "2026-11-09")).includes(unit.id));
    assert.ok((await groupUnitsOn(t.db, groupId, "2026-11-10")).includes(unit.id));
    const remove = await changeGroupScope(t.db, admin, { groupId, unitId: townA, change: "REMOVE", effectiveDate: "2026-11-15" }, today);
    assert.ok(remove.ok);
    assert.ok((await groupUnitsOn(t.db, groupId, "2026-11-14")).includes(townA));
    assert.ok(!(await groupUnitsOn(t.db, groupId, "2026-11-15")).includes(townA));
    assert.ok(!(await groupUnitsOn(t.db, groupId, today)).includes(townA));
    const entry = await lastAudit("group.scope-remove", groupId);
    assert.equal(JSON.parse(entry.after!).effectiveDate, "2026-11-15");
    assert.equal(entry.unitId, townA);
  });

  test("a change in the future, in a past quarter, twice, or before a later change is refused", async () => {
    const today = "2026-11-25";
    const unit = await t.db.unit.create({ data: { code: "F", name: "未来镇", kind: "TOWN" } });
    const refuse = async (input: object) => {
      const result = await changeGroupScope(t.db, admin, scopeChangeInput.parse({ groupId, unitId: unit.id, ...input }), today);
      assert.equal(result.ok, false);
      return result;
    };
    await refuse({ change: "ADD", effectiveDate: "2026-11-26" });
    await refuse({ change: "ADD", effectiveDate: "2026-09-30" });
    await refuse({ change: "REMOVE", effectiveDate: "2026-11-20" });
    assert.ok((await changeGroupScope(t.db, admin, { groupId, unitId: unit.id, change: "ADD", effectiveDate: "2026-11-20" }, today)).ok);
    await refuse({ change: "ADD", effectiveDate: "2026-11-21" });
    await refuse({ change: "REMOVE", effectiveDate: "2026-11-19" });
    assert.equal(scopeChangeInput.safeParse({ groupId, unitId: unit.id, change: "ADD", effectiveDate: "2026-13-01" }).success, false);
  });
});

describe("lines, key tasks, group members and channels", () => {
  test("a line gets a leader and units; a non-leader or a retired unit is refused; audited with before/after", async () => {
    const leader = await t.db.user.create({ data: { username: "leader-l", name: "线长", role: "LEADER", passwordHash: "x" } });
    const assessor = await t.db.user.create({ data: { username: "assessor-l", name: "组员", role: "ASSESSOR", passwordHash: "x" } });
    const created = await saveLine(t.db, admin, lineInput.parse({ name: "招商引资线", kind: "LINE", leaderId: leader.id, unitIds: `${townA},${townB}` }));
    assert.ok(created.ok);
    assert.equal(await t.db.lineUnit.count({ where: { lineId: created.value.id } }), 2);
    const wrongLeader = await saveLine(
      t.db,
      admin,
      lineInput.parse({ id: created.value.id, name: "招商引资线", kind: "LINE", leaderId: assessor.id, unitIds: townA }),
    );
    assert.ok(!wrongLeader.ok && wrongLeader.fieldErrors?.leaderId);
    assert.equal(await t.db.lineUnit.count({ where: { lineId: created.value.id } }), 2, "nothing changed on error");
    const updated = await saveLine(
      t.db,
      admin,
      lineInput.parse({ id: created.value.id, name: "招商引资线", kind: "COMMAND_CENTRE", leaderId: leader.id, unitIds: townA }),
    );
    assert.ok(updated.ok);
    const entry = await lastAudit("line.update", created.value.id);
    assert.deepEqual(JSON.parse(entry.before!).unitIds, [townA, townB].sort());
    assert.deepEqual(JSON.parse(entry.after!).unitIds, [townA]);
    assert.equal(JSON.parse(entry.after!).kind, "COMMAND_CENTRE");
    assert.equal(lineInput.safeParse({ name: "x", kind: "LINE" }).success, false);

    const keyTask = await t.db.keyTask.findFirstOrThrow();
    assert.ok((await updateKeyTask(t.db, admin, { id: keyTask.id, name: "招商引资攻坚", lineId: created.value.id })).ok);
    assert.equal((await t.db.keyTask.findUniqueOrThrow({ where: { id: keyTask.id } })).lineId, created.value.id);
    assert.equal((await updateKeyTask(t.db, admin, { id: keyTask.id, name: "招商引资攻坚", lineId: "nope" })).ok, false);

    assert.ok((await setGroupMembers(t.db, admin, { id: groupId, userIds: [assessor.id, leader.id] })).ok);
    assert.equal(await t.db.assessmentGroupMember.count({ where: { groupId } }), 2);
    const unitUser = await t.db.user.create({ data: { username: "unit-l", name: "单位人", role: "REPORTER", unitId: townB, passwordHash: "x" } });
    assert.equal((await setGroupMembers(t.db, admin, { id: groupId, userIds: [unitUser.id] })).ok, false);
    assert.equal(await t.db.assessmentGroupMember.count({ where: { groupId } }), 2);
  });

  test("a channel's units and people are set together and audited", async () => {
    const channel = await t.db.channel.create({ data: { code: "leaders", name: "区级领导干部工作群", units: { create: [{ unitId: townA }] } } });
    const leader = await t.db.user.create({ data: { username: "leader-c", name: "领导丙", role: "LEADER", passwordHash: "x" } });
    assert.ok((await setChannelMembers(t.db, admin, { id: channel.id, unitIds: [townB], userIds: [leader.id] })).ok);
    const row = await t.db.channel.findUniqueOrThrow({ where: { id: channel.id }, include: { units: true, members: true } });
    assert.deepEqual(
      row.units.map((u) => u.unitId),
      [townB],
    );
    assert.deepEqual(
      row.members.map((m) => m.userId),
      [leader.id],
    );
    const entry = await lastAudit("channel.members", channel.id);
    assert.deepEqual(JSON.parse(entry.before!), { unitIds: [townA], userIds: [] });
    const retired = await t.db.unit.create({ data: { code: "Z", name: "已撤乡", kind: "TOWN", archivedAt: new Date() } });
    assert.equal((await setChannelMembers(t.db, admin, { id: channel.id, unitIds: [retired.id], userIds: [] })).ok, false);
  });
});
