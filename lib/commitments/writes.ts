/**
 * Writes of a unit's public commitment (公开承诺书, domain.md): the unit head
 * drafts, saves and publishes it. Once published it is frozen — every write
 * below refuses a published version, also in the UPDATE's own WHERE, so a
 * race cannot slip a change in — and a change starts a new version.
 * Scope is in every query: another unit's commitment id finds nothing.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import type { CommitmentDraftInput } from "@/lib/commitments/schemas";
import type { WriteResult } from "@/lib/write-result";

export const COMMITMENT_NOT_FOUND = "没有找到这份承诺书，或您无权操作。";
export const COMMITMENT_FROZEN = "这份承诺书已经发布，内容不能再改；如需修改，请新建一个版本。";
const ONLY_HEAD = "只有单位负责人可以起草和发布承诺书。";

type Tx = Prisma.TransactionClient;

/** A commitment's own fields: what its page shows and its audit entries record. */
export const commitmentFieldsSelect = {
  id: true,
  year: true,
  version: true,
  status: true,
  title: true,
  preface: true,
  signedBy: true,
  publishedAt: true,
} satisfies Prisma.CommitmentSelect;

const snapshotSelect = {
  ...commitmentFieldsSelect,
  unitId: true,
  pledges: { orderBy: { sortOrder: "asc" }, select: { text: true, tasks: { select: { taskId: true } } } },
} satisfies Prisma.CommitmentSelect;

async function snapshot(tx: Tx, id: string) {
  const { pledges, ...rest } = await tx.commitment.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
  return { ...rest, pledges: pledges.map((p) => ({ text: p.text, taskIds: p.tasks.map((t) => t.taskId) })) };
}

function isHead(user: SessionUser): user is SessionUser & { unitId: string } {
  return user.role === "UNIT_HEAD" && Boolean(user.unitId);
}

/**
 * The unit's draft for `year`: the open one if there is one, else a new
 * version copied from the latest (published) one, else a fresh first draft.
 */
export async function startCommitmentDraft(client: Db, user: SessionUser, year: number): Promise<WriteResult<{ id: string }>> {
  if (!isHead(user)) return { ok: false, status: 403, message: ONLY_HEAD };
  const id = await client.$transaction(async (tx) => {
    const open = await tx.commitment.findFirst({ where: withUnitRowScope(user, { year, status: "DRAFT" }), select: { id: true } });
    if (open) return open.id;
    const latest = await tx.commitment.findFirst({
      where: withUnitRowScope(user, { year }),
      orderBy: { version: "desc" },
      select: {
        version: true,
        title: true,
        preface: true,
        signedBy: true,
        pledges: { orderBy: { sortOrder: "asc" }, select: { text: true, tasks: { select: { taskId: true } } } },
      },
    });
    const head = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, title: true, unit: { select: { name: true } } } });
    const unitName = head.unit?.name ?? "";
    const created = await tx.commitment.create({
      data: {
        unitId: user.unitId,
        year,
        version: (latest?.version ?? 0) + 1,
        title: latest?.title ?? `${unitName}${year}年度公开承诺书`,
        preface: latest
          ? latest.preface
          : `为认真落实全区“一日三晒”工作要求，${unitName}围绕年度任务责任清单，向社会公开作出如下承诺，自觉接受群众和社会各界监督。`,
        signedBy: latest?.signedBy ?? `${unitName}${head.title ?? ""} ${head.name}`,
        createdById: user.id,
        pledges: {
          create: (latest?.pledges ?? []).map((p, i) => ({ text: p.text, sortOrder: i + 1, tasks: { create: p.tasks.map((t) => ({ taskId: t.taskId })) } })),
        },
      },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "commitment.create-draft", entity: "Commitment", entityId: created.id, after: await snapshot(tx, created.id) });
    return created.id;
  });
  return { ok: true, value: { id } };
}

/** Saves a draft (and publishes it when asked): only the unit's own draft, only its own tasks linked. */
export async function saveCommitmentDraft(client: Db, user: SessionUser, input: CommitmentDraftInput): Promise<WriteResult<{ published: boolean }>> {
  if (!isHead(user)) return { ok: false, status: 403, message: ONLY_HEAD };
  const existing = await client.commitment.findFirst({ where: withUnitRowScope(user, { id: input.id }), select: { id: true, status: true } });
  if (!existing) return { ok: false, status: 404, message: COMMITMENT_NOT_FOUND };
  if (existing.status === "PUBLISHED") return { ok: false, status: 400, message: COMMITMENT_FROZEN };

  const taskIds = [...new Set(input.pledges.flatMap((p) => p.taskIds))];
  const ownTasks = await client.task.count({ where: withUnitRowScope(user, { id: { in: taskIds }, archivedAt: null }) });
  if (ownTasks !== taskIds.length) {
    return { ok: false, status: 400, message: "承诺只能关联本单位的任务。", fieldErrors: { pledges: ["有关联的任务不属于本单位或已归档"] } };
  }

  const publish = input.intent === "publish";
  const frozen = await client.$transaction(async (tx) => {
    const before = await snapshot(tx, input.id);
    // The status is part of the WHERE: a version published meanwhile is never changed.
    const { count } = await tx.commitment.updateMany({
      where: { id: input.id, status: "DRAFT" },
      data: { title: input.title, preface: input.preface, signedBy: input.signedBy, ...(publish ? { status: "PUBLISHED", publishedAt: new Date() } : {}) },
    });
    if (count === 0) return true;
    await tx.pledge.deleteMany({ where: { commitmentId: input.id } });
    for (const [i, pledge] of input.pledges.entries()) {
      await tx.pledge.create({
        data: { commitmentId: input.id, text: pledge.text, sortOrder: i + 1, tasks: { create: [...new Set(pledge.taskIds)].map((taskId) => ({ taskId })) } },
      });
    }
    await audit(tx, {
      actorId: user.id,
      action: publish ? "commitment.publish" : "commitment.update",
      entity: "Commitment",
      entityId: input.id,
      before,
      after: await snapshot(tx, input.id),
    });
    return false;
  });
  if (frozen) return { ok: false, status: 400, message: COMMITMENT_FROZEN };
  return { ok: true, value: { published: publish } };
}

/** Discards a draft; published versions stay for good. */
export async function deleteCommitmentDraft(client: Db, user: SessionUser, input: { id: string }): Promise<WriteResult> {
  if (!isHead(user)) return { ok: false, status: 403, message: ONLY_HEAD };
  const existing = await client.commitment.findFirst({ where: withUnitRowScope(user, { id: input.id }), select: { id: true, status: true } });
  if (!existing) return { ok: false, status: 404, message: COMMITMENT_NOT_FOUND };
  if (existing.status === "PUBLISHED") return { ok: false, status: 400, message: COMMITMENT_FROZEN };
  await client.$transaction(async (tx) => {
    const before = await snapshot(tx, input.id);
    const { count } = await tx.commitment.deleteMany({ where: { id: input.id, status: "DRAFT" } });
    if (count) await audit(tx, { actorId: user.id, action: "commitment.delete-draft", entity: "Commitment", entityId: input.id, before });
  });
  return { ok: true, value: undefined };
}
