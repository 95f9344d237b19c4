/**
 * The PostgreSQL side of the one source schema (lib/db-schema/derive.ts).
 *
 *   npm run db:derive                    write prisma/postgres/ (and missing schema snapshots)
 *   npm run db:check                     fail when anything derived is out of date (npm test runs it)
 *   npm run db:new-migration -- <name>   a new migration for both databases from prisma/schema.prisma
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apply, newMigration, plan, staleness } from "@/lib/db-schema/derive";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(argv: string[]): Promise<number> {
  const [mode = "derive", ...rest] = argv.filter((arg) => arg !== "--");
  if (mode === "check") {
    const problems = staleness(root, await plan(root));
    if (problems.length === 0) {
      console.log("db:check: prisma/postgres and both migrations folders are up to date with prisma/schema.prisma.");
      return 0;
    }
    console.error("db:check: the database files are out of date with prisma/schema.prisma:");
    for (const { file, message } of problems) console.error(`  ${file}: ${message}`);
    console.error("Run `npm run db:derive` (or `npm run db:new-migration -- <name>` for a schema change) and commit the result.");
    return 1;
  }
  if (mode === "new") {
    const [name] = rest;
    if (!name || rest.length > 1) {
      console.error("Usage: npm run db:new-migration -- <name>   (e.g. issue3_task_import)");
      return 2;
    }
    const folder = await newMigration(root, name);
    console.log(`Wrote prisma/migrations/${folder}/ (migration.sql and its schema snapshot).`);
  } else if (mode !== "derive") {
    console.error(`Unknown mode "${mode}" (derive, check or new <name>).`);
    return 2;
  }
  const result = await plan(root);
  const changed = apply(root, result);
  for (const file of changed) console.log(`  wrote ${file}`);
  if (result.problems.length > 0) {
    for (const { file, message } of result.problems) console.error(`  ${file}: ${message}`);
    return 1;
  }
  if (changed.some((file) => file.endsWith("schema.prisma"))) {
    // Keep both generated clients in step with their schemas.
    execFileSync("npm", ["run", "--silent", "db:generate"], { cwd: root, stdio: "inherit" });
  }
  console.log(changed.length ? "Derived files updated: commit them with the source schema." : "Nothing to do: everything is up to date.");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
