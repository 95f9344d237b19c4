/** What the report tests start from: a migrated database, a throwaway photo storage and a town's reporter, signed in. */
import type { SessionUser } from "@/lib/auth/roles";
import type { LocalDirStorage } from "@/lib/storage";
import { tempPhotoStorage } from "@/lib/testing/photos";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedTownReporter } from "@/lib/testing/users";

export type ReportScene = { t: TestDb; photoDir: string; storage: LocalDirStorage; reporter: SessionUser; unitId: string };

/** `name` names the photo folder; the town gets `code` and `townName`. Clean up `t` and `photoDir` after the tests. */
export async function createReportScene(name: string, code: string, townName: string): Promise<ReportScene> {
  const t = await createTestDb();
  const { dir, storage } = tempPhotoStorage(name);
  const reporter = await seedTownReporter(t.db, code, townName);
  return { t, photoDir: dir, storage, reporter, unitId: reporter.unitId };
}
