/**
 * Bulletin numbers (第 N 期) against a real SQLite file: consecutive per year,
 * no gaps and no duplicates when several people publish at the same moment.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BulletinError, draftBulletinFromCards, editBulletin, planDraft, publishBulletin } from "@/lib/supervision/bulletins/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createSlot } from "@/lib/testing/slots";
import { createOffice } from "@/lib/testing/users";

let t: TestDb;
let adminId: string;
let slotId: string;

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "130408100", name: "临洺关镇", kind: "TOWN" } });
  adminId = (await createOffice(t.db, "admin")).id;
  const slot = { slot: "EVENING", authorId: adminId, text: "今日完成拆迁协议签订三户。", submittedAt: new Date() } as const;
  slotId = (await createSlot(t.db, { unitId: unit.id, date: "2026-11-26", ...slot })).id;
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

test("twelve drafts published at once get 第1期…第12期，each once", async () => {
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
  const text = "晚晒：今日计划2项，完成2项。已完成：走访包联企业，帮助解决用工问题；对接招商引资项目线索两条。";
  const candidate = (c: Omit<Parameters<typeof planDraft>[0][number], "excerpt">) => ({ ...c, excerpt: `【${c.unitName}】${c.text}` });
  const groups = planDraft([
    candidate({ slotId: "a", unitName: "刘营镇", unitSort: 1, text, done: 2, keyTask }),
    candidate({ slotId: "b", unitName: "西苏镇", unitSort: 2, text: text.replace("两条", "三条"), done: 2, keyTask }),
    candidate({ slotId: "c", unitName: "讲武镇", unitSort: 3, text: "今日陪同客商实地考察讲武工业园，初步达成厂房租赁意向，下周签约。", done: 1, keyTask }),
    candidate({ slotId: "d", unitName: "区商务局", unitSort: 1001, text: "召开外贸企业座谈会。", done: 1, keyTask: null }),
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
  assert.match(groups[0].items[0].excerpt, /（西苏镇报送了相近内容）$/);
});

test("a draft keeps every key task's best report first, up to the cap", () => {
  const keyTask = (i: number) => ({ id: `kt${i}`, name: `重点工作${i}`, sortOrder: i });
  const candidates = Array.from({ length: 30 }, (_, i) => ({
    slotId: `s${i}`,
    unitName: `单位${i}`,
    unitSort: i,
    // Distinct texts, so that nothing merges.
    text: `第${i}条：${"甲乙丙丁戊己庚辛壬癸".slice(i % 10)}${"子丑寅卯辰巳午未申酉戌亥".slice(i % 12)}号项目今日完成${i}项。`,
    excerpt: `【单位${i}】`,
    done: 30 - i,
    keyTask: keyTask(i % 5),
  }));
  const groups = planDraft(candidates, 3, 8);
  assert.equal(
    groups.reduce((n, g) => n + g.items.length, 0),
    8,
  );
  assert.deepEqual(
    groups.map((g) => g.items.length),
    [2, 2, 2, 1, 1],
  );
});

// ─── What is published is what the editor shows ──────────────────────────────

async function draftWithItems(
  excerpts: string[],
  summary = "本期摘编重点工作的12条晒报，请各单位对标学习、比学赶超。",
): Promise<{ id: string; itemIds: string[] }> {
  const b = await t.db.bulletin.create({
    data: {
      year: 2026,
      date: "2026-11-26",
      title: "旧标题",
      summary,
      createdById: adminId,
      items: { create: excerpts.map((excerpt, i) => ({ slotId, excerpt, sortOrder: i + 1 })) },
    },
    include: { items: { orderBy: { sortOrder: "asc" } } },
  });
  return { id: b.id, itemIds: b.items.map((i) => i.id) };
}

test("publishing sends the editor's unsaved text: the published bulletin has it, audited as an edit", async () => {
  const { id, itemIds } = await draftWithItems(["【临洺关镇】旧的摘编文字。", "【临洺关镇】第二条旧文字。"]);
  await publishBulletin(t.db, {
    bulletinId: id,
    actorId: adminId,
    text: {
      date: "2026-11-26",
      title: "新标题：拆迁攻坚",
      summary: "本期摘编重点工作的12条晒报，请各单位对标学习。",
      excerpts: { [itemIds[0]]: "【临洺关镇】改过的摘编文字。" },
    },
  });
  const published = await t.db.bulletin.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { sortOrder: "asc" } } } });
  assert.equal(published.status, "PUBLISHED");
  assert.equal(published.title, "新标题：拆迁攻坚");
  assert.deepEqual(
    published.items.map((i) => i.excerpt),
    ["【临洺关镇】改过的摘编文字。", "【临洺关镇】第二条旧文字。"],
  );
  const edit = await t.db.auditLog.findFirstOrThrow({ where: { action: "bulletin.edit", entityId: id } });
  assert.match(edit.before!, /旧标题/);
  assert.match(edit.after!, /改过的摘编文字/);
});

test("a refused publish writes nothing: neither the text nor a number", async () => {
  const { id } = await draftWithItems([]);
  const counter = (await t.db.counter.findUniqueOrThrow({ where: { key: "bulletin:2026" } })).value;
  await assert.rejects(
    publishBulletin(t.db, {
      bulletinId: id,
      actorId: adminId,
      text: { date: "2026-11-26", title: "不会保存的标题", summary: "编者按的文字够长了。", excerpts: {} },
    }),
    /至少选入一条晒报/,
  );
  assert.equal((await t.db.bulletin.findUniqueOrThrow({ where: { id } })).title, "旧标题");
  assert.equal((await t.db.counter.findUniqueOrThrow({ where: { key: "bulletin:2026" } })).value, counter);
});

test("the count in the editor's note is the count of items published, after one was removed", async () => {
  const { id, itemIds } = await draftWithItems(["【临洺关镇】第一条。", "【临洺关镇】第二条。", "【临洺关镇】第三条。"]);
  const text = { date: "2026-11-26", title: "旧标题", summary: "本期摘编重点工作的12条晒报，请各单位对标学习、比学赶超。", excerpts: {} };
  assert.ok(await editBulletin(t.db, { bulletinId: id, actorId: adminId, text, intent: "remove", itemId: itemIds[1] }));
  assert.match((await t.db.bulletin.findUniqueOrThrow({ where: { id } })).summary, /本期摘编重点工作的2条晒报，/);
  // The form still shows the old count: publishing corrects it from the items.
  await publishBulletin(t.db, { bulletinId: id, actorId: adminId, text });
  const published = await t.db.bulletin.findUniqueOrThrow({ where: { id }, include: { _count: { select: { items: true } } } });
  assert.equal(published._count.items, 2);
  assert.equal(published.summary, "本期摘编重点工作的2条晒报，请各单位对标学习、比学赶超。");
});

test("the auto-draft leaves out reports found 不属实 or with open flags, lists them, and groups by the items' key task only", async () => {
  const date = "2026-11-20";
  const invest = await t.db.keyTask.create({ data: { code: "ZSYZ", name: "招商引资", sortOrder: 2 } });
  const build = await t.db.keyTask.create({ data: { code: "XMJS", name: "项目建设", sortOrder: 4 } });
  const safety = await t.db.line.create({ data: { name: "安全生产", kind: "LINE" } });
  let n = 0;
  async function unitReport(
    name: string,
    items: { text: string; keyTaskId?: string; lineId?: string; outcome: "DONE" | "OPEN"; reason?: string }[],
    note: string,
  ) {
    n++;
    const unit = await t.db.unit.create({ data: { code: `1304081${String(n).padStart(2, "0")}`, name, kind: "TOWN", sortOrder: n } });
    const card = await t.db.reportCard.create({ data: { unitId: unit.id, date } });
    for (const [i, item] of items.entries()) {
      const task =
        item.keyTaskId || item.lineId
          ? await t.db.task.create({
              data: {
                year: 2026,
                unitId: unit.id,
                title: item.text,
                keyTaskId: item.keyTaskId,
                lineId: item.lineId,
                target: 10,
                measure: "个",
                deadline: "2026-12-31",
              },
            })
          : null;
      await t.db.reportItem.create({
        data: { cardId: card.id, addedIn: "MORNING", text: item.text, taskId: task?.id, outcome: item.outcome, reason: item.reason, sortOrder: i },
      });
    }
    const text = `今日完成${items.filter((i) => i.outcome === "DONE").length}/${items.length}项：${items.map((i, k) => `${k + 1}.${i.text}${i.outcome === "DONE" ? " ✓" : ` ?(${i.reason})`}`).join(";")}。\n${note}`;
    return t.db.reportSlot.create({ data: { cardId: card.id, slot: "EVENING", authorId: adminId, text, submittedAt: new Date() } });
  }
  const investOnly = await unitReport(
    "广府镇",
    [
      { text: "洽谈签约项目", keyTaskId: invest.id, outcome: "DONE" },
      { text: "走访客商", keyTaskId: invest.id, outcome: "OPEN", reason: "客商改期" },
    ],
    "全天在园区.",
  );
  const mixed = await unitReport(
    "刘营镇",
    [
      { text: "对接招商项目", keyTaskId: invest.id, outcome: "DONE" },
      { text: "对接落地项目", keyTaskId: invest.id, outcome: "DONE" },
      { text: "排查企业安全隐患", lineId: safety.id, outcome: "DONE" },
    ],
    "安全生产无小事.",
  );
  const buildOnly = await unitReport("西苏镇", [{ text: "推进厂房建设", keyTaskId: build.id, outcome: "DONE" }], "进度正常.");
  const falseOne = await unitReport("讲武镇", [{ text: "拆除违建", keyTaskId: build.id, outcome: "DONE" }], "全部拆除.");
  const flagged = await unitReport("曲陌乡", [{ text: "签约项目", keyTaskId: invest.id, outcome: "DONE" }], "顺利签约.");
  const dismissed = await unitReport("辛庄堡乡", [{ text: "洽谈项目", keyTaskId: invest.id, outcome: "DONE" }], "持续跟进.");
  const confirmed = await unitReport("大北汪镇", [{ text: "引进项目", keyTaskId: invest.id, outcome: "DONE" }], "已引进.");
  await t.db.spotCheck.create({
    data: { slotId: falseOne.id, checkerId: adminId, method: "ON_SITE", result: "FALSE", notes: "未拆除", checkedAt: new Date() },
  });
  await t.db.spotCheck.create({ data: { slotId: buildOnly.id, checkerId: adminId, method: "PHONE", result: "TRUE", notes: "属实", checkedAt: new Date() } });
  await t.db.anomaly.create({ data: { slotId: flagged.id, kind: "COPIED_TEXT", score: 0.8, evidence: "{}" } });
  await t.db.anomaly.create({ data: { slotId: dismissed.id, kind: "RECYCLED_PHOTO", score: 0.9, evidence: "{}", status: "DISMISSED" } });
  await t.db.anomaly.create({ data: { slotId: confirmed.id, kind: "RECYCLED_PHOTO", score: 0.9, evidence: "{}", status: "CONFIRMED" } });

  const { id, heldBack } = await draftBulletinFromCards(t.db, { date, actorId: adminId });
  const bulletin = await t.db.bulletin.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { sortOrder: "asc" } } } });
  // 招商引资 (sort 2) first, then 项目建设 (4), then the mixed card under 其他工作; held-back ones absent.
  assert.deepEqual(
    bulletin.items.map((i) => i.slotId),
    [investOnly.id, dismissed.id, buildOnly.id, mixed.id],
  );
  assert.deepEqual(
    heldBack.map((h) => [h.slotId, h.reason]),
    [
      [falseOne.id, "抽查核实为不属实"],
      [flagged.id, "有未排除的异常线索（文字疑似抄袭）"],
      [confirmed.id, "有未排除的异常线索（照片疑似重复使用）"],
    ],
  );
  // The count is the items', the key tasks named are the items' own.
  assert.match(bulletin.summary, /本期摘编招商引资、项目建设重点工作的4条晒报，/);
  // Official Chinese: no marks, 已完成 / 未完成 with the reason, full-width punctuation.
  const first = bulletin.items[0].excerpt;
  assert.equal(first, "【广府镇】洽谈签约项目，已完成；走访客商，未完成（原因：客商改期）。全天在园区.");
  for (const item of bulletin.items) assert.doesNotMatch(item.excerpt, /[✓?,:;()]/);
});
