/**
 * The source files under a folder, for the checks that read the code itself
 * (UI punctuation, one home per label, the OpenAPI document, search
 * parameters). Dependencies, generated code and build output are never read.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const NEVER = new Set(["node_modules", "generated", ".next"]);

/** Paths relative to `dir`, sorted, for which `keep` is true (it sees the relative path). */
export function filesUnder(dir: string, keep: (relative: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((relative) => !relative.split(path.sep).some((part) => NEVER.has(part)) && keep(relative))
    .sort();
}
