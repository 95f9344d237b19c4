/**
 * The demo district: `npm run db:seed` (or `prisma db seed`) fills DATABASE_URL
 * with Yongnian's organisation, this year's task lists, three weeks of
 * 一日三晒 history and the supervision scaffolding.
 * `npm run db:seed -- --volume=district-year` adds a full year for benchmarks.
 *
 * Idempotent: every row is created only when its natural key is absent, so a
 * second run changes nothing. Deterministic: content comes from seeded PRNGs
 * keyed by what is generated (see seed/rng.ts), given the same day.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { type Db, createClient } from "@/lib/db-client";
import { DEFAULT_DATABASE_URL } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { backfillVersionsPage, linkVersionsSeen } from "@/lib/reports/version-backfill";
import { addDays, districtToday } from "@/lib/time";
import { seedCommitments } from "./seed/commitments";
import type { SeedContext } from "./seed/context";
import { DEMO_PASSWORD } from "./seed/demo-accounts";
import { seedAssessment } from "./seed/assessment";
import { seedDemoWorkLog, seedInstructions } from "./seed/follow-up";
import { seedHistory } from "./seed/history";
import { seedOrganisation } from "./seed/org";
import { seedBulletins, seedOrders, seedScoring } from "./seed/supervision";
import { seedSupervisionEvidence } from "./seed/supervision-evidence";
import { loadTaskRefs, planDefaultTasks, writeTasks } from "./seed/tasks";
import { VOLUMES, type Volume, planVolumeTasks, volumeHistoryStart } from "./seed/volume";

/** Days of history in the default seed, ending yesterday. */
export const HISTORY_DAYS = 21;

export type SeedOptions = {
  volume?: Volume;
  /**
   * Days of 一日三晒 history of the volume (default VOLUME_DAYS, a year). The
   * seed's own test takes the year's full task lists, progress, group scores
   * and closed quarters with three weeks of reports (HISTORY_DAYS): the scores
   * are the volume's (reports weigh nothing in them by default), in seconds
   * instead of minutes.
   */
  volumeHistoryDays?: number;
  /** the clock; tests may pin it */
  now?: Date;
  /** where the evidence photos go (default PHOTO_DIR, else ./data/photos) */
  photoDir?: string;
  log?: (message: string) => void;
};

export type SeedSummary = { seconds: number; counts: Record<string, number> };

export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const today = districtToday(now);
  const log = options.log ?? (() => {});
  const ctx: SeedContext = {
    db,
    today,
    yesterday: addDays(today, -1),
    year: Number(today.slice(0, 4)),
    now,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    log,
  };
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };

  const org = await step("organisation", () => seedOrganisation(ctx));
  const plans = planDefaultTasks(ctx, org);
  if (options.volume) plans.push(...planVolumeTasks(ctx, org));
  await step("tasks", () => writeTasks(ctx, plans, new Map(org.units.map((u) => [u.id, u.headId]))));
  const tasksByUnit = await loadTaskRefs(ctx, plans);
  await step("scoring rules and quarters", () => seedScoring(ctx));
  await step("history", () =>
    seedHistory(ctx, org, tasksByUnit, {
      from: options.volume ? volumeHistoryStart(ctx, options.volumeHistoryDays) : addDays(ctx.yesterday, -(HISTORY_DAYS - 1)),
      to: ctx.yesterday,
      todayMorning: true,
    }),
  );
  // Before what reads the cards' items and texts (instructions, bulletins), so a re-run sees what the first run saw.
  await step("supervision evidence and anomaly checks", () => seedSupervisionEvidence(ctx, org, options.photoDir ?? process.env.PHOTO_DIR ?? "./data/photos"));
  await step("instructions", () => seedInstructions(ctx, org));
  await step("work log", () => seedDemoWorkLog(ctx, org, tasksByUnit));
  await step("bulletins", () => seedBulletins(ctx, org));
  await step("supervision orders", () => seedOrders(ctx, org, tasksByUnit));
  await step("public commitments", () => seedCommitments(ctx));
  // Last: closing a past quarter reads the tasks, reports and orders above.
  await step("assessment", () => seedAssessment(ctx, org));
  // The seed writes its slots directly: each gets its version 1, and checks, bulletin items and flags the version they saw.
  await step("report versions", async () => {
    while ((await db.$transaction((tx) => backfillVersionsPage(tx))) > 0);
    await db.$transaction((tx) => linkVersionsSeen(tx));
  });

  return { seconds: (performance.now() - started) / 1000, counts: await countAll(db) };
}

/** Row counts of every model, keyed by model name. */
export async function countAll(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const delegates = db as unknown as Record<string, { count: () => Promise<number> }>;
  for (const model of Object.values(Prisma.ModelName)) {
    counts[model] = await delegates[model.charAt(0).toLowerCase() + model.slice(1)].count();
  }
  return counts;
}

export function parseArgs(argv: readonly string[]): { volume?: Volume } {
  const out: { volume?: Volume } = {};
  for (const arg of argv) {
    const match = /^--volume=(.+)$/.exec(arg);
    if (match) {
      if (!(VOLUMES as readonly string[]).includes(match[1])) {
        throw new Error(`Unknown volume "${match[1]}" (known: ${VOLUMES.join(", ")}).`);
      }
      out.volume = match[1] as Volume;
    } else if (arg !== "--") {
      throw new Error(`Unknown argument "${arg}". Usage: npm run db:seed [-- --volume=district-year]`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = createClient(url);
  try {
    console.log(`Seeding ${url}${args.volume ? ` (volume: ${args.volume})` : ""} …`);
    const summary = await seed(db, { volume: args.volume, log: (m) => console.log(m) });
    const c = summary.counts;
    console.log(
      [
        `Done in ${summary.seconds.toFixed(1)} s.`,
        `  units ${c.Unit}, users ${c.User}, lines ${c.Line}, key tasks ${c.KeyTask}, groups ${c.AssessmentGroup}, channels ${c.Channel}`,
        `  tasks ${c.Task}, milestones ${c.Milestone}`,
        `  cards ${c.ReportCard}, slots ${c.ReportSlot}, items ${c.ReportItem}, work log ${c.WorkLogItem}`,
        `  instructions ${c.Instruction}, bulletins ${c.Bulletin}, orders ${c.SupervisionOrder}`,
        `Demo accounts (password ${DEMO_PASSWORD}): admin, leader, assessor, town-head, town-reporter, dept-head.`,
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
  }
}

// Run only as a script, so that tests can import seed() without side effects.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
