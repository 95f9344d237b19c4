/**
 * Benchmark: closing a quarter (README, "Assessment" figures).
 *
 *   npx tsx bench/close-quarter.ts --db=data/bench/district-year.db
 *       closes the first open quarter of a COPY of that database (the
 *       district-year seed: 113 units, a year of reports);
 *   npx tsx bench/close-quarter.ts --units=2000 [--keep=data/bench/city-2000.db]
 *       generates a city of 2,000 units straight into a fresh database
 *       (tasks, milestones, their dated progress events, group scores and
 *       scopes, a full quarter of 一日三晒 slots, spot checks, orders) and
 *       closes that quarter; with --keep the generated file is kept there
 *       and re-used by the next run (generation is setup, not measured: it
 *       writes ~1.5 million rows in one transaction, WAL, no fsync).
 *
 * Prints the time to gather the inputs, to score and rank, and the whole
 * closeQuarter (gathering + scoring + the snapshot and flag writes in one
 * transaction), each the median of `--runs` (default 3) fresh copies: wall
 * time and the process's CPU time (SQLite runs in-process; on a shared,
 * loaded machine the wall time mostly measures the wait for a core).
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeQuarter } from "@/lib/assessment/close";
import { valueOrThrow } from "@/lib/write-result";
import { rankEntryOf, rankUnits } from "@/lib/assessment/ranking";
import { loadScoringRules, plainRules } from "@/lib/assessment/rules";
import { computeQuarterScore } from "@/lib/assessment/scoring";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { createClient } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { migrateDatabase } from "@/lib/testing/test-db";
import { type DistrictDate, addDays, districtInstant, quarterRange } from "@/lib/time";
import { newId, rngFor } from "../prisma/seed/rng";
import { median, timed } from "./lib/stats";

type Tx = Prisma.TransactionClient;

type Args = { db?: string; units?: number; keep?: string; runs: number };

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3 };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, "").split("=");
    if (key === "db") args.db = value;
    else if (key === "units") args.units = Number(value);
    else if (key === "keep") args.keep = value;
    else if (key === "runs") args.runs = Number(value);
    else if (arg !== "--") throw new Error(`Unknown argument ${arg}. Usage: --db=<sqlite file> | --units=<n> [--keep=<file>] [--runs=3]`);
  }
  if (!args.db === !args.units) throw new Error("Give exactly one of --db=<file> or --units=<n>.");
  return args;
}

/** Rows in batches (SQLite's bound-variable limit), timed per table. */
async function insert<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 1000) {
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  if (rows.length >= 10_000) console.log(`  ${rows.length} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** A city of `count` units, straight into the tables the close reads, for one past quarter. */
type Row = Record<string, string | number | boolean | Date | null>;

/** The city's large tables (~1.5 million rows for 2,000 units), written by writeBulk after the rest. */
type Bulk = [table: string, rows: Row[]][];

async function generateCity(db: Tx, count: number): Promise<{ quarterId: string; now: Date; bulk: Bulk }> {
  const year = 2026;
  const quarter = { year, number: 3 as const };
  const { start, end } = quarterRange(quarter);
  const created = districtInstant("2025-01-01");
  const admin = await db.user.create({ data: { id: newId(), username: "bench-admin", name: "督查室", passwordHash: "x", role: "ADMIN" } });
  const units = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    code: `U${String(i).padStart(5, "0")}`,
    name: `单位${i}`,
    kind: i % 7 === 0 ? ("TOWN" as const) : ("DEPARTMENT" as const),
    sortOrder: i,
    createdAt: created,
  }));
  await insert(units, (b) => db.unit.createMany({ data: b }));
  const rule = await db.scoringRule.create({ data: { id: newId(), year } });
  const vetoItem = await db.vetoItem.create({ data: { id: newId(), ruleId: rule.id, name: "重大安全生产事故" } });
  const q = await db.quarter.create({ data: { id: newId(), year, number: quarter.number } });
  await db.quarter.create({ data: { id: newId(), year, number: 2, status: "CLOSED", version: 1 } });

  // ~44 tasks per unit, a tenth due in the quarter, each with three milestones.
  const tasks: { id: string; year: number; unitId: string; title: string; target: number; measure: string; valueReached: number; deadline: string }[] = [];
  const milestones: { id: string; taskId: string; title: string; dueDate: string; target: number; valueReached: number }[] = [];
  for (const unit of units) {
    const rng = rngFor("bench-tasks", unit.code);
    for (let t = 0; t < 44; t++) {
      const month = (t % 12) + 1;
      const deadline = `${year}-${String(month).padStart(2, "0")}-28`;
      const id = newId();
      const target = rng.int(5, 100);
      tasks.push({ id, year, unitId: unit.id, title: `任务${t}`, target, measure: "个", valueReached: Math.round(target * rng.float(0.3, 1.1)), deadline });
      for (let m = 1; m <= 3; m++) {
        milestones.push({
          id: newId(),
          taskId: id,
          title: `节点${m}`,
          dueDate: addDays(deadline, -30 * (3 - m)),
          target: Math.round((target * m) / 3),
          valueReached: Math.round((target * m * rng.float(0.5, 1.1)) / 3),
        });
      }
    }
  }
  // The dated history the as-of inputs read: each value reached in one event from 20 days before
  // to 15 days after its due date (some on time, some late).
  const eventRng = rngFor("bench-events");
  const event = (taskId: string, milestoneId: string | null, due: DistrictDate, value: number) => {
    const date = addDays(due, eventRng.int(-20, 15));
    return { taskId, milestoneId, date, at: districtInstant(date, "20:00"), source: "UNIT_UPDATE" as const, delta: value, valueAfter: value };
  };
  const events = [
    ...tasks.filter((t) => t.valueReached > 0).map((t) => event(t.id, null, t.deadline, t.valueReached)),
    ...milestones.filter((m) => m.valueReached > 0).map((m) => event(m.taskId, m.id, m.dueDate, m.valueReached)),
  ];

  // 100 assessment groups of 4 rubric items; each unit in two groups' scope, each scored.
  const keyTasks = Array.from({ length: 100 }, (_, i) => ({ id: newId(), code: `KT${i}`, name: `重点工作${i}` }));
  await insert(keyTasks, (b) => db.keyTask.createMany({ data: b }));
  const groups = keyTasks.map((k, i) => ({ id: newId(), name: `考核组${i}`, keyTaskId: k.id }));
  await insert(groups, (b) => db.assessmentGroup.createMany({ data: b }));
  const rubric = groups.flatMap((g) =>
    [40, 30, 20, 10].map((maxPoints, j) => ({ id: newId(), groupId: g.id, year, name: `细则${j}`, maxPoints, sortOrder: j })),
  );
  await insert(rubric, (b) => db.rubricItem.createMany({ data: b }));
  const scores: { id: string; quarterId: string; groupId: string; unitId: string; assessorId: string; status: "SUBMITTED" }[] = [];
  const items: { id: string; scoreId: string; rubricItemId: string; points: number; comment: string }[] = [];
  units.forEach((unit, i) => {
    for (const g of [groups[i % 100], groups[(i * 7 + 3) % 100]]) {
      const id = newId();
      scores.push({ id, quarterId: q.id, groupId: g.id, unitId: unit.id, assessorId: admin.id, status: "SUBMITTED" });
      const rng = rngFor("bench-score", unit.code, g.name);
      for (const r of rubric.filter((x) => x.groupId === g.id))
        items.push({ id: newId(), scoreId: id, rubricItemId: r.id, points: Math.round(r.maxPoints * rng.float(0.6, 1)), comment: "扣分理由" });
    }
  });
  // Each group's scope holds the units it scores. One unit in 50 moved into its second group in mid-quarter,
  // from a group that had it before and had scored it too: that group's score is not in force for the
  // quarter, whose scores follow the scope on its last day (lib/org/scope.ts).
  const scope = scores.map((s) => ({ groupId: s.groupId, unitId: s.unitId }));
  const changes: { id: string; groupId: string; unitId: string; change: "ADD" | "REMOVE"; effectiveDate: string }[] = [];
  const moved = addDays(start, 45);
  units.forEach((unit, i) => {
    const from = groups[((i % 100) + 1) % 100];
    const to = groups[(i * 7 + 3) % 100];
    if (i % 50 !== 0 || from.id === to.id) return;
    changes.push({ id: newId(), groupId: from.id, unitId: unit.id, change: "REMOVE", effectiveDate: moved });
    changes.push({ id: newId(), groupId: to.id, unitId: unit.id, change: "ADD", effectiveDate: moved });
    const id = newId();
    scores.push({ id, quarterId: q.id, groupId: from.id, unitId: unit.id, assessorId: admin.id, status: "SUBMITTED" });
    for (const r of rubric.filter((x) => x.groupId === from.id))
      items.push({ id: newId(), scoreId: id, rubricItemId: r.id, points: r.maxPoints, comment: "移出前评分" });
  });
  await insert(scope, (b) => db.assessmentGroupUnit.createMany({ data: b }));
  await insert(changes, (b) => db.assessmentGroupScopeChange.createMany({ data: b }));
  await insert(scores, (b) => db.groupScore.createMany({ data: b }));
  await insert(items, (b) => db.groupScoreItem.createMany({ data: b }));

  // A full quarter of 一日三晒: a card a day per unit, three slots, ~8% late, ~3% missing.
  const dates: DistrictDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  const spotChecks: { id: string; slotId: string; checkerId: string; result: "FALSE" | "PARTLY_TRUE" | "TRUE" }[] = [];
  const cards: { id: string; unitId: string; date: string }[] = [];
  const slots: { id: string; cardId: string; slot: "MORNING" | "NOON" | "EVENING"; authorId: string; submittedAt: Date; late: boolean }[] = [];
  for (const unit of units) {
    const rng = rngFor("bench-slots", unit.code);
    for (const date of dates) {
      const cardId = newId();
      cards.push({ id: cardId, unitId: unit.id, date });
      for (const slot of ["MORNING", "NOON", "EVENING"] as const) {
        if (rng.chance(0.03)) continue;
        const id = newId();
        slots.push({ id, cardId, slot, authorId: admin.id, submittedAt: districtInstant(date, "09:00"), late: rng.chance(0.08) });
        if (rng.chance(0.002)) spotChecks.push({ id: newId(), slotId: id, checkerId: admin.id, result: rng.pick(["FALSE", "PARTLY_TRUE", "TRUE"] as const) });
      }
    }
  }

  // Orders: one in ten units had one due in the quarter, half of them not accepted in time.
  const orders = units
    .filter((_, i) => i % 10 === 0)
    .map((unit, i) => ({
      id: newId(),
      issuerId: admin.id,
      unitId: unit.id,
      title: "限时解决",
      content: "请限期解决",
      deadline: districtInstant(addDays(start, 30), "18:00"),
      status: i % 2 ? ("ACCEPTED" as const) : ("OPEN" as const),
      acceptedAt: i % 2 ? districtInstant(addDays(start, 29)) : null,
    }));
  await insert(orders, (b) => db.supervisionOrder.createMany({ data: b }));
  await db.unitVeto.create({ data: { id: newId(), quarterId: q.id, unitId: units[1].id, vetoItemId: vetoItem.id, reason: "事故", createdById: admin.id } });
  const stamp = { updatedAt: created };
  const bulk: Bulk = [
    ["Task", tasks.map((t) => ({ ...t, createdAt: created, ...stamp }))],
    ["Milestone", milestones.map((m) => ({ ...m, ...stamp }))],
    ["ProgressEvent", events],
    ["ReportCard", cards.map((c) => ({ ...c, createdAt: created, ...stamp }))],
    ["ReportSlot", slots.map((s) => ({ ...s, ...stamp }))],
    ["SpotCheck", spotChecks.map((c) => ({ ...c, createdAt: created }))],
  ];
  return { quarterId: q.id, now: districtInstant(addDays(end, 10), "10:00"), bulk };
}

/**
 * The large tables straight through better-sqlite3 (Prisma's createMany costs ~0.1 ms of CPU a row,
 * minutes for a city): one prepared INSERT per table, every row in one transaction, WAL and no fsync;
 * values stored as Prisma stores them on SQLite (instants as ISO text, booleans as 0/1).
 */
function writeBulk(file: string, bulk: Bulk) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = ON");
  const value = (v: Row[string]) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);
  sqlite.transaction(() => {
    for (const [table, rows] of bulk) {
      if (rows.length === 0) continue;
      const t0 = performance.now();
      const columns = Object.keys(rows[0]);
      const insertRow = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of rows) insertRow.run(columns.map((c) => value(row[c])));
      console.log(`  ${table}: ${rows.length} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-close-"));
  const source = path.join(dir, "source.db");
  let quarterId: string;
  let now: Date;
  const existing = args.db ?? (args.keep && fs.existsSync(args.keep) ? args.keep : undefined);
  if (existing) {
    fs.copyFileSync(existing, source);
    const db = createClient(`file:${source}`);
    const open = await db.quarter.findFirst({ where: { status: "OPEN" }, orderBy: [{ year: "asc" }, { number: "asc" }] });
    await db.$disconnect();
    if (!open) throw new Error("No open quarter in that database.");
    quarterId = open.id;
    // A quarter that has ended is closed ten days after its end (as the generated city's is); one under way, now (early).
    const { end } = quarterRange({ year: open.year, number: open.number as 1 | 2 | 3 | 4 });
    now = new Date() > districtInstant(addDays(end, 1)) ? districtInstant(addDays(end, 10), "10:00") : new Date();
  } else {
    migrateDatabase(`file:${source}`);
    const db = createClient(`file:${source}`);
    // Generation only (the timed runs use the app's defaults): the small tables through Prisma in one
    // transaction, then the large ones in another (writeBulk), WAL and no fsync; the file is made whole
    // again (checkpointed, rollback journal) before it is copied.
    await db.$executeRawUnsafe("PRAGMA synchronous = OFF");
    const t0 = performance.now();
    let bulk: Bulk;
    ({ quarterId, now, bulk } = await db.$transaction((tx) => generateCity(tx, args.units!), { maxWait: 60_000, timeout: 3600_000 }));
    await db.$disconnect();
    writeBulk(source, bulk);
    console.log(`generated ${args.units} units in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (args.keep) {
      fs.mkdirSync(path.dirname(args.keep), { recursive: true });
      fs.copyFileSync(source, args.keep);
    }
  }

  if (args.runs === 0) return; // --runs=0: only generate (with --keep)
  const phases: Record<"gather" | "score" | "close", { wall: number; cpu: number }[]> = { gather: [], score: [], close: [] };
  let summary = "";
  for (let run = 0; run < args.runs; run++) {
    const file = path.join(dir, `run-${run}.db`);
    fs.copyFileSync(source, file);
    const db = createClient(`file:${file}`);
    const quarter = await db.quarter.findUniqueOrThrow({ where: { id: quarterId } });
    const period = periodFor({ year: quarter.year, number: quarter.number as 1 | 2 | 3 | 4 }, now);
    const [inputs, gather] = await timed(() => gatherQuarterInputs(db, quarterId, period));
    const rules = plainRules(await loadScoringRules(db, quarter.year));
    const [, score] = await timed(async () => {
      const results = inputs.map((i) => ({ unit: i.unit, result: computeQuarterScore(i, rules) }));
      return rankUnits(results.map((r) => rankEntryOf(r.unit, r.result)));
    });
    const [result, close] = await timed(async () =>
      valueOrThrow(await closeQuarter(db, { quarterId, actorId: null, now, earlyReason: "基准测试：关闭进行中的季度" })),
    );
    phases.gather.push(gather);
    phases.score.push(score);
    phases.close.push(close);
    summary = `${inputs.length} units, ${inputs.reduce((n, i) => n + i.taskItems.length, 0)} task items, ${result.flags.length} flags`;
    await db.$disconnect();
    fs.rmSync(file);
  }
  const bytes = fs.statSync(source).size;
  fs.rmSync(dir, { recursive: true, force: true });
  const ms = (xs: { wall: number; cpu: number }[]) => `${Math.round(median(xs.map((x) => x.wall)))} ms (CPU ${Math.round(median(xs.map((x) => x.cpu)))} ms)`;
  console.log(`${summary}; database ${(bytes / 1e6).toFixed(0)} MB; median of ${args.runs} runs:`);
  console.log(`  gather inputs ${ms(phases.gather)}, score and rank ${ms(phases.score)}, closeQuarter in all ${ms(phases.close)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
