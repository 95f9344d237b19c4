/**
 * The audit viewer's reads against a real migrated database: the unit of an
 * entry found from its entity, the filters (unit, user, kind, district dates),
 * keyset paging, the export's rows, and every role but the office and the
 * leaders refused.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { audit, auditMany, fillAuditUnits } from "@/lib/audit";
import { parseAuditFilters } from "@/lib/audit/filters";
import { DATA_MIGRATIONS } from "@/lib/data-migrations";
import { AuditAccessDenied, listAuditEntries, listAuditEntriesForExport, listAuditFilterOptions } from "@/lib/audit/entries";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { asSessionUser } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

let t: TestDb;
let db: Db;
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};

before(async () => {
  t = await createTestDb();
  db = t.db;
  ids.A = (await db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 1 } })).id;
  ids.B = (await db.unit.create({ data: { code: "B", name: "乙局", kind: "DEPARTMENT", sortOrder: 2 } })).id;
  for (const [key, role, unitId] of [
    ["admin", "ADMIN", null],
    ["leader", "LEADER", null],
    ["assessor", "ASSESSOR", null],
    ["head", "UNIT_HEAD", ids.A],
    ["rep", "REPORTER", ids.A],
  ] as const) {
    users[key] = asSessionUser(await db.user.create({ data: { username: key, name: `${key}姓名`, passwordHash: "x", role: role as Role, unitId } }));
  }
  ids.taskA = (await db.task.create({ data: { year: 2026, unitId: ids.A, title: "修路", target: 10, measure: "公里", deadline: "2026-12-31" } })).id;
  ids.taskB = (await db.task.create({ data: { year: 2026, unitId: ids.B, title: "招商", target: 3, measure: "个", deadline: "2026-12-31" } })).id;
  ids.milestone = (await db.milestone.create({ data: { taskId: ids.taskA, title: "一期", dueDate: "2026-09-30", target: 5 } })).id;
});

after(async () => {
  await t?.cleanup();
});

test("each entry names the unit it concerns, found from its entity when the writer does not say", async () => {
  for (const entry of [
    { actorId: users.head.id, action: "task.progress", entity: "Task", entityId: ids.taskA, before: { valueReached: 0 }, after: { valueReached: 4 } },
    { actorId: users.admin.id, action: "milestone.update", entity: "Milestone", entityId: ids.milestone, before: { target: 5 }, after: { target: 6 } },
    // A deleted row: its task in the record still leads to the unit.
    { actorId: users.admin.id, action: "milestone.delete", entity: "Milestone", entityId: "gone", before: { taskId: ids.taskB, title: "旧节点" } },
    { actorId: users.admin.id, action: "bulletin.publish", entity: "Bulletin", entityId: "b1", after: { number: 5 } },
  ])
    await audit(db, entry);
  await auditMany(db, [
    { actorId: users.admin.id, action: "task.import.update", entity: "Task", entityId: ids.taskB, before: { target: 2 }, after: { target: 3 } },
  ]);
  const rows = await db.auditLog.findMany({ orderBy: { createdAt: "asc" }, select: { action: true, unitId: true } });
  assert.deepEqual(
    rows.map((r) => [r.action, r.unitId]),
    [
      ["task.progress", ids.A],
      ["milestone.update", ids.A],
      ["milestone.delete", ids.B],
      ["bulletin.publish", null],
      ["task.import.update", ids.B],
    ],
  );

  // Entries written before the column existed are filled by the data migration's step.
  await db.auditLog.create({ data: { actorId: users.head.id, action: "task.progress", entity: "Task", entityId: ids.taskA } });
  await db.auditLog.create({ data: { actorId: users.head.id, action: "order.issue", entity: "SupervisionOrder", entityId: "missing" } });
  const step = DATA_MIGRATIONS.find((s) => s.name === "2026-11-30 audit entries' units")!;
  await db.$transaction((tx) => step.run(tx));
  assert.equal(await db.auditLog.count({ where: { unitId: ids.A } }), 3);
  assert.equal(await db.auditLog.count({ where: { unitId: null } }), 2, "a bulletin and a vanished order have no unit");
  assert.equal(await fillAuditUnits(db), 0, "idempotent");
});

test("filters: unit, user (username or name), kind, district dates; newest first", async () => {
  // Entries at known instants around a district midnight (Asia/Shanghai).
  const at = (date: string, hhmm: string) => districtInstant(date, hhmm);
  await db.auditLog.createMany({
    data: [
      {
        actorId: users.rep.id,
        action: "report.edit",
        entity: "ReportSlot",
        entityId: "s1",
        unitId: ids.A,
        createdAt: at("2026-11-01", "23:59"),
        before: '{"text":"旧"}',
        after: '{"text":"新"}',
      },
      { actorId: users.rep.id, action: "report.edit", entity: "ReportSlot", entityId: "s2", unitId: ids.A, createdAt: at("2026-11-02", "00:01") },
      { actorId: users.admin.id, action: "order.issue", entity: "SupervisionOrder", entityId: "o1", unitId: ids.B, createdAt: at("2026-11-02", "09:00") },
    ],
  });
  const list = (query: string, user = users.admin) => listAuditEntries(user, parseAuditFilters(new URLSearchParams(query)), db);

  const day = await list("from=2026-11-02&to=2026-11-02");
  assert.deepEqual(
    day.rows.map((r) => r.entityId),
    ["o1", "s2"],
    "a district day, newest first",
  );
  assert.deepEqual(
    (await list("unit=" + ids.A + "&action=report.edit")).rows.map((r) => r.entityId),
    ["s2", "s1"],
  );
  assert.deepEqual(
    (await list("user=rep&to=2026-11-01")).rows.map((r) => r.entityId),
    ["s1"],
  );
  assert.deepEqual(
    (await list("user=" + encodeURIComponent("admin姓名") + "&action=order.issue")).rows.map((r) => r.entityId),
    ["o1"],
  );
  assert.deepEqual((await list("user=nobody")).rows, []);
  const edit = (await list("entity=ReportSlot&entityId=s1")).rows;
  assert.equal(edit.length, 1);
  assert.deepEqual(edit[0].changes, [{ path: "text", before: "旧", after: "新" }], "before/after as the changed fields");
  assert.equal(edit[0].unit?.name, "甲镇");
  assert.equal(edit[0].actor?.username, "rep");

  // A malformed filter is dropped, not an error.
  assert.deepEqual(parseAuditFilters(new URLSearchParams("from=2026-13-45&unit=&after=x")), {});
});

test("keyset paging walks every entry once, newest first", async () => {
  const total = await db.auditLog.count();
  const seen: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listAuditEntries(users.leader, { after }, db, 3);
    seen.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  assert.equal(seen.length, total);
  assert.equal(new Set(seen).size, total);
  const times = (await db.auditLog.findMany({ where: { id: { in: seen } }, select: { id: true, createdAt: true } })).reduce(
    (m, r) => m.set(r.id, r.createdAt.getTime()),
    new Map<string, number>(),
  );
  assert.ok(seen.every((id, i) => i === 0 || times.get(seen[i - 1])! >= times.get(id)!));

  const exported = await listAuditEntriesForExport(users.leader, { unit: ids.A }, db);
  assert.ok(exported.rows.length > 0 && exported.rows.every((r) => r.unit?.id === ids.A));
});

test("the office and the leaders may read the log; every other role is refused", async () => {
  for (const reader of [users.admin, users.leader]) {
    assert.ok((await listAuditEntries(reader, {}, db)).rows.length > 0);
    assert.ok((await listAuditFilterOptions(reader, db)).actions.includes("report.edit"));
  }
  for (const user of [users.assessor, users.head, users.rep]) {
    await assert.rejects(listAuditEntries(user, {}, db), AuditAccessDenied, user.username);
    await assert.rejects(listAuditEntriesForExport(user, {}, db), AuditAccessDenied, user.username);
    await assert.rejects(listAuditFilterOptions(user, db), AuditAccessDenied, user.username);
  }
});
