import assert from "node:assert/strict";
import { test } from "node:test";
import { dateParam, flagParam, keyOf, parseSearchParams, quarterParam, yearParam } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { filesUnder } from "@/lib/source-files";

const SORTS = { month: "近30天", week: "近7天" } as const;
const shape = { sort: keyOf(SORTS).default("month"), unitId: z.string().max(40).optional(), page: z.coerce.number().int().min(1).default(1) };

test("plain values parse to their shapes", () => {
  assert.deepEqual(parseSearchParams(shape, { sort: "week", unitId: "u1", page: "3" }), { sort: "week", unitId: "u1", page: 3 });
});

test("prototype names are not table keys: they fall back to the default", () => {
  for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"]) {
    assert.deepEqual(parseSearchParams(shape, { sort: name }), { sort: "month", page: 1 }, name);
  }
});

test("a repeated parameter counts once, by its first value", () => {
  assert.deepEqual(parseSearchParams(shape, { unitId: ["a", "b"], sort: ["week", "month"] }), { sort: "week", unitId: "a", page: 1 });
});

test("a value that does not parse is left out or defaulted, never thrown", () => {
  assert.deepEqual(parseSearchParams(shape, { unitId: "x".repeat(41), page: "-2" }), { sort: "month", page: 1 });
});

test("a raw object's inherited names are not read as parameters", () => {
  const raw = Object.create({ unitId: "inherited" }) as Record<string, string>;
  assert.deepEqual(parseSearchParams(shape, raw), { sort: "month", page: 1 });
});

test("a route handler's URLSearchParams parse the same way, first value first", () => {
  const params = new URLSearchParams("sort=week&sort=month&unitId=constructor&page=x");
  assert.deepEqual(parseSearchParams(shape, params), { sort: "week", unitId: "constructor", page: 1 });
});

test("the shared shapes: dates, quarters, years, flags", () => {
  const parsed = parseSearchParams(
    { date: dateParam.optional(), quarter: quarterParam.optional(), year: yearParam.optional(), flag: flagParam.optional() },
    { date: "2026-02-30", quarter: "__proto__", year: "0x7e8", flag: "true" },
  );
  assert.deepEqual(parsed, {});
  assert.deepEqual(
    parseSearchParams(
      { date: dateParam, quarter: quarterParam, year: yearParam, flag: flagParam },
      { date: "2026-02-28", quarter: "2026Q4", year: "2026", flag: "1" },
    ),
    {
      date: "2026-02-28",
      quarter: "2026Q4",
      year: 2026,
      flag: "1",
    },
  );
});

test("every page and export that reads search parameters reads them through parseSearchParams", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  // The domain parsers that pages share are built on parseSearchParams, or on the filtered lists'
  // parseUrlFilters (lib/url-filters.ts: the same rule for a whole zod object).
  const parsers: Record<string, [string, RegExp]> = {
    parseTaskFilters: ["lib/tasks/filters.ts", /parseUrlFilters\(/],
    parseAuditFilters: ["lib/audit/filters.ts", /parseUrlFilters\(/],
    parseReportSearch: ["lib/supervision/reports.ts", /parseSearchParams\(/],
    parseFeedFilters: ["lib/reports/feed.ts", /parseSearchParams\(/],
  };
  for (const [name, [file, helper]] of Object.entries(parsers)) {
    const source = readFileSync(file, "utf8");
    const body = source.slice(source.indexOf(`export function ${name}`));
    assert.match(body.slice(0, body.indexOf("\n}")), helper, `${name} in ${file}`);
  }
  const files = filesUnder("app", (file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file)).map((file) => join("app", file));
  // The JSON API parses its query strictly (parseInput, a 422 for a bad value) instead of falling back.
  const strict = /parseInput\(\w+, Object\.fromEntries\(new URL\(request\.url\)\.searchParams\)\)/;
  const offenders = files.filter((file) => {
    const source = readFileSync(file, "utf8");
    if (!/searchParams/.test(source) || strict.test(source)) return false;
    return !new RegExp(`parseSearchParams\\(|${Object.keys(parsers).join("\\(|")}\\(`).test(source);
  });
  assert.deepEqual(offenders, []);
});
