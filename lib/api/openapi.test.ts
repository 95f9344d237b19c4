/**
 * The OpenAPI document stays true to the code: every route handler under
 * app/api/v1 (found by walking the files) is documented with its methods, and
 * the documented inputs are the zod schemas the handlers parse.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { filesUnder } from "@/lib/source-files";
import { JSON_SCHEMA_OPTIONS, openApiDocument, queryParameters } from "@/lib/api/openapi";
import { anomaliesQuery, rankingQuery } from "@/lib/api/schemas";
import { slotInput } from "@/lib/reports/schemas";
import { z } from "@/lib/validation";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1 as its OpenAPI path ([date] → {date}) and the methods it exports. */
function routeHandlers(): { file: string; path: string; methods: string[] }[] {
  return filesUnder(API, (file) => path.basename(file) === "route.ts").map((file) => {
    const source = fs.readFileSync(path.join(API, file), "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export\\s+(const\\s+${m}\\b|(async\\s+)?function\\s+${m}\\b)`).test(source));
    const route =
      "/" +
      path
        .dirname(file)
        .split(path.sep)
        .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/");
    return { file: path.relative(ROOT, path.join(API, file)), path: route, methods };
  });
}

type Operation = {
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
};
const operation = (p: string, method: string) => (openApiDocument.paths[p] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
const component = (ref: string) => (openApiDocument.components.schemas as Record<string, unknown>)[ref.replace("#/components/schemas/", "")];

test("every route handler under app/api/v1 is in the document, with each of its methods", () => {
  const handlers = routeHandlers();
  assert.ok(handlers.length >= 10, `found only ${handlers.length} route handlers`);
  for (const handler of handlers) {
    assert.ok(handler.methods.length > 0, `${handler.file} exports no method`);
    for (const method of handler.methods) assert.ok(operation(handler.path, method), `${method} ${handler.path} (${handler.file}) is not documented`);
  }
  // …and nothing is documented that no handler answers.
  const served = new Set(handlers.flatMap((h) => h.methods.map((m) => `${m.toLowerCase()} ${h.path}`)));
  for (const [p, ops] of Object.entries(openApiDocument.paths)) {
    for (const method of Object.keys(ops)) assert.ok(served.has(`${method} ${p}`), `${method} ${p} is documented but no route handler answers it`);
  }
});

test("every $ref points to a schema of the document", () => {
  const refs = [...JSON.stringify(openApiDocument).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
  assert.ok(refs.length > 10);
  for (const ref of new Set(refs)) assert.ok(component(ref), `${ref} is missing`);
});

test("the slot submission's documented body is slotInput, the schema the handler parses", () => {
  const body = operation("/cards/{date}/{slot}", "POST")!.requestBody!.content["application/json"].schema;
  assert.deepEqual(component(body.$ref!), z.toJSONSchema(slotInput, JSON_SCHEMA_OPTIONS));
  // The handler's path to the schema: the route submits through lib/reports/submit.ts, which parses slotInput.
  assert.match(fs.readFileSync(path.join(ROOT, "lib/reports/submit.ts"), "utf8"), /slotInput\.safeParse\(/);
  const items = (component(body.$ref!) as { properties: { items: { items: { required: string[]; properties: Record<string, unknown> } } } }).properties.items
    .items;
  assert.deepEqual(items.required, ["text"]);
  assert.ok(items.properties.progressValue);
});

test("the documented query parameters are the query schemas the handlers parse", () => {
  for (const [p, schema, name, file] of [
    ["/anomalies", anomaliesQuery, "anomaliesQuery", "app/api/v1/anomalies/route.ts"],
    ["/ranking", rankingQuery, "rankingQuery", "app/api/v1/ranking/route.ts"],
  ] as const) {
    const documented = operation(p, "GET")!.parameters!;
    assert.deepEqual(documented, queryParameters(schema));
    assert.deepEqual(
      documented.map((q) => [q.name, q.required]),
      Object.keys(schema.shape).map((key) => [key, key === "date"]),
    );
    assert.match(fs.readFileSync(path.join(ROOT, file), "utf8"), new RegExp(`parseInput\\(${name},`), `${file} parses ${name}`);
  }
});
