/**
 * `--volume=district-year`: a full district year for benchmarks (domain.md,
 * "Scale to design for"): ~44 tasks per unit (~5,000) and three reports a day
 * for every unit over the 365 days ending yesterday (~124,000 slots).
 */
import { addDays } from "@/lib/time";
import type { SeedContext } from "./context";
import type { OrgRefs } from "./org";
import { rngFor } from "./rng";
import { DEPARTMENT_POOL, TOWN_POOL } from "./task-templates";
import { type TaskPlan, buildTask } from "./tasks";

export const VOLUMES = ["district-year"] as const;
export type Volume = (typeof VOLUMES)[number];

/** Tasks per unit on top of the default list, so that a unit holds ~44. */
const EXTRA_TASKS_PER_UNIT = 40;

/** Days of history in the volume (ending yesterday). */
export const VOLUME_DAYS = 365;

export function volumeHistoryStart(ctx: SeedContext, days: number = VOLUME_DAYS): string {
  return addDays(ctx.yesterday, -(days - 1));
}

/**
 * Monthly breakdowns of the general tasks (“11月:走访服务企业8家”), each due
 * at the end of its month — the way offices split an annual list.
 */
export function planVolumeTasks(ctx: SeedContext, org: OrgRefs): TaskPlan[] {
  const plans: TaskPlan[] = [];
  for (const unit of org.units) {
    const pool = unit.kind === "TOWN" ? TOWN_POOL : DEPARTMENT_POOL;
    const offset = rngFor("volume-tasks", unit.code).int(0, pool.length - 1);
    for (let i = 0; i < EXTRA_TASKS_PER_UNIT; i++) {
      const month = (i % 12) + 1;
      const template = pool[(offset + i) % pool.length];
      const mm = String(month).padStart(2, "0");
      const end = new Date(Date.UTC(ctx.year, month, 0)).getUTCDate();
      plans.push(
        buildTask({
          ctx,
          org,
          unit,
          template,
          externalKey: `${ctx.year}-${unit.code}-v${String(i + 1).padStart(3, "0")}`,
          window: { start: `${ctx.year}-${mm}-01`, deadline: `${ctx.year}-${mm}-${String(end).padStart(2, "0")}` },
          scale: 1 / 6,
          titlePrefix: `${month}月：`,
        }),
      );
    }
  }
  return plans;
}
