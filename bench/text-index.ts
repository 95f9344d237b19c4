/**
 * Benchmark: the copied-text check through its index against the linear scan
 * (issue 18, item 4; README "Anomaly checks").
 *
 *   npx tsx bench/text-index.ts                      # ~7,000 and ~240,000 reports in the window
 *   npx tsx bench/text-index.ts --units=117 --slots=1  # one size
 *
 * Generates a district straight into a fresh SQLite file: `units` units (117
 * like Yongnian, or a city of 2,000), 60 days of cards with `slots` reports
 * each (narratives naming the unit's own places, stock phrasing and card
 * items, 2 % copies of another unit's report), and the index as the saving
 * path and the data migration fill it. Then checks 20 reports of the last day
 * both ways — every one by the index, `--scan` of them (default 5) by the scan —
 * asserts the findings are the same, and prints the time per check: wall and
 * this process's CPU (SQLite runs in-process, so CPU time holds on a loaded
 * machine), and how many texts each way read.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@/lib/db-client";
import { copiedTextByIndex, copiedTextByScan, indexedPhrases, type TextLookup } from "@/lib/supervision/anomalies/text-index";
import { migrateDatabase } from "@/lib/testing/test-db";
import { addDays, districtInstant } from "@/lib/time";
import { TOPICS, copyWithEdits, writeNarrative } from "@/prisma/seed/narratives";
import { newId, rngFor } from "@/prisma/seed/rng";
import { FREE_ITEMS, NOON_GENERIC } from "@/prisma/seed/task-templates";
import { UNIT_CARD, unitIdOf } from "@/lib/reports/card-owner";
import { median, timed } from "./lib/stats";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DAYS = 60;
const LAST = "2026-11-29";
const VILLAGES = "东西南北前后上下大小新旧".split("");
const STEMS =
  "张李王刘陈杨赵黄周吴孙马郭胡林何高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文".split(
    "",
  );

/** Three places of a unit's own (village and road names): the words a copy has to replace. */
function placesOf(i: number): string[] {
  return [0, 1, 2].map(
    (k) =>
      `${STEMS[(i * 7 + k * 31) % STEMS.length]}${STEMS[(i * 13 + k * 17 + 5) % STEMS.length]}${VILLAGES[(i + k) % VILLAGES.length]}${k === 2 ? "路" : "村"}`,
  );
}

function generate(file: string, units: number, slotsPerCard: number): { reports: number; phrases: number; seconds: number } {
  const t0 = performance.now();
  migrateDatabase(`file:${file}`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const now = new Date().toISOString().replace("Z", "+00:00");
  const insert = (table: string, columns: string[]) =>
    sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const unitRow = insert("Unit", ["id", "code", "name", "kind", "sortOrder", "createdAt"]);
  const userRow = insert("User", ["id", "username", "name", "passwordHash", "role", "createdAt", "updatedAt"]);
  const cardRow = insert("ReportCard", ["id", "unitId", "date", "createdAt", "updatedAt"]);
  const itemRow = insert("ReportItem", ["id", "cardId", "addedIn", "text", "sortOrder"]);
  const slotRow = insert("ReportSlot", ["id", "cardId", "slot", "authorId", "text", "submittedAt", "updatedAt"]);
  const phraseRow = insert("TextPhraseUnit", ["shingle", "unitId", "lastDate"]);
  const rng = rngFor("bench-text-index", units);
  const authorId = newId();
  let reports = 0;
  let phrases = 0;
  const recent: { unit: number; text: string }[] = [];
  sqlite.transaction(() => {
    userRow.run(authorId, "bench-reporter", "信息员", "x", "REPORTER", now, now);
    const ids = Array.from({ length: units }, (_, i) => {
      const id = newId();
      unitRow.run(id, `U${String(i).padStart(5, "0")}`, `单位${i}`, i % 7 === 0 ? "TOWN" : "DEPARTMENT", i, now);
      return id;
    });
    for (let u = 0; u < units; u++) {
      const lastDates = new Map<string, string>();
      const places = placesOf(u);
      for (let d = 0; d < DAYS; d++) {
        const date = addDays(LAST, d - DAYS + 1);
        const cardId = newId();
        cardRow.run(cardId, ids[u], date, now, now);
        const items = rng.sample(u % 7 === 0 ? FREE_ITEMS.TOWN : FREE_ITEMS.DEPARTMENT, 2);
        items.forEach((text, n) => itemRow.run(newId(), cardId, "MORNING", text, n));
        for (const slot of ["NOON", "EVENING"].slice(0, slotsPerCard)) {
          const context = { topic: TOPICS[(u + d) % TOPICS.length], place: rng.pick(places) };
          let text: string;
          if (recent.length > 50 && rng.chance(0.02)) {
            const source = rng.pick(recent.slice(-200));
            text = copyWithEdits(rng, source.text, "light", { from: [`单位${source.unit}`, ...placesOf(source.unit)], to: [`单位${u}`, ...places] }, context);
          } else if (rng.chance(0.3)) text = `${items.join("，")}：${rng.pick(NOON_GENERIC).replace("{pct}", `${rng.int(3, 9)}0%`)}。`;
          else text = `单位${u}${writeNarrative(rng, context)}`;
          if (rng.chance(0.05)) recent.push({ unit: u, text });
          slotRow.run(
            newId(),
            cardId,
            slot,
            authorId,
            text,
            districtInstant(date, slot === "NOON" ? "12:00" : "18:00")
              .toISOString()
              .replace("Z", "+00:00"),
            now,
          );
          reports++;
          for (const s of indexedPhrases(text, `单位${u}`)) if ((lastDates.get(s) ?? "") < date) lastDates.set(s, date);
        }
      }
      for (const [shingle, date] of lastDates) phraseRow.run(shingle, ids[u], date);
      phrases += lastDates.size;
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  return { reports, phrases, seconds: (performance.now() - t0) / 1000 };
}

const findings = (l: TextLookup) => JSON.stringify(l.check?.matches.map((m) => [m.relatedSlotId, m.version, m.similarity]) ?? null);

async function measure(units: number, slotsPerCard: number, scans: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-text-"));
  const file = path.join(dir, "city.db");
  try {
    const generated = generate(file, units, slotsPerCard);
    console.log(
      `\n${units} units × ${DAYS} days × ${slotsPerCard}: ${generated.reports} reports, ${generated.phrases} index rows, generated in ${generated.seconds.toFixed(0)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`,
    );
    const db = createClient(`file:${file}`);
    const unitNames = new Map((await db.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const rng = rngFor("bench-text-index-subjects");
    const lastDay = await db.reportSlot.findMany({
      where: { card: { date: LAST, ...UNIT_CARD } },
      select: { id: true, cardId: true, text: true, card: { select: { unitId: true, date: true } } },
    });
    const subjects = rng.sample(lastDay, 20).map((s) => ({ id: s.id, cardId: s.cardId, unitId: unitIdOf(s.card), date: s.card.date, text: s.text }));
    const index = { wall: [] as number[], cpu: [] as number[], read: [] as number[], compared: [] as number[], flagged: 0 };
    const scan = { wall: [] as number[], cpu: [] as number[], read: 0 };
    await copiedTextByIndex(db, subjects[0], unitNames); // warm the statement cache
    for (const [i, subject] of subjects.entries()) {
      const [byIndex, t] = await timed(() => copiedTextByIndex(db, subject, unitNames));
      index.wall.push(t.wall);
      index.cpu.push(t.cpu);
      index.read.push(byIndex.read);
      index.compared.push(byIndex.compared);
      if ((byIndex.check?.matches.length ?? 0) > 0) index.flagged++;
      if (i < scans) {
        const [byScan, s] = await timed(() => copiedTextByScan(db, subject, unitNames));
        scan.wall.push(s.wall);
        scan.cpu.push(s.cpu);
        scan.read = byScan.read;
        if (findings(byScan) !== findings(byIndex))
          throw new Error(`The index and the scan disagree on ${subject.id}: ${findings(byIndex)} vs ${findings(byScan)}`);
      }
    }
    await db.$disconnect();
    const row = {
      units,
      reports: generated.reports,
      indexRows: generated.phrases,
      indexMs: { wall: median(index.wall), cpu: median(index.cpu), max: Math.max(...index.wall) },
      indexRead: median(index.read),
      indexCompared: median(index.compared),
      flagged: index.flagged,
      scanMs: { wall: median(scan.wall), cpu: median(scan.cpu) },
      scanRead: scan.read,
      scans: scan.wall.length,
    };
    console.log(
      `index: median ${row.indexMs.wall.toFixed(0)} ms wall / ${row.indexMs.cpu.toFixed(0)} ms CPU per check (max ${row.indexMs.max.toFixed(0)} ms), ` +
        `${row.indexRead} texts read, ${row.indexCompared} compared exactly; ${row.flagged} of 20 flagged`,
    );
    console.log(
      `scan:  median ${row.scanMs.wall.toFixed(0)} ms wall / ${row.scanMs.cpu.toFixed(0)} ms CPU per check (${row.scans} checks), ${row.scanRead} texts read; same findings`,
    );
    return row;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const scans = Number(arg("scan") ?? 5);
  const sizes: [number, number][] = arg("units")
    ? [[Number(arg("units")), Number(arg("slots") ?? 1)]]
    : [
        [117, 1],
        [2000, 2],
      ];
  const rows = [];
  for (const [units, slots] of sizes) rows.push(await measure(units, slots, scans));
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/text-index.json", JSON.stringify({ measuredAt: new Date().toISOString(), load: os.loadavg(), rows }, null, 2));
}

void main();
