/**
 * Bulletin numbers (第 N 期) against a real SQLite file: consecutive per year,
 * no gaps and no duplicates when several people publish at the same moment.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BulletinError, draftBulletinFromCards, planDraft, publishBulletin } from "@/lib/supervision/bulletins/service";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let adminId: string;
let slotId: string;

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "130408100", name: "临洺关镇", kind: "TOWN" } });
  const admin = await t.db.user.create({ data: { username: "admin", name: "督查室", role: "ADMIN", passwordHash: "x" } });
  adminId = admin.id;
  const card = await t.db.reportCard.create({ data: { unitId: unit.id, date: "2026-11-26" } });
  const slot = await t.db.reportSlot.create({ data: { cardId: card.id, slot: "EVENING", authorId: admin.id, text: "今日完成拆迁协议签订三户。", submittedAt: new Date() } });
  slotId = slot.id;
});
after(() => t.cleanup());

async function draft(date = "2026-11-26", withItem = true): Promise<string> {
  const b = await t.db.bulletin.create({
    data: {
      year: Number(date.slice(0, 4)),
      date,
      title: "全区重点工作动态",
      summary: "编者按",
      createdById: adminId,
      items: withItem ? { create: [{ slotId, excerpt: "【临洺关镇】今日完成拆迁协议签订三户。" }] } : undefined,
    },
  });
  return b.id;
}

test("twelve drafts published at once get 第1期…第12期, each once", async () => {
  const ids = await Promise.all(Array.from({ length: 12 }, () => draft()));
  const results = await Promise.all(ids.map((bulletinId) => publishBulletin(t.db, { bulletinId, actorId: adminId })));
  assert.deepEqual(
    results.map((r) => r.number).sort((a, b) => a - b),
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  const stored = await t.db.bulletin.findMany({ where: { id: { in: ids } }, select: { number: true, status: true, publishedAt: true } });
  assert.ok(stored.every((b) => b.status === "PUBLISHED" && b.publishedAt));
  assert.equal(new Set(stored.map((b) => b.number)).size, 12);
  assert.equal((await t.db.counter.findUnique({ where: { key: "bulletin:2026" } }))?.value, 12);
  assert.equal(await t.db.auditLog.count({ where: { action: "bulletin.publish" } }), 12);
});

test("the same draft published by five people at once is published once, and takes one number", async () => {
  const id = await draft();
  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => publishBulletin(t.db, { bulletinId: id, actorId: adminId })));
  const won = outcomes.filter((o) => o.status === "fulfilled");
  assert.equal(won.length, 1);
  for (const lost of outcomes.filter((o) => o.status === "rejected")) {
    assert.ok(lost.reason instanceof BulletinError && /已经发布/.test(lost.reason.message), String(lost.reason));
  }
  assert.equal((await t.db.bulletin.findUniqueOrThrow({ where: { id } })).number, 13);
  // The losers' increments rolled back: the next one is 14, no gap.
  assert.equal((await publishBulletin(t.db, { bulletinId: await draft(), actorId: adminId })).number, 14);
});

test("numbers restart each year; an empty draft is refused without using a number", async () => {
  assert.equal((await publishBulletin(t.db, { bulletinId: await draft("2027-01-04"), actorId: adminId })).number, 1);
  await assert.rejects(publishBulletin(t.db, { bulletinId: await draft("2027-01-05", false), actorId: adminId }), /至少选入一条晒报/);
  assert.equal((await publishBulletin(t.db, { bulletinId: await draft("2027-01-05"), actorId: adminId })).number, 2);
});

test("a draft from the day's cards takes each unit's latest report, grouped by key task", async () => {
  const { id, items } = await draftBulletinFromCards(t.db, { date: "2026-11-26", actorId: adminId });
  assert.equal(items, 1);
  const bulletin = await t.db.bulletin.findUniqueOrThrow({ where: { id }, include: { items: true } });
  assert.equal(bulletin.status, "DRAFT");
  assert.equal(bulletin.number, null);
  assert.equal(bulletin.items[0].slotId, slotId);
  assert.match(bulletin.items[0].excerpt, /^【临洺关镇】/);
});

test("near-duplicate reports are merged into one item that names the other units", () => {
  const keyTask = { id: "kt", name: "招商引资", sortOrder: 2 };
  const text = "晚晒:今日计划2项,完成2项。已完成:走访包联企业,帮助解决用工问题;对接招商引资项目线索两条。";
  const groups = planDraft([
    { slotId: "a", unitName: "刘营镇", unitSort: 1, text, done: 2, keyTask },
    { slotId: "b", unitName: "西苏镇", unitSort: 2, text: text.replace("两条", "三条"), done: 2, keyTask },
    { slotId: "c", unitName: "讲武镇", unitSort: 3, text: "今日陪同客商实地考察讲武工业园,初步达成厂房租赁意向,下周签约。", done: 1, keyTask },
    { slotId: "d", unitName: "区商务局", unitSort: 1001, text: "召开外贸企业座谈会。", done: 1, keyTask: null },
  ]);
  assert.deepEqual(
    groups.map((g) => g.keyTask?.name ?? null),
    ["招商引资", null],
  );
  assert.deepEqual(
    groups[0].items.map((i) => [i.slotId, i.alsoFrom]),
    [
      ["a", ["西苏镇"]],
      ["c", []],
    ],
  );
  assert.match(groups[0].items[0].excerpt, /西苏镇报送了相近内容/);
});

test("a draft keeps every key task's best report first, up to the cap", () => {
  const keyTask = (i: number) => ({ id: `kt${i}`, name: `重点工作${i}`, sortOrder: i });
  const candidates = Array.from({ length: 30 }, (_, i) => ({
    slotId: `s${i}`,
    unitName: `单位${i}`,
    unitSort: i,
    // Distinct texts, so that nothing merges.
    text: `第${i}条:${"甲乙丙丁戊己庚辛壬癸".slice(i % 10)}${"子丑寅卯辰巳午未申酉戌亥".slice(i % 12)}号项目今日完成${i}项。`,
    done: 30 - i,
    keyTask: keyTask(i % 5),
  }));
  const groups = planDraft(candidates, 3, 8);
  assert.equal(groups.reduce((n, g) => n + g.items.length, 0), 8);
  assert.deepEqual(
    groups.map((g) => g.items.length),
    [2, 2, 2, 1, 1],
  );
});
