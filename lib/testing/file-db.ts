/**
 * The database of one test file, made before its tests and removed after them:
 * `const t = testDbForFile();` instead of a `let t`, a before() that creates it
 * and an after() that cleans it up in every file. Read it inside a test or hook.
 */
import { after, before } from "node:test";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

export function testDbForFile(): Omit<TestDb, "cleanup"> {
  let current: TestDb | undefined;
  before(async () => {
    current = await createTestDb();
  });
  after(() => current?.cleanup());
  const made = (): TestDb => {
    if (!current) throw new Error("The test database is made in before(): read it inside a test or a later hook.");
    return current;
  };
  return {
    get db() {
      return made().db;
    },
    get url() {
      return made().url;
    },
    get kind() {
      return made().kind;
    },
  };
}
