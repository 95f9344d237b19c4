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

test("the organisation's and the leaders' audit entries read in Chinese in the viewer", () => {
  assert.equal(auditActionLabel("unit.import"), "批量导入单位");
  assert.equal(auditActionLabel("group.rubric"), "修改考核细则");
  assert.equal(auditActionLabel("leader.siteVisit"), "到现场看看");
  assert.equal(auditEntityLabel("SiteVisit"), "到现场看看");
  for (const action of ["keyTask.create", "group.create", "channel.create"]) assert.notEqual(auditActionLabel(action), action);
});
