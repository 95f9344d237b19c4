/**
 * One home for each label: the unit kind (乡镇/区直部门) is typed only in
 * lib/labels.ts and the slot names (早晒/午晒/晚晒) only in lib/reports/slots.ts.
 * A copy elsewhere drifts (one already said "部门"), so this walks the source
 * and fails on a string or JSX text that is exactly such a label.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { UNIT_KIND_ENTRIES, UNIT_KIND_LABELS } from "@/lib/labels";
import { SLOT_LABELS } from "@/lib/reports/slots";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOMES = new Set(["lib/labels.ts", "lib/reports/slots.ts"]);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") yield* sourceFiles(full);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      yield path.relative(ROOT, full);
    }
  }
}

const LABELS = ["乡镇", "区直部门", "部门", "早晒", "午晒", "晚晒"];
const ANY = `(${LABELS.join("|")})`;
// A quoted string that is exactly a label, or JSX text that is exactly one (between tags or alone on its line);
// JSX text that opens with a label and its count (a heading: 乡镇（12）); labels joined by a slash (乡镇/部门).
const RETYPED = new RegExp([`(["'\`])${ANY}\\1`, `>\\s*${ANY}\\s*<`, `^\\s*${ANY}\\s*$`, `>\\s*${ANY}（`, `${ANY}/${ANY}`].join("|"), "m");

function retypedLabels(source: string): string[] {
  return source
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => RETYPED.test(line))
    .map(({ line, i }) => `${i + 1}: ${line.trim()}`);
}

test("the homes hold the labels", () => {
  assert.deepEqual(UNIT_KIND_LABELS, { TOWN: "乡镇", DEPARTMENT: "区直部门" });
  assert.deepEqual(UNIT_KIND_ENTRIES, [
    ["TOWN", "乡镇"],
    ["DEPARTMENT", "区直部门"],
  ]);
  assert.deepEqual(SLOT_LABELS, { MORNING: "早晒", NOON: "午晒", EVENING: "晚晒" });
});

test("the check finds a re-typed label and lets prose pass", () => {
  assert.equal(retypedLabels(`const K = { TOWN: "乡镇", DEPARTMENT: "部门" };`).length, 1);
  assert.equal(retypedLabels(`<optgroup label="区直部门">`).length, 1);
  assert.equal(retypedLabels(`<option value="TOWN">乡镇</option>`).length, 1);
  assert.equal(retypedLabels(`{["早晒", "午晒"].map((l) => l)}`).length, 1);
  assert.equal(retypedLabels(`<Section heading={<>乡镇（{towns.length}）</>}>`).length, 1);
  assert.equal(retypedLabels(`<span>按乡镇/部门和早午晚分层</span>`).length, 1);
  assert.equal(retypedLabels(`<p>乡镇和区直部门向社会公开的年度承诺。</p>`).length, 0);
  assert.equal(retypedLabels(`<span>最近晚晒（{latestEvening.date}）：</span>`).length, 0);
  assert.equal(retypedLabels(`message: "早晒至少要列一项今天的计划。"`).length, 0);
});

test("no file under app/, components/ or lib/ types a unit-kind or slot label again", () => {
  const found: string[] = [];
  for (const dir of ["app", "components", "lib"]) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      if (HOMES.has(file)) continue;
      for (const hit of retypedLabels(fs.readFileSync(path.join(ROOT, file), "utf8"))) found.push(`${file}:${hit}`);
    }
  }
  assert.deepEqual(found, [], `import UNIT_KIND_LABELS from lib/labels.ts or SLOT_LABELS from lib/reports/slots.ts instead:\n${found.join("\n")}`);
});
