import assert from "node:assert/strict";
import { test } from "node:test";
import { homePathFor, unitRowScopeWhere, unitScopeWhere, withUnitRowScope, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const base: SessionUser = { id: "u1", username: "x", name: "X", role: "ADMIN", unitId: null, unitName: null, groupIds: [], sessionId: "s" };

test("each role has its own home", () => {
  const homes: Record<Role, string> = { ADMIN: "/admin", LEADER: "/leader", ASSESSOR: "/assessor", UNIT_HEAD: "/unit", REPORTER: "/unit" };
  for (const [role, home] of Object.entries(homes)) assert.equal(homePathFor(role as Role), home, role);
});

test("office and leaders read every unit", () => {
  assert.deepEqual(unitScopeWhere({ ...base, role: "ADMIN" }), {});
  assert.deepEqual(unitScopeWhere({ ...base, role: "LEADER" }), {});
});

test("a unit account is held to its own unit", () => {
  const user = { ...base, role: "REPORTER" as const, unitId: "unit-a" };
  assert.deepEqual(unitScopeWhere(user), { id: "unit-a" });
  assert.deepEqual(unitRowScopeWhere(user), { unitId: "unit-a" });
});

test("a unit account without a unit sees nothing, not everything", () => {
  const user = { ...base, role: "UNIT_HEAD" as const, unitId: null };
  assert.deepEqual(unitScopeWhere(user), { id: "__no_unit__" });
  assert.deepEqual(unitRowScopeWhere(user), { unitId: "__no_unit__" });
});

test("an assessor reads the units of their groups only", () => {
  const user = { ...base, role: "ASSESSOR" as const, groupIds: ["g1"] };
  assert.deepEqual(unitScopeWhere(user), { groups: { some: { groupId: { in: ["g1"] } } } });
  assert.deepEqual(unitRowScopeWhere(user), { unit: { groups: { some: { groupId: { in: ["g1"] } } } } });
});

test("combining a where with the scope keeps both conditions (another unit's id cannot win)", () => {
  const reporter = { ...base, role: "REPORTER" as const, unitId: "unit-a" };
  assert.deepEqual(withUnitScope(reporter, { id: "unit-b" }), { AND: [{ id: "unit-b" }, { id: "unit-a" }] });
  assert.deepEqual(withUnitRowScope(reporter, { unitId: "unit-b" }), { AND: [{ unitId: "unit-b" }, { unitId: "unit-a" }] });
});
