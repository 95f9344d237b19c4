/**
 * Data migrations: rows converted once, after the schema migrations.
 *
 * A schema migration (prisma/migrations) is exactly what `prisma migrate diff`
 * gives — `npm run db:check` proves it — so it cannot also move data. When a
 * change needs existing rows converted (old rows into a new table, a value
 * into its first history event), the conversion is a step here:
 *
 * - steps run in the order listed, each in one transaction together with the
 *   row in DataMigration that records it, so a step runs whole or not at all,
 *   and once per database;
 * - `npm run db:migrate` runs the pending steps after the schema migrations
 *   (scripts/db-migrate.ts); the server refuses to start while one is pending
 *   (lib/db-check.ts), like a pending schema migration;
 * - a step must also be right on an empty database (a fresh install runs every
 *   step before the seed), and a step is never edited once it has shipped: a
 *   fix is a new step.
 *
 * Two app servers migrating one PostgreSQL at once: the record is inserted
 * first, so the second transaction waits on the first's primary key and then
 * finds the step done.
 */
import { fillAuditUnits } from "@/lib/audit";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { backfillReportVersions } from "@/lib/reports/version-backfill";
import { rebuildTextIndex } from "@/lib/supervision/anomalies/text-index";
import { migrateOrdersToLifecycle } from "@/lib/supervision/orders/migration";
import { progressHistoryStep } from "@/lib/tasks/progress-migration";

export type DataMigrationStep = {
  /** Unique and stable: the date and what it converts, e.g. "2026-11-30 report revisions to versions". */
  name: string;
  run: (tx: Prisma.TransactionClient) => Promise<void>;
};

/** Every data migration of this code base, oldest first. Append; never edit or reorder shipped steps. */
export const DATA_MIGRATIONS: readonly DataMigrationStep[] = [
  progressHistoryStep,
  // Issue 10: every slot gets its versions (ReportRevision rows become versions 2…n+1); checks, bulletin items and flags point at the version of their time.
  { name: "2026-11-30 report revisions to versions", run: backfillReportVersions },
  // Entries written before AuditLog.unitId existed get their unit from their entity (lib/audit.ts), for the viewer's filter.
  { name: "2026-11-30 audit entries' units", run: async (tx) => void (await fillAuditUnits(tx)) },
  // Issue 16: orders issued before the 督办件 lifecycle get their history as steps; those waiting for an answer count as signed.
  { name: "2026-11-30 orders to the 督办件 lifecycle", run: async (tx) => void (await migrateOrdersToLifecycle(tx)) },
  // Issue 18: the copied-text index (TextPhraseUnit) gets every text saved before it; new saves index themselves.
  { name: "2026-11-30 report texts into the copied-text index", run: async (tx) => void (await rebuildTextIndex(tx)) },
];

/** A large conversion on a city's database may take minutes; it runs once, at deploy time. */
const STEP_TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 };

/** Names of the steps not yet run on this database. */
export async function pendingDataMigrations(db: Db, steps: readonly DataMigrationStep[] = DATA_MIGRATIONS): Promise<string[]> {
  const done = new Set((await db.dataMigration.findMany({ select: { name: true } })).map((row) => row.name));
  return steps.map((step) => step.name).filter((name) => !done.has(name));
}

/** Runs the pending steps in order; returns the names of those it ran. */
export async function runDataMigrations(db: Db, steps: readonly DataMigrationStep[] = DATA_MIGRATIONS): Promise<string[]> {
  const names = new Set<string>();
  for (const step of steps) {
    if (names.has(step.name)) throw new Error(`Two data migrations are named "${step.name}".`);
    names.add(step.name);
  }
  const ran: string[] = [];
  for (const name of await pendingDataMigrations(db, steps)) {
    const step = steps.find((s) => s.name === name)!;
    try {
      await db.$transaction(async (tx) => {
        await tx.dataMigration.create({ data: { name } });
        await step.run(tx);
      }, STEP_TRANSACTION);
      ran.push(name);
    } catch (error) {
      // Another server recorded (and so ran) this step first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw new Error(`Data migration "${name}" failed, nothing of it was kept: ${(error as Error).message}`);
    }
  }
  return ran;
}
