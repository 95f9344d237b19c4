/** Notices on a real database: counted and listed per recipient; marking read touches only the user's own. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { countUnread, listNoticesOf, markRead, NOTIFICATION_PAGE_SIZE } from "@/lib/notifications/notices";
import { testDbForFile } from "@/lib/testing/file-db";

const t = testDbForFile();

test("each user counts, lists and marks read only their own notices", async () => {
  const [a, b] = await Promise.all(["a", "b"].map((u) => t.db.user.create({ data: { username: u, name: u, role: "ADMIN", passwordHash: "x" } })));
  const base = Date.parse("2026-11-30T00:00:00Z");
  await t.db.notification.createMany({
    data: Array.from({ length: NOTIFICATION_PAGE_SIZE + 2 }, (_, i) => ({
      recipientId: a.id,
      kind: "report.correction",
      message: `更正 ${i}`,
      href: "/units/x",
      createdAt: new Date(base + i * 1000),
    })),
  });
  const other = await t.db.notification.create({
    data: { recipientId: b.id, kind: "report.correction", message: "给 b", href: "/units/y", createdAt: new Date(base) },
  });

  assert.equal(await countUnread(t.db, a.id), NOTIFICATION_PAGE_SIZE + 2);
  const first = await listNoticesOf(t.db, a.id);
  assert.equal(first.notices[0].message, `更正 ${NOTIFICATION_PAGE_SIZE + 1}`, "newest first");
  assert.ok(first.nextCursor);
  const second = await listNoticesOf(t.db, a.id, first.nextCursor!);
  assert.deepEqual(
    second.notices.map((n) => n.message),
    ["更正 1", "更正 0"],
  );

  // Another user's notice id changes nothing for a.
  assert.equal(await t.db.$transaction((tx) => markRead(tx, a.id, other.id, new Date())), 0);
  assert.equal((await t.db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt, null);
  assert.equal(await t.db.$transaction((tx) => markRead(tx, a.id, first.notices[0].id, new Date())), 1);
  assert.equal(await countUnread(t.db, a.id), NOTIFICATION_PAGE_SIZE + 1);
  assert.equal(await t.db.$transaction((tx) => markRead(tx, a.id, undefined, new Date())), NOTIFICATION_PAGE_SIZE + 1);
  assert.equal(await countUnread(t.db, a.id), 0);
  assert.equal(await countUnread(t.db, b.id), 1);
});
