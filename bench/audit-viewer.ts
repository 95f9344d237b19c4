/**
 * Benchmark: the audit viewer's reads on a district-year of audit entries.
 *
 *   npx tsx bench/audit-viewer.ts [--rows=300000]
 *
 * Builds a fresh migrated SQLite file with the district's 113 units and 1,500
 * users and a year of audit entries (default 300,000: the ~125,000 reports of
 * a district-year, each with its task progress entry, and the office's
 * writes), then times each kind of page the viewer serves — the first page,
 * a page deep in the year (keyset), and each filter — as the median of 5 runs,
 * and prints SQLite's plan for each (an index, never a scan of the table).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Prisma } from "@/lib/generated/prisma/client";
import { listAuditEntries } from "@/lib/audit/entries";
import type { AuditFilters } from "@/lib/audit/filters";
import type { SessionUser } from "@/lib/auth/roles";
import { createClient } from "@/lib/db-client";
import { migrateDatabase } from "@/lib/testing/test-db";
import { districtInstant } from "@/lib/time";
import { newId, rngFor } from "../prisma/seed/rng";

const rows = Number(process.argv.find((a) => a.startsWith("--rows="))?.split("=")[1] ?? 300_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-audit-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;

async function main() {
  migrateDatabase(url);
  const db = createClient(url);
  const rng = rngFor("audit-bench");
  const units = Array.from({ length: 113 }, (_, i) => ({
    id: newId(),
    code: `U${i}`,
    name: `单位${i}`,
    kind: i < 17 ? ("TOWN" as const) : ("DEPARTMENT" as const),
    sortOrder: i,
  }));
  await db.unit.createMany({ data: units });
  const users = Array.from({ length: 1500 }, (_, i) => ({
    id: newId(),
    username: `user${i}`,
    name: `用户${i}`,
    passwordHash: "x",
    role: "REPORTER" as const,
    unitId: units[i % 113].id,
  }));
  await db.user.createMany({ data: users });
  const actions = ["report.submit", "report.edit", "task.progress-from-report", "task.progress", "worklog.add", "order.respond", "spot-check.record"];
  const start = districtInstant("2026-01-01").getTime();
  const year = 365 * 86_400_000;
  const t0 = Date.now();
  for (let i = 0; i < rows; i += 1000) {
    const values = Array.from({ length: Math.min(1000, rows - i) }, () => {
      const user = rng.pick(users);
      const action = actions[Math.floor(rng.next() ** 2 * actions.length)];
      return Prisma.sql`(${newId()}, ${user.id}, ${action}, ${"ReportSlot"}, ${newId()}, ${'{"text":"旧"}'}, ${'{"text":"新"}'}, ${user.unitId}, ${new Date(start + Math.floor(rng.next() * year))})`;
    });
    await db.$executeRaw(
      Prisma.sql`INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "unitId", "createdAt") VALUES ${Prisma.join(values)}`,
    );
  }
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`${rows} entries written in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})`);

  const admin: SessionUser = { id: "x", username: "admin", name: "督查室", role: "ADMIN", unitId: null, unitName: null, groupIds: [], sessionId: null };
  const deep = (await db.auditLog.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: Math.floor(rows / 2), take: 1 }))[0];
  const cases: [string, AuditFilters][] = [
    ["first page, no filter", {}],
    ["page in the middle of the year (keyset)", { after: `${deep.createdAt.toISOString()}_${deep.id}` }],
    ["one unit", { unit: units[5].id }],
    ["one user (by username)", { user: "user42" }],
    ["one kind (rare: spot-check.record)", { action: "spot-check.record" }],
    ["one week", { from: "2026-06-01", to: "2026-06-07" }],
    ["unit + kind + month", { unit: units[5].id, action: "report.edit", from: "2026-03-01", to: "2026-03-31" }],
  ];
  for (const [label, filters] of cases) {
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      count = (await listAuditEntries(admin, filters, db)).rows.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(42)} ${times[2].toFixed(1).padStart(7)} ms  (${count} rows)`);
  }
  for (const [label, sql] of [
    ["unit", `SELECT id FROM "AuditLog" WHERE "unitId" = '${units[5].id}' ORDER BY "createdAt" DESC, id DESC LIMIT 51`],
    ["kind", `SELECT id FROM "AuditLog" WHERE "action" = 'spot-check.record' ORDER BY "createdAt" DESC, id DESC LIMIT 51`],
    ["user", `SELECT id FROM "AuditLog" WHERE "actorId" IN ('${users[42].id}') ORDER BY "createdAt" DESC, id DESC LIMIT 51`],
  ]) {
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
    console.log(`plan (${label}): ${plan.map((p) => p.detail).join(" / ")}`);
  }
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
