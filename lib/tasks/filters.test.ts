import assert from "node:assert/strict";
import { test } from "node:test";
import { hasActiveFilters, parseTaskFilters, taskFiltersQuery } from "@/lib/tasks/filters";

test("filters are read from the query; malformed values are dropped, not errors", () => {
  const filters = parseTaskFilters({ q: " 拆迁 ", kind: "TOWN", status: "OVERDUE", from: "2026-01-01", to: "2026-02-30", page: "3", overdue: "yes" });
  assert.equal(filters.q, "拆迁");
  assert.equal(filters.kind, "TOWN");
  assert.equal(filters.status, "OVERDUE");
  assert.equal(filters.from, "2026-01-01");
  assert.equal(filters.to, undefined);
  assert.equal(filters.page, 3);
  assert.equal(filters.overdue, undefined);
  assert.deepEqual(parseTaskFilters({ status: "LOST", kind: "CITY", page: "-1" }), parseTaskFilters({}));
});

test("URLSearchParams and repeated keys take the first value", () => {
  const filters = parseTaskFilters(new URLSearchParams("unit=u1&unit=u2&overdue=1"));
  assert.equal(filters.unit, "u1");
  assert.equal(filters.overdue, "1");
  assert.equal(parseTaskFilters({ unit: ["a", "b"] }).unit, "a");
});

test("the query string round-trips and drops the page when filters change", () => {
  const filters = parseTaskFilters({ q: "古城", line: "l1", page: "4" });
  const { page: _page, ...rest } = filters;
  assert.equal(_page, 4);
  assert.deepEqual(parseTaskFilters(new URLSearchParams(taskFiltersQuery(filters).slice(1))), rest);
  assert.equal(taskFiltersQuery(filters, { page: 5 }), "?q=%E5%8F%A4%E5%9F%8E&line=l1&page=5");
  assert.equal(taskFiltersQuery(parseTaskFilters({})), "");
});

test("only real filters count as active", () => {
  assert.equal(hasActiveFilters(parseTaskFilters({ page: "2", sort: "deadline" })), false);
  assert.equal(hasActiveFilters(parseTaskFilters({ leader: "x" })), true);
});
