/**
 * Benchmark: closing a quarter (README, "Assessment" figures).
 *
 *   npx tsx bench/close-quarter.ts --db=data/bench/district-year.db
 *       closes the first open quarter of a COPY of that database (the
 *       district-year seed: 113 units, a year of reports);
 *   npx tsx bench/close-quarter.ts --units=2000
 *       generates a city of 2,000 units straight into a fresh temporary
 *       database (tasks, milestones, group scores, a full quarter of
 *       一日三晒 slots, spot checks, orders) and closes that quarter.
 *
 * Prints the time to gather the inputs, to score and rank, and the whole
 * closeQuarter (gathering + scoring + the snapshot and flag writes in one
 * transaction), each the median of `--runs` (default 3) fresh copies: wall
 * time and the process's CPU time (SQLite runs in-process; on a shared,
 * loaded machine the wall time mostly measures the wait for a core).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeQuarter } from "@/lib/assessment/close";
import { rankEntryOf, rankUnits } from "@/lib/assessment/ranking";
import { loadScoringRules, plainRules } from "@/lib/assessment/rules";
import { computeQuarterScore } from "@/lib/assessment/scoring";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { type Db, createClient } from "@/lib/db-client";
import { migrateDatabase } from "@/lib/testing/test-db";
import { type DistrictDate, addDays, districtInstant, quarterRange } from "@/lib/time";
import { newId, rngFor } from "../prisma/seed/rng";

type Args = { db?: string; units?: number; runs: number };

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3 };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, "").split("=");
    if (key === "db") args.db = value;
    else if (key === "units") args.units = Number(value);
    else if (key === "runs") args.runs = Number(value);
    else if (arg !== "--") throw new Error(`Unknown argument ${arg}. Usage: --db=<sqlite file> | --units=<n> [--runs=3]`);
  }
  if (!args.db === !args.units) throw new Error("Give exactly one of --db=<file> or --units=<n>.");
  return args;
}

/** Wall time and this process's CPU time (ms): SQLite runs in-process, so CPU time holds on a loaded machine. */
async function timed<T>(run: () => Promise<T>): Promise<[T, { wall: number; cpu: number }]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(c0);
  return [result, { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 }];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rows in batches inside one transaction (SQLite's bound-variable limit). */
async function insert<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** A city of `count` units, straight into the tables the close reads, for one past quarter. */
async function generateCity(db: Db, count: number): Promise<{ quarterId: string; now: Date }> {
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
  await insert(tasks, (b) => db.task.createMany({ data: b }));
  await insert(milestones, (b) => db.milestone.createMany({ data: b }));
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
  await insert(events, (b) => db.progressEvent.createMany({ data: b }));

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
  await insert(scores, (b) => db.groupScore.createMany({ data: b }));
  await insert(items, (b) => db.groupScoreItem.createMany({ data: b }));

  // A full quarter of 一日三晒: a card a day per unit, three slots, ~8% late, ~3% missing.
  const dates: DistrictDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  const spotChecks: { id: string; slotId: string; checkerId: string; result: "FALSE" | "PARTLY_TRUE" | "TRUE" }[] = [];
  for (const unit of units) {
    const rng = rngFor("bench-slots", unit.code);
    const cards: { id: string; unitId: string; date: string }[] = [];
    const slots: { id: string; cardId: string; slot: "MORNING" | "NOON" | "EVENING"; authorId: string; submittedAt: Date; late: boolean }[] = [];
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
    await db.$transaction([db.reportCard.createMany({ data: cards }), ...chunk(slots, 500).map((b) => db.reportSlot.createMany({ data: b }))]);
  }
  await insert(spotChecks, (b) => db.spotCheck.createMany({ data: b }));

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
  return { quarterId: q.id, now: districtInstant(addDays(end, 10), "10:00") };
}

function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-close-"));
  const source = path.join(dir, "source.db");
  let quarterId: string;
  let now: Date;
  if (args.db) {
    fs.copyFileSync(args.db, source);
    const db = createClient(`file:${source}`);
    const open = await db.quarter.findFirst({ where: { status: "OPEN" }, orderBy: [{ year: "asc" }, { number: "asc" }] });
    await db.$disconnect();
    if (!open) throw new Error("No open quarter in that database.");
    quarterId = open.id;
    now = new Date();
  } else {
    migrateDatabase(`file:${source}`);
    const db = createClient(`file:${source}`);
    // Generation only: no fsync per statement (per connection; the timed runs use the defaults).
    await db.$queryRawUnsafe("PRAGMA synchronous = OFF");
    const t0 = performance.now();
    ({ quarterId, now } = await generateCity(db, args.units!));
    console.log(`generated ${args.units} units in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await db.$disconnect();
  }

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
    const [result, close] = await timed(() => closeQuarter(db, { quarterId, actorId: null, now, earlyReason: "基准测试：关闭进行中的季度" }));
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
