/**
 * The data migration "2026-11-30 report revisions to versions" on a real
 * database: ReportRevision rows become versions 2…n+1, a slot without them
 * gets version 1, checks and bulletin items point at the version of their
 * time, and a second run changes nothing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DATA_MIGRATIONS } from "@/lib/data-migrations";
import { backfillReportVersions } from "@/lib/reports/version-backfill";
import { cardItem } from "@/lib/testing/card-items";
import { testDbForFile } from "@/lib/testing/file-db";
import { testPhotoFile } from "@/lib/testing/photos";

const t = testDbForFile();

const time = (iso: string) => new Date(iso);
const item = (text: string, outcome: "DONE" | "OPEN") =>
  cardItem(`item-${text}`, text, { addedIn: "EVENING", outcome, reason: outcome === "OPEN" ? "下雨" : null });

test("revisions become versions; checks and bulletin items point at the version they saw; a second run changes nothing", async () => {
  const db = t.db;
  assert.ok(
    DATA_MIGRATIONS.some((s) => s.run === backfillReportVersions),
    "the step is shipped",
  );
  const unit = await db.unit.create({ data: { code: "B1", name: "回填镇", kind: "TOWN" } });
  const rep = await db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", unitId: unit.id, passwordHash: "x" } });
  const head = await db.user.create({ data: { username: "head", name: "镇长", role: "UNIT_HEAD", unitId: unit.id, passwordHash: "x" } });
  const admin = await db.user.create({ data: { username: "admin", name: "督查室", role: "ADMIN", passwordHash: "x" } });
  const card = await db.reportCard.create({ data: { unitId: unit.id, date: "2026-11-20" } });
  await db.reportItem.create({ data: { ...item("清理河道", "OPEN"), cardId: card.id, addedIn: "EVENING" } });
  const photo = (key: string, slotId: string) =>
    db.photo.create({
      data: { uploaderId: rep.id, slotId, ...testPhotoFile(key) },
    });

  // Shown at 20:00 with one photo, corrected twice after 21:00 (each revision keeps the state before it).
  const slot = await db.reportSlot.create({
    data: { cardId: card.id, slot: "EVENING", authorId: rep.id, text: "第三稿", submittedAt: time("2026-11-20T12:00:00Z"), revisionCount: 2 },
  });
  const p1 = await photo("p1", slot.id);
  const p2 = await photo("p2", slot.id);
  const snapshot = (text: string, photoIds: string[], items: unknown[]) =>
    JSON.stringify({ text, place: null, lat: null, lng: null, authorId: rep.id, submittedAt: "2026-11-20T12:00:00.000Z", photoIds, items });
  await db.reportRevision.create({
    data: {
      slotId: slot.id,
      number: 1,
      authorId: head.id,
      reason: "数字写错",
      snapshot: snapshot("初稿", [p1.id], [item("清理河道", "DONE")]),
      createdAt: time("2026-11-20T14:00:00Z"),
    },
  });
  await db.reportRevision.create({
    data: {
      slotId: slot.id,
      number: 2,
      authorId: rep.id,
      reason: "补照片",
      snapshot: snapshot("第二稿", [p1.id], [item("清理河道", "OPEN")]),
      createdAt: time("2026-11-21T01:00:00Z"),
    },
  });
  // A check drawn between the two corrections saw the second draft; a bulletin published before them quoted the first.
  const check = await db.spotCheck.create({ data: { slotId: slot.id, checkerId: admin.id, createdAt: time("2026-11-20T16:00:00Z") } });
  const bulletin = await db.bulletin.create({
    data: {
      year: 2026,
      number: 7,
      date: "2026-11-20",
      title: "第7期",
      summary: "",
      status: "PUBLISHED",
      createdById: admin.id,
      createdAt: time("2026-11-20T12:30:00Z"),
      publishedAt: time("2026-11-20T13:00:00Z"),
      items: { create: [{ slotId: slot.id, excerpt: "初稿" }] },
    },
    include: { items: true },
  });
  // A slot never corrected.
  const plain = await db.reportSlot.create({
    data: { cardId: card.id, slot: "MORNING", authorId: rep.id, text: "今日计划", submittedAt: time("2026-11-20T00:30:00Z") },
  });

  await db.$transaction((tx) => backfillReportVersions(tx));

  const versions = await db.reportVersion.findMany({ where: { slotId: slot.id }, orderBy: { number: "asc" } });
  assert.deepEqual(
    versions.map((v) => [v.number, v.kind, v.text, v.authorId, v.reason, v.createdAt.toISOString()]),
    [
      [1, "SUBMIT", "初稿", rep.id, null, "2026-11-20T12:00:00.000Z"],
      [2, "REVISION", "第二稿", head.id, "数字写错", "2026-11-20T14:00:00.000Z"],
      [3, "REVISION", "第三稿", rep.id, "补照片", "2026-11-21T01:00:00.000Z"],
    ],
  );
  const ids = (json: string) => JSON.parse(json) as string[];
  assert.deepEqual(ids(versions[2].photoIds), [p1.id, p2.id]);
  assert.deepEqual(ids(versions[2].addedPhotoIds), [p2.id], "the last correction added the second photo");
  assert.deepEqual(
    (JSON.parse(versions[0].items) as { outcome: string }[]).map((i) => i.outcome),
    ["DONE"],
  );

  const plainVersions = await db.reportVersion.findMany({ where: { slotId: plain.id } });
  assert.deepEqual(
    plainVersions.map((v) => [v.number, v.kind, v.text, v.createdAt.toISOString()]),
    [[1, "SUBMIT", "今日计划", "2026-11-20T00:30:00.000Z"]],
  );

  assert.equal((await db.spotCheck.findUniqueOrThrow({ where: { id: check.id } })).versionId, versions[1].id);
  assert.equal((await db.bulletinItem.findUniqueOrThrow({ where: { id: bulletin.items[0].id } })).versionId, versions[0].id);

  const count = await db.reportVersion.count();
  await db.$transaction((tx) => backfillReportVersions(tx));
  assert.equal(await db.reportVersion.count(), count, "idempotent");
});
