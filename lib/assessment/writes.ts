/**
 * The writes of what counts in a unit's quarter score besides the facts:
 * an assessment group's score (ASSESSOR), 加减分 (LEADER, ADMIN) and 一票否决
 * (ADMIN) — recording them, and withdrawing or correcting them.
 *
 * Nothing that counted is changed in place (issue 10): a withdrawal or a
 * correction is a NEW version with its reason, pointing at the one it
 * replaces; the old one stays and stays visible. Only the person or the role
 * who made a record may change it (a group's score: its members; a leader's
 * 加减分: that leader; the office's: the office), and only while the quarter
 * is open — a closed quarter's snapshot never changes silently. Which
 * versions count is one rule, lib/assessment/in-force.ts.
 *
 * Plain functions over a client (integration tests call them); the role is
 * checked here too, the scope is in every query, each write is one
 * transaction with its audit entry. lib/assessment/actions.ts wires them as
 * server actions through authedAction.
 */
import type { z } from "@/lib/validation";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { latestGroupScore } from "@/lib/assessment/in-force";
import { scoringScopeDay } from "@/lib/assessment/inputs";
import { groupScopeOn } from "@/lib/org/scope";
import { quarterKey, quarterName } from "@/lib/assessment/quarters";
import { parseRubricScores } from "@/lib/assessment/rubric";
import type * as input from "@/lib/assessment/schemas";
import type { QuarterRef } from "@/lib/time";
import { Refused, answerRefusal, refuse, succeed, type WriteResult as SharedWriteResult } from "@/lib/write-result";

/** A write answers with its success message (for the form), or a refusal (lib/write-result.ts). */
export type WriteResult = SharedWriteResult<string>;

export const FORBIDDEN = "没有权限执行此操作。";
export const STALE = "这条记录已被撤回或更正，请刷新页面查看最新版本。";
export const NOT_YOURS_ADJUSTMENT = "只有记录这笔加减分的领导本人可以撤回或更正（督查室记录的，由督查室撤回或更正）。";

type Tx = Prisma.TransactionClient;
type QuarterRow = { id: string; year: number; number: number; status: "OPEN" | "CLOSED" };

const refOf = (q: { year: number; number: number }): QuarterRef => ({ year: q.year, number: q.number as QuarterRef["number"] });

/** What a closed quarter's refusal says, by the kind of record. */
export function closedQuarterMessage(quarter: { year: number; number: number }, kind: "groupScore" | "adjustment" | "veto"): string {
  const name = quarterName(refOf(quarter));
  switch (kind) {
    case "groupScore":
      return `${name}已关闭，得分已冻结，评分不能再撤回或更正。`;
    case "adjustment":
      return `${name}已关闭，得分已冻结，加减分不能再撤回或更正。如需调整，请督查室另记一笔加减分，并在“季度”页面更正本季度得分（生成新版本）。`;
    case "veto":
      return `${name}已关闭，得分已冻结，一票否决不能再撤回或更正。`;
  }
}

/** Re-reads the quarter inside the transaction: a close that won the race refuses the write. */
async function requireOpen(tx: Tx, quarterId: string, kind: "groupScore" | "adjustment" | "veto"): Promise<QuarterRow> {
  const quarter = await tx.quarter.findUnique({ where: { id: quarterId }, select: { id: true, year: true, number: true, status: true } });
  if (!quarter) throw new Refused("没有找到该季度。", { status: 404 });
  if (quarter.status !== "OPEN") throw new Refused(closedQuarterMessage(quarter, kind), { status: 409 });
  return quarter;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a write; a refusal or a lost race (two versions of one record at once) becomes a message. */
async function run(body: () => Promise<string>): Promise<WriteResult> {
  try {
    return await answerRefusal(async () => succeed(await body()));
  } catch (error) {
    if (isUniqueViolation(error)) return refuse(STALE, { status: 409 });
    throw error;
  }
}

// ─── Withdrawing and correcting: one chain of versions ─────────────────────

/**
 * A kind of record that changes only by new versions (a group's score, a
 * 加减分, a veto): how to find the version in force the form showed (with its
 * quarter open; refusals are thrown), which of its values a new version
 * repeats, how to create one, and what the audit says it was.
 */
type Chain<Row extends { id: string; version: number; unitId: string }, Values> = {
  action: "groupScore" | "scoreAdjustment" | "unitVeto";
  entity: "GroupScore" | "ScoreAdjustment" | "UnitVeto";
  find: (tx: Tx) => Promise<{ row: Row; quarter: QuarterRow }>;
  repeat: (row: Row, quarter: QuarterRow) => Omit<Values, "version" | "previousId" | "changeReason" | "withdrawn">;
  create: (tx: Tx, values: Values) => Promise<{ id: string; version: number }>;
  describe: (row: Row) => Record<string, unknown>;
};

type NextVersion = { version: number; previousId: string; changeReason: string; withdrawn?: boolean };

/**
 * Writes version n+1 of a record in force, in one transaction with its audit
 * entry: a correction (`correct` gives the changed values, checked inside the
 * transaction) or, without one, a withdrawal (the values repeated, withdrawn).
 * Two changes of one version cannot both succeed (previousId is unique).
 */
async function writeNextVersion<Row extends { id: string; version: number; unitId: string }, Values>(
  db: Db,
  user: SessionUser,
  chain: Chain<Row, Values>,
  change: {
    changeReason: string;
    correct?: (tx: Tx, row: Row, quarter: QuarterRow) => Promise<{ values: Partial<Values>; after: Record<string, unknown> }>;
    message: string;
  },
): Promise<WriteResult> {
  const withdraw = !change.correct;
  return run(async () => {
    await db.$transaction(async (tx) => {
      const { row, quarter } = await chain.find(tx);
      const corrected = change.correct ? await change.correct(tx, row, quarter) : { values: {}, after: { withdrawn: true } };
      const next: NextVersion = { version: row.version + 1, previousId: row.id, changeReason: change.changeReason, ...(withdraw ? { withdrawn: true } : {}) };
      const created = await chain.create(tx, { ...chain.repeat(row, quarter), ...corrected.values, ...next } as Values);
      await audit(tx, {
        actorId: user.id,
        action: `${chain.action}.${withdraw ? "withdraw" : "correct"}`,
        entity: chain.entity,
        entityId: created.id,
        unitId: row.unitId,
        before: { version: row.version, ...chain.describe(row) },
        after: { version: created.version, ...corrected.after, changeReason: change.changeReason },
      });
    });
    return change.message;
  });
}

// ─── Group scores (ASSESSOR) ────────────────────────────────────────────────

/**
 * The group, if the user is one of its members and the group's scope held the
 * unit on the quarter's scoring day (its last day, or today while it is under
 * way: scoringScopeDay) — the scope the close counts the group's score for.
 */
async function findOwnGroup(db: Db | Tx, user: SessionUser, groupId: string, unitId: string, quarter: { year: number; number: number }) {
  if (user.role !== "ASSESSOR") return null;
  const group = await db.assessmentGroup.findFirst({ where: { id: groupId, members: { some: { userId: user.id } } }, select: { id: true } });
  if (!group) return null;
  const scope = await groupScopeOn(db, scoringScopeDay(refOf(quarter)), [group.id]);
  return scope.get(group.id)?.has(unitId) ? group : null;
}

function rubricOf(db: Db | Tx, groupId: string, year: number) {
  return db.rubricItem.findMany({ where: { groupId, year }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, maxPoints: true } });
}

const scoreSelect = {
  id: true,
  version: true,
  status: true,
  withdrawn: true,
  items: { select: { rubricItemId: true, points: true, comment: true } },
} satisfies Prisma.GroupScoreSelect;

/**
 * Saves (draft) or submits a group's score of a unit. A draft is edited in
 * place (it never counted); a submitted score is final — it changes only by
 * correctGroupScore or withdrawGroupScore. After a withdrawal the group may
 * score again: a new version.
 */
export async function saveGroupScore(db: Db, user: SessionUser, data: z.infer<typeof input.groupScoreInput>): Promise<WriteResult> {
  if (user.role !== "ASSESSOR") return refuse(FORBIDDEN, { status: 403 });
  const quarter = await db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } });
  if (!quarter) return refuse("没有找到该季度。", { status: 404 });
  const group = await findOwnGroup(db, user, data.groupId, data.unitId, quarter);
  if (!group) return refuse(FORBIDDEN, { status: 403 });
  if (quarter.status !== "OPEN") return refuse(`${quarterName(refOf(quarter))}已关闭，评分不能再修改。`, { status: 409 });
  const rubric = await rubricOf(db, group.id, quarter.year);
  if (rubric.length === 0) return refuse("本考核组本年度还没有评分细则，请联系督查室。");
  const parsed = parseRubricScores(rubric, data, data.intent);
  if (parsed.message) return refuse(parsed.message, { fieldErrors: parsed.fieldErrors });

  const submit = data.intent === "submit";
  const status = submit ? ("SUBMITTED" as const) : ("DRAFT" as const);
  return run(async () => {
    await db.$transaction(async (tx) => {
      await requireOpen(tx, quarter.id, "groupScore");
      const latest = await tx.groupScore.findFirst({
        where: { quarterId: quarter.id, groupId: group.id, unitId: data.unitId, ...latestGroupScore },
        select: scoreSelect,
      });
      if (latest?.status === "SUBMITTED" && !latest.withdrawn)
        throw new Refused("该单位本季度的评分已经提交，不能直接修改；如需修改，请用“更正评分”，或先撤回。", { status: 409 });
      const now = new Date();
      let scoreId: string;
      if (latest?.status === "DRAFT") {
        // Guarded: a second tab that submitted meanwhile wins, this one is refused.
        const updated = await tx.groupScore.updateMany({
          where: { id: latest.id, status: "DRAFT" },
          data: { assessorId: user.id, status, submittedAt: submit ? now : null },
        });
        if (updated.count !== 1) throw new Refused("该单位本季度的评分已经提交，不能直接修改。", { status: 409 });
        scoreId = latest.id;
        await tx.groupScoreItem.deleteMany({ where: { scoreId } });
      } else {
        // None yet, or the last was withdrawn: a new version after it.
        scoreId = (
          await tx.groupScore.create({
            data: {
              quarterId: quarter.id,
              groupId: group.id,
              unitId: data.unitId,
              assessorId: user.id,
              status,
              submittedAt: submit ? now : null,
              version: (latest?.version ?? 0) + 1,
              previousId: latest?.id ?? null,
            },
            select: { id: true },
          })
        ).id;
      }
      await tx.groupScoreItem.createMany({ data: parsed.items.map((i) => ({ ...i, scoreId })) });
      await audit(tx, {
        actorId: user.id,
        action: submit ? "groupScore.submit" : "groupScore.draft",
        entity: "GroupScore",
        entityId: scoreId,
        unitId: data.unitId,
        before: latest?.status === "DRAFT" ? { status: latest.status, items: latest.items } : undefined,
        after: { status, quarter: quarterKey(refOf(quarter)), items: parsed.items },
      });
    });
    return submit ? "评分已提交。" : "草稿已保存，提交前可以继续修改。";
  });
}

/** The submitted score in force that the form showed, if the user's group made it. */
function groupScoreChain(
  user: SessionUser,
  data: { groupId: string; unitId: string; quarterId: string; scoreId: string },
): Chain<GroupScoreRow, Prisma.GroupScoreUncheckedCreateInput> {
  return {
    action: "groupScore",
    entity: "GroupScore",
    async find(tx) {
      const quarter = await requireOpen(tx, data.quarterId, "groupScore");
      const group = await findOwnGroup(tx, user, data.groupId, data.unitId, quarter);
      if (!group) throw new Refused(FORBIDDEN, { status: 403 });
      const row = await tx.groupScore.findFirst({
        where: { id: data.scoreId, quarterId: quarter.id, groupId: group.id, unitId: data.unitId },
        select: { ...scoreSelect, unitId: true, next: { select: { id: true } } },
      });
      if (!row) throw new Refused("没有找到该评分。", { status: 404 });
      if (row.next || row.withdrawn || row.status !== "SUBMITTED") throw new Refused(STALE, { status: 409 });
      return { row, quarter };
    },
    repeat: (row, quarter) => ({
      quarterId: quarter.id,
      groupId: data.groupId,
      unitId: row.unitId,
      assessorId: user.id,
      status: "SUBMITTED",
      submittedAt: new Date(),
    }),
    create: (tx, values) => tx.groupScore.create({ data: values, select: { id: true, version: true } }),
    describe: (row) => ({ items: row.items }),
  };
}

type GroupScoreRow = Prisma.GroupScoreGetPayload<{ select: typeof scoreSelect }> & { unitId: string; next: { id: string } | null };

/** A group member corrects the group's submitted score: version n+1 with the new points and the reason. */
export async function correctGroupScore(db: Db, user: SessionUser, data: z.infer<typeof input.groupScoreCorrectInput>): Promise<WriteResult> {
  if (user.role !== "ASSESSOR") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, groupScoreChain(user, data), {
    changeReason: data.changeReason,
    async correct(tx, _row, quarter) {
      const parsed = parseRubricScores(await rubricOf(tx, data.groupId, quarter.year), data, "submit");
      if (parsed.message) throw new Refused(parsed.message, { fieldErrors: parsed.fieldErrors });
      return { values: { items: { create: parsed.items } }, after: { items: parsed.items } };
    },
    message: "评分已更正（原评分作为历史版本保留）。",
  });
}

/** A group member withdraws the group's submitted score: version n+1, withdrawn, no points. */
export async function withdrawGroupScore(db: Db, user: SessionUser, data: z.infer<typeof input.groupScoreWithdrawInput>): Promise<WriteResult> {
  if (user.role !== "ASSESSOR") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, groupScoreChain(user, data), {
    changeReason: data.changeReason,
    message: "评分已撤回，不再计入得分（原评分作为历史版本保留）；可以重新评分。",
  });
}

// ─── 加减分 (LEADER, ADMIN) ──────────────────────────────────────────────────

/**
 * 加减分 by a leader or the office. On a closed quarter only the office may
 * record one, and it counts only once the quarter is corrected (never silently).
 */
export async function addAdjustment(db: Db, user: SessionUser, data: z.infer<typeof input.adjustmentInput>): Promise<WriteResult> {
  if (user.role !== "LEADER" && user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const [quarter, unit] = await Promise.all([
    db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } }),
    db.unit.findFirst({ where: { id: data.unitId, archivedAt: null }, select: { id: true, name: true } }),
  ]);
  if (!quarter || !unit) return refuse("没有找到该季度或单位。", { status: 404 });
  if (quarter.status === "CLOSED" && user.role !== "ADMIN")
    return refuse(`${quarterName(refOf(quarter))}已关闭，加减分请联系督查室以更正方式处理。`, { status: 409 });
  await db.$transaction(async (tx) => {
    const row = await tx.scoreAdjustment.create({
      data: { quarterId: quarter.id, unitId: unit.id, points: data.points, reason: data.reason, createdById: user.id },
    });
    await audit(tx, {
      actorId: user.id,
      action: "scoreAdjustment.create",
      entity: "ScoreAdjustment",
      entityId: row.id,
      unitId: unit.id,
      after: { quarter: quarterKey(refOf(quarter)), unit: unit.name, points: data.points, reason: data.reason },
    });
  });
  return succeed(
    quarter.status === "CLOSED"
      ? "已记录。本季度已关闭，需在“季度”页面更正后才计入得分。"
      : `已为${unit.name}${data.points > 0 ? "加" : "减"} ${Math.abs(data.points)} 分。`,
  );
}

/** Who may withdraw or correct a record: its maker, or — for what the office made — the office. */
export function mayChangeRecord(user: SessionUser, maker: { id: string; role: string }): boolean {
  return maker.id === user.id || (user.role === "ADMIN" && maker.role === "ADMIN");
}

function adjustmentChain(user: SessionUser, adjustmentId: string): Chain<AdjustmentRow, Prisma.ScoreAdjustmentUncheckedCreateInput> {
  return {
    action: "scoreAdjustment",
    entity: "ScoreAdjustment",
    async find(tx) {
      const row = await tx.scoreAdjustment.findFirst({ where: { id: adjustmentId }, select: adjustmentSelect });
      if (!row) throw new Refused("没有找到这笔加减分。", { status: 404 });
      if (!mayChangeRecord(user, row.createdBy)) throw new Refused(NOT_YOURS_ADJUSTMENT, { status: 403 });
      if (row.next || row.withdrawn) throw new Refused(STALE, { status: 409 });
      return { row, quarter: await requireOpen(tx, row.quarterId, "adjustment") };
    },
    repeat: (row) => ({ quarterId: row.quarterId, unitId: row.unitId, points: row.points, reason: row.reason, createdById: user.id }),
    create: (tx, values) => tx.scoreAdjustment.create({ data: values, select: { id: true, version: true } }),
    describe: (row) => ({ points: row.points, reason: row.reason }),
  };
}

const adjustmentSelect = {
  id: true,
  quarterId: true,
  unitId: true,
  points: true,
  reason: true,
  version: true,
  withdrawn: true,
  next: { select: { id: true } },
  createdBy: { select: { id: true, role: true } },
} satisfies Prisma.ScoreAdjustmentSelect;

type AdjustmentRow = Prisma.ScoreAdjustmentGetPayload<{ select: typeof adjustmentSelect }>;

export async function correctAdjustment(db: Db, user: SessionUser, data: z.infer<typeof input.adjustmentCorrectInput>): Promise<WriteResult> {
  if (user.role !== "LEADER" && user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, adjustmentChain(user, data.adjustmentId), {
    changeReason: data.changeReason,
    correct: async () => ({ values: { points: data.points, reason: data.reason }, after: { points: data.points, reason: data.reason } }),
    message: "加减分已更正（原记录作为历史版本保留）。",
  });
}

export async function withdrawAdjustment(db: Db, user: SessionUser, data: z.infer<typeof input.adjustmentWithdrawInput>): Promise<WriteResult> {
  if (user.role !== "LEADER" && user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, adjustmentChain(user, data.adjustmentId), {
    changeReason: data.changeReason,
    message: "加减分已撤回，不再计入得分（原记录作为历史版本保留）。",
  });
}

// ─── 一票否决 (ADMIN) ────────────────────────────────────────────────────────

/** 一票否决 by the office (also on a closed quarter, counted at the next correction). */
export async function addUnitVeto(db: Db, user: SessionUser, data: z.infer<typeof input.unitVetoInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const [quarter, unit] = await Promise.all([
    db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } }),
    db.unit.findFirst({ where: { id: data.unitId, archivedAt: null }, select: { id: true, name: true } }),
  ]);
  if (!quarter || !unit) return refuse("没有找到该季度或单位。", { status: 404 });
  const item = await db.vetoItem.findFirst({ where: { id: data.vetoItemId, rule: { year: quarter.year } }, select: { id: true, name: true } });
  if (!item) return refuse("请选择本年度的否决事项。", { fieldErrors: { vetoItemId: ["请选择本年度的否决事项"] } });
  await db.$transaction(async (tx) => {
    const row = await tx.unitVeto.create({ data: { quarterId: quarter.id, unitId: unit.id, vetoItemId: item.id, reason: data.reason, createdById: user.id } });
    await audit(tx, {
      actorId: user.id,
      action: "unitVeto.create",
      entity: "UnitVeto",
      entityId: row.id,
      unitId: unit.id,
      after: { quarter: quarterKey(refOf(quarter)), unit: unit.name, item: item.name, reason: data.reason },
    });
  });
  return succeed(quarter.status === "CLOSED" ? "已记录。本季度已关闭，需在“季度”页面更正后才计入。" : `已对${unit.name}实行一票否决（${item.name}）。`);
}

function vetoChain(user: SessionUser, vetoId: string): Chain<VetoRow, Prisma.UnitVetoUncheckedCreateInput> {
  return {
    action: "unitVeto",
    entity: "UnitVeto",
    async find(tx) {
      const row = await tx.unitVeto.findFirst({ where: { id: vetoId }, select: vetoSelect });
      if (!row) throw new Refused("没有找到这项一票否决。", { status: 404 });
      if (!mayChangeRecord(user, row.createdBy)) throw new Refused(FORBIDDEN, { status: 403 });
      if (row.next || row.withdrawn) throw new Refused(STALE, { status: 409 });
      return { row, quarter: await requireOpen(tx, row.quarterId, "veto") };
    },
    repeat: (row) => ({ quarterId: row.quarterId, unitId: row.unitId, vetoItemId: row.vetoItemId, reason: row.reason, createdById: user.id }),
    create: (tx, values) => tx.unitVeto.create({ data: values, select: { id: true, version: true } }),
    describe: (row) => ({ item: row.vetoItem.name, reason: row.reason }),
  };
}

const vetoSelect = {
  id: true,
  quarterId: true,
  unitId: true,
  vetoItemId: true,
  reason: true,
  version: true,
  withdrawn: true,
  next: { select: { id: true } },
  vetoItem: { select: { name: true } },
  createdBy: { select: { id: true, role: true } },
} satisfies Prisma.UnitVetoSelect;

type VetoRow = Prisma.UnitVetoGetPayload<{ select: typeof vetoSelect }>;

export async function correctVeto(db: Db, user: SessionUser, data: z.infer<typeof input.vetoCorrectInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, vetoChain(user, data.vetoId), {
    changeReason: data.changeReason,
    async correct(tx, _row, quarter) {
      const item = await tx.vetoItem.findFirst({ where: { id: data.vetoItemId, rule: { year: quarter.year } }, select: { id: true, name: true } });
      if (!item) throw new Refused("请选择本年度的否决事项。");
      return { values: { vetoItemId: item.id, reason: data.reason }, after: { item: item.name, reason: data.reason } };
    },
    message: "一票否决已更正（原记录作为历史版本保留）。",
  });
}

export async function withdrawVeto(db: Db, user: SessionUser, data: z.infer<typeof input.vetoWithdrawInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return writeNextVersion(db, user, vetoChain(user, data.vetoId), {
    changeReason: data.changeReason,
    message: "一票否决已撤回，不再计入（原记录作为历史版本保留）。",
  });
}

// ─── The year's rules and veto items (the office) ──────────────────────────

/** The office sets a year's weights, flag counts and escalation ladder; of the units asked to be left unranked, only existing ones are kept. */
export async function saveScoringRules(
  db: Db,
  user: SessionUser,
  data: z.infer<typeof input.scoringRuleInput>,
  excludedUnitIds: readonly string[],
): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const { year, escalationLadder, lateCreditPercent, ...numbers } = data;
  return run(() =>
    db.$transaction(async (tx) => {
      const excluded = excludedUnitIds.length
        ? await tx.unit.findMany({ where: { id: { in: [...excludedUnitIds] } }, select: { id: true }, orderBy: { id: "asc" } })
        : [];
      const values = {
        ...numbers,
        escalationLadder: JSON.stringify(escalationLadder),
        lateCredit: lateCreditPercent / 100,
        excludedUnitIds: JSON.stringify(excluded.map((u) => u.id)),
      };
      const before = await tx.scoringRule.findUnique({ where: { year } });
      const saved = await tx.scoringRule.upsert({ where: { year }, create: { year, ...values }, update: values });
      await audit(tx, { actorId: user.id, action: "scoringRule.save", entity: "ScoringRule", entityId: saved.id, before: before ?? undefined, after: saved });
      return `${year} 年考核规则已保存；已关闭季度的快照不受影响。`;
    }),
  );
}

export async function addVetoItem(db: Db, user: SessionUser, data: z.infer<typeof input.vetoItemInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return run(() =>
    db.$transaction(async (tx) => {
      const rule = await tx.scoringRule.upsert({ where: { year: data.year }, create: { year: data.year }, update: {}, select: { id: true } });
      if (await tx.vetoItem.findUnique({ where: { ruleId_name: { ruleId: rule.id, name: data.name } } }))
        throw new Refused("已有同名的否决事项。", { status: 409 });
      const item = await tx.vetoItem.create({ data: { ruleId: rule.id, name: data.name } });
      await audit(tx, { actorId: user.id, action: "vetoItem.create", entity: "VetoItem", entityId: item.id, after: { year: data.year, name: data.name } });
      return `已添加否决事项“${data.name}”。`;
    }),
  );
}

/** A veto item is deleted only while unused: the vetoes and snapshots that name it must keep making sense. */
export async function removeVetoItem(db: Db, user: SessionUser, data: z.infer<typeof input.vetoItemRemoveInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  return run(() =>
    db.$transaction(async (tx) => {
      const item = await tx.vetoItem.findUnique({ where: { id: data.vetoItemId }, select: { id: true, name: true, _count: { select: { unitVetoes: true } } } });
      if (!item) throw new Refused("没有找到该否决事项。", { status: 404 });
      if (item._count.unitVetoes > 0) throw new Refused(`“${item.name}”已用于 ${item._count.unitVetoes} 次否决，不能删除。`, { status: 409 });
      await tx.vetoItem.delete({ where: { id: item.id } });
      await audit(tx, { actorId: user.id, action: "vetoItem.delete", entity: "VetoItem", entityId: item.id, before: { name: item.name } });
      return "已删除。";
    }),
  );
}
