import assert from "node:assert/strict";
import { test } from "node:test";
import { diffAudit, parseAuditJson } from "@/lib/audit/diff";

test("only the changed fields are listed, by path, old beside new", () => {
  const before = { title: "修路", target: 10, cooperators: [{ unitId: "a" }], note: null };
  const after = { title: "修路", target: 12, cooperators: [{ unitId: "a" }, { unitId: "b" }], note: "加快" };
  assert.deepEqual(diffAudit(before, after), [
    { path: "target", before: "10", after: "12" },
    { path: "note", before: null, after: "加快" },
    { path: "cooperators.1.unitId", before: null, after: "b" },
  ]);
});

test("a creation lists every field; a deletion lists what was removed", () => {
  assert.deepEqual(diffAudit(undefined, { points: -1, reason: "通报" }), [
    { path: "points", before: null, after: "-1" },
    { path: "reason", before: null, after: "通报" },
  ]);
  assert.deepEqual(diffAudit({ text: "旧" }, undefined), [{ path: "text", before: "旧", after: null }]);
  assert.deepEqual(diffAudit({ a: 1 }, { a: 1 }), []);
});

test("stored text that is not JSON is shown as it is", () => {
  assert.equal(parseAuditJson("not json"), "not json");
  assert.equal(parseAuditJson(null), undefined);
  assert.deepEqual(diffAudit(parseAuditJson('"x"'), parseAuditJson('"y"')), [{ path: "", before: "x", after: "y" }]);
});
