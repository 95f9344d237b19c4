import assert from "node:assert/strict";
import { test } from "node:test";
import { auditActionLabel, auditEntityLabel } from "@/lib/audit/labels";

test("a prototype name is shown as itself, never as Object's function (a crafted ?entity= on /admin/audit)", () => {
  for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"]) {
    assert.equal(auditEntityLabel(name), name);
    assert.equal(auditActionLabel(name), name);
  }
  assert.equal(auditEntityLabel("User"), "用户");
  assert.equal(auditActionLabel("login.unlock"), "解除账号登录限制");
});
