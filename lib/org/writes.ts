/**
 * The office's writes on the organisation: users, units and the dated unit
 * scope of the assessment groups. Each one checks the caller is the office,
 * finds its row, writes it and its audit entry (before/after) in one
 * transaction, and answers in Chinese. Access rules:
 *
 * - disabling an account, resetting its password, or changing its role or
 *   unit ends its sessions and API tokens at once (revokeAccess): the next
 *   request of an open browser or a token finds nothing;
 * - a reset or a new account gets a one-time password, shown once to the
 *   office and never stored in clear; it must be changed at the next login.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { revokeAccess } from "@/lib/accounts/writes";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { unitSnapshotSelect, userSnapshotSelect } from "@/lib/org/selects";
import type {
  ChannelCreateInput,
  GroupCreateInput,
  KeyTaskCreateInput,
  LineInput,
  RubricInput,
  ScopeChangeInput,
  UnitCreateInput,
  UnitUpdateInput,
  UserCreateInput,
  UserUpdateInput,
} from "@/lib/org/schemas";
import { districtToday, quarterOf, quarterRange, type DistrictDate } from "@/lib/time";
import type { WriteResult } from "@/lib/write-result";

/** The one shape of a write's answer (lib/write-result.ts). */
export type OrgResult<T = undefined> = WriteResult<T>;

type Tx = Prisma.TransactionClient;

export const ORG_FORBIDDEN = "只有督查室可以管理组织架构。";
export const USER_NOT_FOUND = "没有找到这个账号。";
export const UNIT_NOT_FOUND = "没有找到这个单位。";
export const GROUP_NOT_FOUND = "没有找到这个考核组。";

function forbidden(): OrgResult<never> {
  return { ok: false, status: 403, message: ORG_FORBIDDEN };
}
function notFound(message: string): OrgResult<never> {
  return { ok: false, status: 404, message };
}
function invalid(field: string, message: string): OrgResult<never> {
  return { ok: false, status: 400, message: `请检查填写的内容：${message}。`, fieldErrors: { [field]: [message] } };
}

/** A one-time password: 12 characters without look-alikes (0/O, 1/l/I), from the system's random source. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 12 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("");
}

// ─── Users ────────────────────────────────────────────────────────────────────

/** A unit picked for an account must exist and not be retired. */
async function liveUnit(client: Db | Tx, unitId: string | null): Promise<boolean> {
  if (!unitId) return true;
  return (await client.unit.count({ where: { id: unitId, archivedAt: null } })) === 1;
}

export async function createUser(client: Db, actor: SessionUser, input: UserCreateInput): Promise<OrgResult<{ id: string; password: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return client.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) return invalid("username", "用户名已被使用");
    if (!(await liveUnit(tx, input.unitId))) return invalid("unitId", "所选单位不存在或已撤销");
    const user = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        title: input.title,
        phone: input.phone,
        role: input.role,
        unitId: input.unitId,
        passwordHash,
        mustChangePassword: true,
      },
      select: userSnapshotSelect,
    });
    await audit(tx, { actorId: actor.id, action: "user.create", entity: "User", entityId: user.id, after: user });
    return { ok: true as const, value: { id: user.id, password } };
  });
}

export async function updateUser(client: Db, actor: SessionUser, input: UserUpdateInput, now = new Date()): Promise<OrgResult<{ revoked: boolean }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSnapshotSelect });
    if (!before) return notFound(USER_NOT_FOUND);
    if (before.id === actor.id && input.role !== "ADMIN") return invalid("role", "不能取消自己的督查室角色");
    if (input.unitId !== before.unitId && !(await liveUnit(tx, input.unitId))) return invalid("unitId", "所选单位不存在或已撤销");
    const after = await tx.user.update({
      where: { id: input.id },
      data: { name: input.name, title: input.title, phone: input.phone, role: input.role, unitId: input.unitId },
      select: userSnapshotSelect,
    });
    // A new role or unit is new access: the old one ends now, in every open browser and token.
    const moved = before.role !== after.role || before.unitId !== after.unitId;
    const revoked = moved ? await revokeAccess(tx, after.id, now) : undefined;
    await audit(tx, {
      actorId: actor.id,
      action: "user.update",
      entity: "User",
      entityId: after.id,
      before,
      after: revoked ? { ...after, revoked } : after,
      unitId: after.unitId ?? before.unitId,
    });
    return { ok: true as const, value: { revoked: moved } };
  });
}

export async function resetUserPassword(
  client: Db,
  actor: SessionUser,
  id: string,
  now = new Date(),
): Promise<OrgResult<{ password: string; username: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  if (id === actor.id) return { ok: false, status: 400, message: "不能在这里重置自己的密码，请到“我的账号”修改。" };
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, username: true } });
    if (!user) return notFound(USER_NOT_FOUND);
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: now, mustChangePassword: true } });
    const revoked = await revokeAccess(tx, id, now);
    await audit(tx, { actorId: actor.id, action: "user.reset-password", entity: "User", entityId: id, after: { mustChangePassword: true, revoked } });
    return { ok: true as const, value: { password, username: user.username } };
  });
}

export async function setUserActive(client: Db, actor: SessionUser, input: { id: string; active: boolean }, now = new Date()): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  if (input.id === actor.id && !input.active) return { ok: false, status: 400, message: "不能停用自己的账号。" };
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, active: true } });
    if (!before) return notFound(USER_NOT_FOUND);
    if (before.active === input.active) return { ok: true as const, value: undefined };
    await tx.user.update({ where: { id: input.id }, data: { active: input.active } });
    const revoked = input.active ? undefined : await revokeAccess(tx, input.id, now);
    await audit(tx, {
      actorId: actor.id,
      action: input.active ? "user.enable" : "user.disable",
      entity: "User",
      entityId: input.id,
      before: { active: before.active },
      after: revoked ? { active: input.active, revoked } : { active: input.active },
    });
    return { ok: true as const, value: undefined };
  });
}

// ─── Units ────────────────────────────────────────────────────────────────────

async function unitClash(tx: Tx, input: { code: string; name: string }, exceptId?: string): Promise<OrgResult<never> | null> {
  const clash = await tx.unit.findFirst({
    where: { OR: [{ code: input.code }, { name: input.name }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { code: true, name: true },
  });
  if (!clash) return null;
  return clash.code === input.code ? invalid("code", `单位代码已被“${clash.name}”使用`) : invalid("name", "已有同名单位（含已撤销的单位）");
}

export async function createUnit(client: Db, actor: SessionUser, input: UnitCreateInput): Promise<OrgResult<{ id: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const clash = await unitClash(tx, input);
    if (clash) return clash;
    const last = await tx.unit.aggregate({ where: { kind: input.kind }, _max: { sortOrder: true } });
    const unit = await tx.unit.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: unitSnapshotSelect });
    await audit(tx, { actorId: actor.id, action: "unit.create", entity: "Unit", entityId: unit.id, after: unit, unitId: unit.id });
    return { ok: true as const, value: { id: unit.id } };
  });
}

export async function updateUnit(client: Db, actor: SessionUser, input: UnitUpdateInput): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { id: input.id }, select: unitSnapshotSelect });
    if (!before) return notFound(UNIT_NOT_FOUND);
    if (before.archivedAt) return { ok: false as const, status: 400 as const, message: "已撤销的单位不能修改，它的记录保持撤销时的样子。" };
    const clash = await unitClash(tx, input, input.id);
    if (clash) return clash;
    const { id, ...data } = input;
    const after = await tx.unit.update({ where: { id }, data, select: unitSnapshotSelect });
    await audit(tx, {
      actorId: actor.id,
      action: before.name !== after.name ? "unit.rename" : "unit.update",
      entity: "Unit",
      entityId: id,
      before,
      after,
      unitId: id,
    });
    return { ok: true as const, value: undefined };
  });
}

/** Removes a retired unit from the assessment groups it was in, each removal dated today (the scope in force before stays readable). */
async function leaveGroups(tx: Tx, actor: SessionUser, unitId: string, today: DistrictDate): Promise<string[]> {
  const memberships = await tx.assessmentGroupUnit.findMany({ where: { unitId }, select: { groupId: true } });
  for (const { groupId } of memberships) {
    await tx.assessmentGroupUnit.delete({ where: { groupId_unitId: { groupId, unitId } } });
    await tx.assessmentGroupScopeChange.create({ data: { groupId, unitId, change: "REMOVE", effectiveDate: today, actorId: actor.id } });
  }
  return memberships.map((m) => m.groupId);
}

/**
 * Retires a unit (撤销): it stays in the database under its name, with its
 * cards, scores, flags and tasks, but it is not ranked, gets no reminders and
 * takes no new accounts or tasks. Its accounts are disabled (access ended).
 */
export async function retireUnit(client: Db, actor: SessionUser, id: string, now = new Date(), today = districtToday(now)): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { id }, select: unitSnapshotSelect });
    if (!before) return notFound(UNIT_NOT_FOUND);
    if (before.archivedAt) return { ok: false as const, status: 400 as const, message: "这个单位已经撤销。" };
    const after = await tx.unit.update({ where: { id }, data: { archivedAt: now }, select: unitSnapshotSelect });
    const groups = await leaveGroups(tx, actor, id, today);
    const users = await tx.user.findMany({ where: { unitId: id, active: true }, select: { id: true } });
    for (const u of users) await revokeAccess(tx, u.id, now);
    await tx.user.updateMany({ where: { unitId: id, active: true }, data: { active: false } });
    await audit(tx, {
      actorId: actor.id,
      action: "unit.retire",
      entity: "Unit",
      entityId: id,
      before,
      after: { ...after, leftGroups: groups, disabledUsers: users.map((u) => u.id) },
      unitId: id,
    });
    return { ok: true as const, value: undefined };
  });
}

/**
 * Merges unit `id` into `intoId` (合并): its tasks and open orders move to the
 * other unit, its active accounts too (their access ends: they sign in
 * again under the new unit); it joins the lines and channels the old unit was
 * in, and takes its place in the assessment groups (both changes dated today).
 * The old unit is retired: its cards, scores, flags and closed orders stay
 * with it, readable under its old name.
 */
export async function mergeUnits(
  client: Db,
  actor: SessionUser,
  input: { id: string; intoId: string },
  now = new Date(),
  today = districtToday(now),
): Promise<OrgResult<{ tasks: number; orders: number; users: number }>> {
  if (actor.role !== "ADMIN") return forbidden();
  if (input.id === input.intoId) return invalid("intoId", "不能并入自身");
  return client.$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { id: input.id }, select: unitSnapshotSelect });
    if (!before) return notFound(UNIT_NOT_FOUND);
    if (before.archivedAt) return { ok: false as const, status: 400 as const, message: "这个单位已经撤销，不能再合并。" };
    const into = await tx.unit.findFirst({ where: { id: input.intoId, archivedAt: null }, select: { id: true, name: true } });
    if (!into) return invalid("intoId", "并入的单位不存在或已撤销");

    const taskIds = (await tx.task.findMany({ where: { unitId: input.id }, select: { id: true } })).map((t) => t.id);
    await tx.task.updateMany({ where: { unitId: input.id }, data: { unitId: into.id } });
    // A task now led by the new unit no longer lists it as cooperating.
    await tx.taskCooperator.deleteMany({ where: { unitId: into.id, taskId: { in: taskIds } } });
    const cooperating = await tx.taskCooperator.findMany({ where: { unitId: input.id }, select: { taskId: true } });
    for (const { taskId } of cooperating) {
      const lead = await tx.task.findUnique({ where: { id: taskId }, select: { unitId: true } });
      const already = await tx.taskCooperator.count({ where: { taskId, unitId: into.id } });
      await tx.taskCooperator.delete({ where: { taskId_unitId: { taskId, unitId: input.id } } });
      if (lead?.unitId !== into.id && already === 0) await tx.taskCooperator.create({ data: { taskId, unitId: into.id } });
    }
    const openOrders = (await tx.supervisionOrder.findMany({ where: { unitId: input.id, status: { not: "ACCEPTED" } }, select: { id: true } })).map(
      (o) => o.id,
    );
    await tx.supervisionOrder.updateMany({ where: { id: { in: openOrders } }, data: { unitId: into.id } });

    const users = (await tx.user.findMany({ where: { unitId: input.id, active: true }, select: { id: true } })).map((u) => u.id);
    for (const userId of users) await revokeAccess(tx, userId, now);
    await tx.user.updateMany({ where: { id: { in: users } }, data: { unitId: into.id } });

    for (const { lineId } of await tx.lineUnit.findMany({ where: { unitId: input.id }, select: { lineId: true } })) {
      if ((await tx.lineUnit.count({ where: { lineId, unitId: into.id } })) === 0) await tx.lineUnit.create({ data: { lineId, unitId: into.id } });
    }
    for (const { channelId } of await tx.channelUnit.findMany({ where: { unitId: input.id }, select: { channelId: true } })) {
      if ((await tx.channelUnit.count({ where: { channelId, unitId: into.id } })) === 0) await tx.channelUnit.create({ data: { channelId, unitId: into.id } });
    }
    const groups = await leaveGroups(tx, actor, input.id, today);
    for (const groupId of groups) {
      if ((await tx.assessmentGroupUnit.count({ where: { groupId, unitId: into.id } })) > 0) continue;
      await tx.assessmentGroupUnit.create({ data: { groupId, unitId: into.id } });
      await tx.assessmentGroupScopeChange.create({ data: { groupId, unitId: into.id, change: "ADD", effectiveDate: today, actorId: actor.id } });
    }

    const after = await tx.unit.update({ where: { id: input.id }, data: { archivedAt: now, mergedIntoId: into.id }, select: unitSnapshotSelect });
    const moved = { tasks: taskIds, orders: openOrders, users, groups, into: { id: into.id, name: into.name } };
    await audit(tx, { actorId: actor.id, action: "unit.merge", entity: "Unit", entityId: input.id, before, after: { ...after, moved }, unitId: input.id });
    await audit(tx, {
      actorId: actor.id,
      action: "unit.merge-in",
      entity: "Unit",
      entityId: into.id,
      after: { from: { id: before.id, name: before.name }, moved },
      unitId: into.id,
    });
    return { ok: true as const, value: { tasks: taskIds.length, orders: openOrders.length, users: users.length } };
  });
}

// ─── Assessment groups' scope ─────────────────────────────────────────────────

/**
 * Adds a unit to a group's scope or removes it, from `effectiveDate` on. The
 * date may be today or earlier in the current quarter (a decision recorded a
 * few days late), never in a past quarter (its scores may be closed) nor in
 * the future. Today's scope (AssessmentGroupUnit) changes at once; the dated
 * record lets scoring ask for the scope in force on any day (lib/org/scope.ts).
 */
export async function changeGroupScope(client: Db, actor: SessionUser, input: ScopeChangeInput, today = districtToday()): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  if (input.effectiveDate > today) return invalid("effectiveDate", "生效日期不能晚于今天");
  if (input.effectiveDate < quarterRange(quarterOf(today)).start)
    return invalid("effectiveDate", "生效日期不能早于本季度第一天（以往季度的考核已按当时的范围进行）");
  return client.$transaction(async (tx) => {
    const group = await tx.assessmentGroup.findUnique({ where: { id: input.groupId }, select: { id: true, name: true } });
    if (!group) return notFound(GROUP_NOT_FOUND);
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, name: true, archivedAt: true } });
    if (!unit) return invalid("unitId", "所选单位不存在");
    const inScope = (await tx.assessmentGroupUnit.count({ where: { groupId: group.id, unitId: unit.id } })) > 0;
    if (input.change === "ADD") {
      if (unit.archivedAt) return invalid("unitId", "已撤销的单位不能加入考核范围");
      if (inScope) return invalid("unitId", `${unit.name}已在本组考核范围内`);
      const later = await tx.assessmentGroupScopeChange.count({ where: { groupId: group.id, unitId: unit.id, effectiveDate: { gt: input.effectiveDate } } });
      if (later > 0) return invalid("effectiveDate", "这个单位在该日期之后还有范围变动，生效日期不能早于它");
      await tx.assessmentGroupUnit.create({ data: { groupId: group.id, unitId: unit.id } });
    } else {
      if (!inScope) return invalid("unitId", `${unit.name}不在本组考核范围内`);
      const later = await tx.assessmentGroupScopeChange.count({ where: { groupId: group.id, unitId: unit.id, effectiveDate: { gt: input.effectiveDate } } });
      if (later > 0) return invalid("effectiveDate", "这个单位在该日期之后还有范围变动，生效日期不能早于它");
      await tx.assessmentGroupUnit.delete({ where: { groupId_unitId: { groupId: group.id, unitId: unit.id } } });
    }
    const change = await tx.assessmentGroupScopeChange.create({
      data: { groupId: group.id, unitId: unit.id, change: input.change, effectiveDate: input.effectiveDate, actorId: actor.id },
      select: { id: true, change: true, effectiveDate: true, unitId: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: input.change === "ADD" ? "group.scope-add" : "group.scope-remove",
      entity: "AssessmentGroup",
      entityId: group.id,
      before: { inScope },
      after: { ...change, unitName: unit.name, inScope: !inScope },
      unitId: unit.id,
    });
    return { ok: true as const, value: undefined };
  });
}

// ─── Lines, command centres, key tasks, group members, channels ───────────────

async function leaderOk(tx: Tx, leaderId: string | null): Promise<boolean> {
  return !leaderId || (await tx.user.count({ where: { id: leaderId, role: "LEADER", active: true } })) === 1;
}

async function liveUnitsOk(tx: Tx, unitIds: string[]): Promise<boolean> {
  return (await tx.unit.count({ where: { id: { in: unitIds }, archivedAt: null } })) === unitIds.length;
}

/** Creates (no id) or updates a line (分管线) or command centre (指挥部): name, kind, leader, description and its units. */
export async function saveLine(client: Db, actor: SessionUser, input: LineInput): Promise<OrgResult<{ id: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const snapshot = async (id: string) => {
      const line = await tx.line.findUnique({
        where: { id },
        select: { id: true, name: true, kind: true, leaderId: true, description: true, units: { select: { unitId: true } } },
      });
      return line ? { ...line, units: undefined, unitIds: line.units.map((u) => u.unitId).sort() } : null;
    };
    const before = input.id ? await snapshot(input.id) : null;
    if (input.id && !before) return notFound("没有找到这条分管线或指挥部。");
    if (await tx.line.findFirst({ where: { name: input.name, ...(input.id ? { id: { not: input.id } } : {}) }, select: { id: true } }))
      return invalid("name", "已有同名的分管线或指挥部");
    if (!(await leaderOk(tx, input.leaderId))) return invalid("leaderId", "牵头领导须是在用的区级领导账号");
    // Units already on the line stay even if retired since; new ones must be live.
    const added = input.unitIds.filter((u) => !before?.unitIds.includes(u));
    if (!(await liveUnitsOk(tx, added))) return invalid("unitIds", "所选单位不存在或已撤销");
    const data = { name: input.name, kind: input.kind, leaderId: input.leaderId, description: input.description };
    const id =
      input.id ??
      (
        await tx.line.create({
          data: { ...data, sortOrder: ((await tx.line.aggregate({ _max: { sortOrder: true } }))._max.sortOrder ?? 0) + 1 },
          select: { id: true },
        })
      ).id;
    if (input.id) await tx.line.update({ where: { id }, data });
    await tx.lineUnit.deleteMany({ where: { lineId: id, unitId: { notIn: input.unitIds } } });
    for (const unitId of added) await tx.lineUnit.create({ data: { lineId: id, unitId } });
    const after = await snapshot(id);
    await audit(tx, {
      actorId: actor.id,
      action: input.id ? "line.update" : "line.create",
      entity: "Line",
      entityId: id,
      before: before ?? undefined,
      after,
      unitId: null,
    });
    return { ok: true as const, value: { id } };
  });
}

/** The next free code of a prefix and a two-digit (or longer) number: KT08, CH07 … (codes are unique; names are what people read). */
function nextCode(taken: { code: string }[], prefix: string): string {
  const codes = new Set(taken.map((t) => t.code));
  const numbers = taken.map((t) => (t.code.startsWith(prefix) ? Number(t.code.slice(prefix.length)) : NaN)).filter(Number.isInteger);
  let n = Math.max(0, ...numbers) + 1;
  while (codes.has(`${prefix}${String(n).padStart(2, "0")}`)) n += 1;
  return `${prefix}${String(n).padStart(2, "0")}`;
}

/** Creates a key task (重点工作) with the next free code KTnn, last in order, on a line or none. */
export async function createKeyTask(client: Db, actor: SessionUser, input: KeyTaskCreateInput): Promise<OrgResult<{ id: string; code: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    if (await tx.keyTask.findFirst({ where: { name: input.name }, select: { id: true } })) return invalid("name", "已有同名的重点工作");
    if (input.lineId && (await tx.line.count({ where: { id: input.lineId } })) === 0) return invalid("lineId", "所选分管线不存在");
    const taken = await tx.keyTask.findMany({ select: { code: true } });
    const last = await tx.keyTask.aggregate({ _max: { sortOrder: true } });
    const after = await tx.keyTask.create({
      data: { code: nextCode(taken, "KT"), name: input.name, lineId: input.lineId, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      select: { id: true, code: true, name: true, lineId: true },
    });
    await audit(tx, { actorId: actor.id, action: "keyTask.create", entity: "KeyTask", entityId: after.id, after, unitId: null });
    return { ok: true as const, value: { id: after.id, code: after.code } };
  });
}

/** Creates the assessment group (考核组) of a key task that has none (one group per key task); no members, units or rubric yet. */
export async function createGroup(client: Db, actor: SessionUser, input: GroupCreateInput): Promise<OrgResult<{ id: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const keyTask = await tx.keyTask.findUnique({ where: { id: input.keyTaskId }, select: { id: true, name: true, group: { select: { name: true } } } });
    if (!keyTask) return invalid("keyTaskId", "所选重点工作不存在");
    if (keyTask.group) return invalid("keyTaskId", `“${keyTask.name}”已有考核组“${keyTask.group.name}”`);
    if (await tx.assessmentGroup.findFirst({ where: { name: input.name }, select: { id: true } })) return invalid("name", "已有同名的考核组");
    const after = await tx.assessmentGroup.create({ data: { name: input.name, keyTaskId: keyTask.id }, select: { id: true, name: true, keyTaskId: true } });
    await audit(tx, { actorId: actor.id, action: "group.create", entity: "AssessmentGroup", entityId: after.id, after, unitId: null });
    return { ok: true as const, value: { id: after.id } };
  });
}

/** Creates a channel (工作群) with the next free code CHnn, last in order; no units or members yet. */
export async function createChannel(client: Db, actor: SessionUser, input: ChannelCreateInput): Promise<OrgResult<{ id: string }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    if (await tx.channel.findFirst({ where: { name: input.name }, select: { id: true } })) return invalid("name", "已有同名的工作群");
    const taken = await tx.channel.findMany({ select: { code: true } });
    const last = await tx.channel.aggregate({ _max: { sortOrder: true } });
    const after = await tx.channel.create({
      data: { code: nextCode(taken, "CH"), name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      select: { id: true, code: true, name: true },
    });
    await audit(tx, { actorId: actor.id, action: "channel.create", entity: "Channel", entityId: after.id, after, unitId: null });
    return { ok: true as const, value: { id: after.id } };
  });
}

export async function updateKeyTask(client: Db, actor: SessionUser, input: { id: string; name: string; lineId: string | null }): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const before = await tx.keyTask.findUnique({ where: { id: input.id }, select: { id: true, code: true, name: true, lineId: true } });
    if (!before) return notFound("没有找到这项重点工作。");
    if (await tx.keyTask.findFirst({ where: { name: input.name, id: { not: input.id } }, select: { id: true } })) return invalid("name", "已有同名的重点工作");
    if (input.lineId && (await tx.line.count({ where: { id: input.lineId } })) === 0) return invalid("lineId", "所选分管线不存在");
    const after = await tx.keyTask.update({
      where: { id: input.id },
      data: { name: input.name, lineId: input.lineId },
      select: { id: true, code: true, name: true, lineId: true },
    });
    await audit(tx, { actorId: actor.id, action: "keyTask.update", entity: "KeyTask", entityId: input.id, before, after, unitId: null });
    return { ok: true as const, value: undefined };
  });
}

/** Sets an assessment group's members (assessors or leaders who score its units). */
export async function setGroupMembers(client: Db, actor: SessionUser, input: { id: string; userIds: string[] }): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const group = await tx.assessmentGroup.findUnique({ where: { id: input.id }, select: { id: true, members: { select: { userId: true } } } });
    if (!group) return notFound(GROUP_NOT_FOUND);
    const before = group.members.map((m) => m.userId).sort();
    const added = input.userIds.filter((u) => !before.includes(u));
    if ((await tx.user.count({ where: { id: { in: added }, role: { in: ["ASSESSOR", "LEADER"] }, active: true } })) !== added.length) {
      return invalid("userIds", "考核组成员须是在用的考核组或区级领导账号");
    }
    await tx.assessmentGroupMember.deleteMany({ where: { groupId: group.id, userId: { notIn: input.userIds } } });
    for (const userId of added) await tx.assessmentGroupMember.create({ data: { groupId: group.id, userId } });
    await audit(tx, {
      actorId: actor.id,
      action: "group.members",
      entity: "AssessmentGroup",
      entityId: group.id,
      before: { userIds: before },
      after: { userIds: [...input.userIds].sort() },
      unitId: null,
    });
    return { ok: true as const, value: undefined };
  });
}

/** Sets who is in a channel: its units and its people (the district leaders …). */
export async function setChannelMembers(client: Db, actor: SessionUser, input: { id: string; unitIds: string[]; userIds: string[] }): Promise<OrgResult> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const channel = await tx.channel.findUnique({
      where: { id: input.id },
      select: { id: true, units: { select: { unitId: true } }, members: { select: { userId: true } } },
    });
    if (!channel) return notFound("没有找到这个工作群。");
    const before = { unitIds: channel.units.map((u) => u.unitId).sort(), userIds: channel.members.map((m) => m.userId).sort() };
    const addedUnits = input.unitIds.filter((u) => !before.unitIds.includes(u));
    const addedUsers = input.userIds.filter((u) => !before.userIds.includes(u));
    if (!(await liveUnitsOk(tx, addedUnits))) return invalid("unitIds", "所选单位不存在或已撤销");
    if ((await tx.user.count({ where: { id: { in: addedUsers }, active: true } })) !== addedUsers.length) return invalid("userIds", "所选成员不存在或已停用");
    await tx.channelUnit.deleteMany({ where: { channelId: channel.id, unitId: { notIn: input.unitIds } } });
    await tx.channelMember.deleteMany({ where: { channelId: channel.id, userId: { notIn: input.userIds } } });
    for (const unitId of addedUnits) await tx.channelUnit.create({ data: { channelId: channel.id, unitId } });
    for (const userId of addedUsers) await tx.channelMember.create({ data: { channelId: channel.id, userId } });
    await audit(tx, {
      actorId: actor.id,
      action: "channel.members",
      entity: "Channel",
      entityId: channel.id,
      before,
      after: { unitIds: [...input.unitIds].sort(), userIds: [...input.userIds].sort() },
      unitId: null,
    });
    return { ok: true as const, value: undefined };
  });
}

// ─── Rubrics ──────────────────────────────────────────────────────────────────

export const RUBRIC_LOCKED =
  "这个考核组本年度已经开始评分，细则的满分和项目增减会改变已评的分数，不能再改；只能修改项目名称和顺序。需要调整分值的，请在下一年度的细则中调整。";

/**
 * Saves an assessment group's rubric for a year (its items, their maximum
 * points, their order), audited before/after. The rule (README, 考核细则):
 * the group's component of a quarter is points ÷ the year's Σ maxPoints, so
 * once the group has any score in that year (a draft included) the points
 * are fixed — adding, removing or re-weighting an item is refused, renaming
 * and reordering are not. Before the first score, any change applies to the
 * whole year, and nothing scored moves.
 */
export async function saveRubric(client: Db, actor: SessionUser, input: RubricInput): Promise<OrgResult<{ count: number }>> {
  if (actor.role !== "ADMIN") return forbidden();
  return client.$transaction(async (tx) => {
    const group = await tx.assessmentGroup.findUnique({ where: { id: input.groupId }, select: { id: true } });
    if (!group) return notFound(GROUP_NOT_FOUND);
    const before = await tx.rubricItem.findMany({
      where: { groupId: group.id, year: input.year },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, maxPoints: true },
    });
    const byId = new Map(before.map((item) => [item.id, item]));
    if (input.items.some((item) => item.id !== null && !byId.has(item.id))) return invalid("name_0", "细则已被他人修改，请刷新页面后重试");
    const scored = (await tx.groupScore.count({ where: { groupId: group.id, quarter: { year: input.year } } })) > 0;
    if (scored) {
      const kept = input.items.filter((item) => item.id !== null);
      const samePoints =
        kept.length === input.items.length && kept.length === before.length && kept.every((item) => byId.get(item.id!)!.maxPoints === item.maxPoints);
      if (!samePoints) return { ok: false as const, status: 409 as const, message: RUBRIC_LOCKED };
    }
    const keptIds = new Set(input.items.flatMap((item) => (item.id ? [item.id] : [])));
    // Names are unique per group and year: clear the old ones first, so that two items may swap names.
    await tx.rubricItem.deleteMany({ where: { groupId: group.id, year: input.year, id: { notIn: [...keptIds] } } });
    for (const [i, item] of input.items.entries()) if (item.id) await tx.rubricItem.update({ where: { id: item.id }, data: { name: `~${i}~${item.id}` } });
    for (const [i, item] of input.items.entries()) {
      const data = { name: item.name, maxPoints: item.maxPoints, sortOrder: i + 1 };
      if (item.id) await tx.rubricItem.update({ where: { id: item.id }, data });
      else await tx.rubricItem.create({ data: { ...data, groupId: group.id, year: input.year } });
    }
    const after = await tx.rubricItem.findMany({
      where: { groupId: group.id, year: input.year },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, maxPoints: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "group.rubric",
      entity: "AssessmentGroup",
      entityId: group.id,
      before: { year: input.year, items: before },
      after: { year: input.year, items: after },
      unitId: null,
    });
    return { ok: true as const, value: { count: after.length } };
  });
}
