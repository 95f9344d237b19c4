/** What the report tests start from: a migrated database, a throwaway photo storage and a town's reporter, signed in. */
import fs from "node:fs";
import type { SessionUser } from "@/lib/auth/roles";
import type { LocalDirStorage } from "@/lib/storage";
import { tempPhotoStorage } from "@/lib/testing/photos";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedTownReporter } from "@/lib/testing/users";
import { districtInstant, districtToday } from "@/lib/time";

/** The day the report tests file their cards on (the district's today), and its instants. */
export const today = districtToday();
export const at = (hhmm: string) => districtInstant(today, hhmm);

export type ReportScene = { t: TestDb; photoDir: string; storage: LocalDirStorage; reporter: SessionUser; unitId: string; cleanup: () => Promise<void> };

/** `name` names the photo folder; the town gets `code` and `townName`. `cleanup` removes the database and the photos after the tests. */
export async function createReportScene(name: string, code: string, townName: string): Promise<ReportScene> {
  const t = await createTestDb();
  const { dir, storage } = tempPhotoStorage(name);
  const reporter = await seedTownReporter(t.db, code, townName);
  const cleanup = async () => {
    await t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { t, photoDir: dir, storage, reporter, unitId: reporter.unitId, cleanup };
}
