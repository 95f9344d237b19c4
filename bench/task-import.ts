/**
 * Benchmark: importing a 5,000-row task list (issue 3: "5,000 rows must import
 * in under 10 s"). Builds a fresh migrated and seeded SQLite file, writes a
 * 5,000-row .xlsx with exceljs, then times read + check + write through the
 * same code the import page uses (commitTaskImport), then the same file again
 * (nothing to write) and a file where every row changed (5,000 updates).
 *
 *   npx tsx bench/task-import.ts [rows]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seed } from "@/prisma/seed";
import { createClient } from "@/lib/db-client";
import type { SessionUser } from "@/lib/auth/roles";
import { commitTaskImport, loadExistingTasks, loadImportRefs, planImport } from "@/lib/tasks/import";
import { readTaskSheet } from "@/lib/tasks/spreadsheet";
import { generateTaskRows, makeTaskSheet, type TaskSheetRow } from "@/lib/testing/task-sheet";
import { migrateDatabase } from "@/lib/testing/test-db";
import { districtToday } from "@/lib/time";

const ROWS = Number(process.argv[2] ?? 5000);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** CPU time of this process (SQLite runs in it too): unlike wall time, not inflated by other load on the machine. */
let lastCpuMs = 0;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(cpu0);
  lastCpuMs = (cpu.user + cpu.system) / 1000;
  return [result, performance.now() - t0];
}

function cpuNote(): string {
  return ` (CPU ${seconds(lastCpuMs)})`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-import-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const db = createClient(url);
  try {
    console.log(
      `Task import benchmark: ${ROWS} rows, ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const [, migrateMs] = await timed(async () => migrateDatabase(url));
    const [seeded, seedMs] = await timed(() => seed(db));
    console.log(`  fresh database: migrated in ${seconds(migrateMs)}, seeded in ${seconds(seedMs)} (${seeded.counts.Task} tasks, ${seeded.counts.Unit} units)`);

    const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    const user: SessionUser = {
      id: admin.id,
      username: admin.username,
      name: admin.name,
      role: "ADMIN",
      unitId: null,
      unitName: null,
      groupIds: [],
      sessionId: null,
    };
    const [units, keyTasks, leaders] = await Promise.all([
      db.unit.findMany({ orderBy: { code: "asc" }, select: { name: true } }),
      db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true } }),
      db.user.findMany({ where: { role: "LEADER" }, orderBy: { username: "asc" }, select: { name: true } }),
    ]);
    const year = Number(districtToday().slice(0, 4));
    // Realistic rows: every fourth with a key task and leader, every seventh with a cooperating department.
    const rows = generateTaskRows(
      ROWS,
      units.map((u) => u.name),
      `BENCH-${year}`,
      year,
    ).map((row, i): TaskSheetRow => ({
      ...row,
      重点工作: i % 4 === 0 ? keyTasks[i % keyTasks.length].name : null,
      分包领导: i % 4 === 0 ? leaders[i % leaders.length].name : null,
      配合单位: i % 7 === 0 && row.责任单位 !== "区住建局" ? "区住建局" : null,
    }));
    const [file, buildMs] = await timed(() => makeTaskSheet(rows));
    console.log(`  file: ${(file.length / 1024).toFixed(0)} KB .xlsx built in ${seconds(buildMs)}`);

    // The parts, for the record (the import below does all of them again, in one go).
    const [sheet, readMs] = await timed(() => readTaskSheet(file, "bench.xlsx"));
    if (!sheet.ok) throw new Error(sheet.error);
    const [plan, checkMs] = await timed(async () => {
      const keys = sheet.rows.map((r) => String(r.cells.externalKey));
      const [refs, existing] = await Promise.all([loadImportRefs(db), loadExistingTasks(db, keys)]);
      return planImport(sheet.rows, sheet.columns, refs, existing);
    });
    if (plan.errors.length) throw new Error(`unexpected errors: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    console.log(`  read ${sheet.rows.length} rows: ${seconds(readMs)}; check against the database: ${seconds(checkMs)}`);

    const [first, firstMs] = await timed(() => commitTaskImport(db, user, file, "bench.xlsx"));
    if (!first.ok) throw new Error(first.message);
    const imported = await db.task.count({ where: { externalKey: { startsWith: `BENCH-${year}-` } } });
    console.log(
      `  IMPORT (read + check + write, one transaction): ${seconds(firstMs)}${cpuNote()} — created ${first.summary.create}, in the database ${imported}`,
    );
    const firstCpuMs = lastCpuMs;

    const [again, againMs] = await timed(() => commitTaskImport(db, user, file, "bench.xlsx"));
    if (!again.ok) throw new Error(again.message);
    console.log(
      `  same file again: ${seconds(againMs)}${cpuNote()} — created ${again.summary.create}, updated ${again.summary.update}, unchanged ${again.summary.unchanged}`,
    );

    const changed = await makeTaskSheet(rows.map((r) => ({ ...r, 目标值: Number(r.目标值) + 1 })));
    const [update, updateMs] = await timed(() => commitTaskImport(db, user, changed, "bench.xlsx"));
    if (!update.ok) throw new Error(update.message);
    console.log(`  every row changed: ${seconds(updateMs)}${cpuNote()} — updated ${update.summary.update}`);

    const verdict = firstMs < 10_000 ? "under" : "OVER";
    console.log(`\n${ROWS} rows imported in ${seconds(firstMs)} (CPU ${seconds(firstCpuMs)}): ${verdict} the 10 s budget.`);
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
