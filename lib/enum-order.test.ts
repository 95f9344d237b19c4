/**
 * Sorting by an enum happens in code (lib/enum-order.ts), never in SQL: PostgreSQL sorts an enum
 * column by declaration order, SQLite by text. The tree test reads prisma/schema.prisma for the
 * enum-typed fields and fails on any Prisma `orderBy` (in app/, components/ or lib/) that sorts by one.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { byLineKind, byUnitKind, sortByEnum } from "@/lib/enum-order";
import { sourceFiles } from "@/lib/typography/scan";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Field names typed with an enum in some model of the schema (`kind`, `status`, `role` …). */
function enumFields(schema: string): Set<string> {
  const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const fields = new Set<string>();
  for (const model of schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)) {
    for (const line of model[1].split("\n")) {
      const [name, type] = line.trim().split(/\s+/);
      if (name && type && !name.startsWith("/") && !name.startsWith("@") && enums.has(type.replace(/[?[\]]/g, ""))) fields.add(name);
    }
  }
  return fields;
}

const propertyName = (node: ts.PropertyAssignment) => (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : "");
const isDirection = (node: ts.Expression): boolean =>
  (ts.isStringLiteral(node) && (node.text === "asc" || node.text === "desc")) ||
  (ts.isAsExpression(node) && isDirection(node.expression)) ||
  (ts.isObjectLiteralExpression(node) && node.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p) === "sort"));

/** `line: text` for every key of an `orderBy` value (at any depth, relations included) that sorts by an enum field. */
function enumOrderBys(file: string, source: string, fields: Set<string>): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const inOrderBy = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && fields.has(propertyName(node)) && isDirection(node.initializer)) {
      found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, inOrderBy);
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && propertyName(node) === "orderBy") inOrderBy(node.initializer);
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const FIELDS = enumFields(readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"));

test("the schema's enum fields are found", () => {
  for (const field of ["kind", "status", "role", "outcome", "result", "method", "color"]) assert.ok(FIELDS.has(field), field);
  assert.ok(!FIELDS.has("sortOrder"));
  assert.ok(!FIELDS.has("name"));
});

test("the check finds an orderBy over an enum field, at any depth, and lets others pass", () => {
  const hits = (code: string) => enumOrderBys("x.ts", code, FIELDS).length;
  assert.equal(hits(`db.unit.findMany({ orderBy: [{ kind: "desc" }, { sortOrder: "asc" }] })`), 1);
  assert.equal(hits(`db.task.findMany({ orderBy: { status: "asc" as const } })`), 1);
  assert.equal(hits(`db.x.findMany({ orderBy: [{ unit: { kind: "desc" } }, { unit: { sortOrder: "asc" } }] })`), 1);
  assert.equal(hits(`db.x.findMany({ orderBy: { role: { sort: "asc", nulls: "last" } } })`), 1);
  assert.equal(hits(`db.unit.findMany({ where: { kind: "TOWN" }, orderBy: { sortOrder: "asc" }, select: { kind: true } })`), 0);
  assert.equal(hits(`db.x.findMany({ orderBy: { slot: { date: "asc" } } })`), 0);
});

test("no Prisma query orders by an enum field", () => {
  const found: string[] = [];
  for (const file of sourceFiles(ROOT, ["app", "components", "lib", "prisma"])) {
    for (const hit of enumOrderBys(file, readFileSync(file, "utf8"), FIELDS)) found.push(`${path.relative(ROOT, file)}:${hit}`);
  }
  assert.deepEqual(found, [], "sort by the enum in code (lib/enum-order.ts) instead");
});

test("sortByEnum groups by the declared order and keeps the incoming order within a value", () => {
  const units = [
    { name: "b", kind: "DEPARTMENT" as const },
    { name: "x", kind: "TOWN" as const },
    { name: "a", kind: "DEPARTMENT" as const },
    { name: "y", kind: "TOWN" as const },
  ];
  assert.deepEqual(
    byUnitKind(units).map((u) => u.name),
    ["x", "y", "b", "a"],
  );
  assert.deepEqual(
    byLineKind([
      { id: 1, kind: "COMMAND_CENTRE" as const },
      { id: 2, kind: "LINE" as const },
      { id: 3, kind: "COMMAND_CENTRE" as const },
    ]).map((l) => l.id),
    [2, 1, 3],
  );
  assert.deepEqual(
    sortByEnum(["c", "z", "a"], ["a", "c"], (s) => s),
    ["a", "c", "z"],
  );
});
