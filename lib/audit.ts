/**
 * The audit log: who did what, when, with the record before and after, and
 * the unit it concerns (for the office's viewer, /admin/audit, filtered by
 * unit). A writer may name the unit; otherwise it is found from the entity
 * (UNIT_OF_ENTITY below, one home for "which unit does this row belong to"),
 * or from a `unitId`/`taskId` in the before/after record when the row is gone.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

type AuditClient = Pick<Prisma.TransactionClient, "auditLog" | "$queryRaw">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  /** the unit concerned; `null` = none; left out = found from the entity */
  unitId?: string | null;
};

/** For each audited entity, the SQL that finds its unit from its id (a bound value, or a column in the backfill). */
const UNIT_OF_ENTITY: Record<string, (id: Prisma.Sql) => Prisma.Sql> = {
  Task: (id) => Prisma.sql`SELECT t."unitId" FROM "Task" t WHERE t."id" = ${id}`,
  Milestone: (id) => Prisma.sql`SELECT t."unitId" FROM "Milestone" m JOIN "Task" t ON t."id" = m."taskId" WHERE m."id" = ${id}`,
  ReportSlot: (id) => Prisma.sql`SELECT c."unitId" FROM "ReportSlot" s JOIN "ReportCard" c ON c."id" = s."cardId" WHERE s."id" = ${id}`,
  SpotCheck: (id) =>
    Prisma.sql`SELECT c."unitId" FROM "SpotCheck" x JOIN "ReportSlot" s ON s."id" = x."slotId" JOIN "ReportCard" c ON c."id" = s."cardId" WHERE x."id" = ${id}`,
  Anomaly: (id) =>
    Prisma.sql`SELECT c."unitId" FROM "Anomaly" x JOIN "ReportSlot" s ON s."id" = x."slotId" JOIN "ReportCard" c ON c."id" = s."cardId" WHERE x."id" = ${id}`,
  Instruction: (id) => Prisma.sql`SELECT c."unitId" FROM "Instruction" i JOIN "ReportCard" c ON c."id" = i."cardId" WHERE i."id" = ${id}`,
  SupervisionOrder: (id) => Prisma.sql`SELECT x."unitId" FROM "SupervisionOrder" x WHERE x."id" = ${id}`,
  WorkLogItem: (id) => Prisma.sql`SELECT x."unitId" FROM "WorkLogItem" x WHERE x."id" = ${id}`,
  Commitment: (id) => Prisma.sql`SELECT x."unitId" FROM "Commitment" x WHERE x."id" = ${id}`,
  GroupScore: (id) => Prisma.sql`SELECT x."unitId" FROM "GroupScore" x WHERE x."id" = ${id}`,
  ScoreAdjustment: (id) => Prisma.sql`SELECT x."unitId" FROM "ScoreAdjustment" x WHERE x."id" = ${id}`,
  UnitVeto: (id) => Prisma.sql`SELECT x."unitId" FROM "UnitVeto" x WHERE x."id" = ${id}`,
  User: (id) => Prisma.sql`SELECT x."unitId" FROM "User" x WHERE x."id" = ${id}`,
};

function field(record: unknown, key: string): string | null {
  if (record && typeof record === "object" && key in record) {
    const value = (record as Record<string, unknown>)[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

async function firstUnit(client: AuditClient, query: Prisma.Sql): Promise<string | null> {
  const rows = await client.$queryRaw<{ unitId: string | null }[]>(query);
  return rows[0]?.unitId ?? null;
}

/** The unit an entry concerns, or null (a bulletin, a quarter, a rule, an import of many units). */
export async function unitOfEntry(client: AuditClient, entry: AuditEntry): Promise<string | null> {
  if (entry.unitId !== undefined) return entry.unitId;
  const named = field(entry.after, "unitId") ?? field(entry.before, "unitId");
  if (named) return named;
  const lookup = UNIT_OF_ENTITY[entry.entity];
  if (lookup && entry.entityId) {
    const found = await firstUnit(client, lookup(Prisma.sql`${entry.entityId}`));
    if (found) return found;
  }
  // A deleted milestone or work-log item still names its task.
  const taskId = field(entry.after, "taskId") ?? field(entry.before, "taskId");
  return taskId ? firstUnit(client, UNIT_OF_ENTITY.Task(Prisma.sql`${taskId}`)) : null;
}

export async function audit(client: AuditClient, entry: AuditEntry): Promise<void> {
  const unitId = await unitOfEntry(client, entry);
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
      unitId,
    },
  });
}

/**
 * Many entries at once, in the caller's transaction (an import writes one per
 * task). A multi-row INSERT rather than createMany, whose per-row mapping in
 * Prisma's client engine dominates a 5,000-row import; plain portable SQL.
 * The units are filled by one UPDATE per batch (the same lookups as audit()).
 */
export async function auditMany(tx: { $executeRaw: (query: Prisma.Sql) => Prisma.PrismaPromise<number> }, entries: Omit<AuditEntry, "ip">[]): Promise<void> {
  const now = new Date();
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  for (let i = 0; i < entries.length; i += 500) {
    const batch = entries.slice(i, i + 500).map((e) => ({ ...e, id: randomUUID() }));
    const values = batch.map(
      (e) =>
        Prisma.sql`(${e.id}, ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${json(e.before)}, ${json(e.after)}, ${e.unitId ?? field(e.after, "unitId") ?? field(e.before, "unitId")}, ${now})`,
    );
    await tx.$executeRaw(
      Prisma.sql`INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "unitId", "createdAt") VALUES ${Prisma.join(values)}`,
    );
    const unresolved = batch.filter((e) => e.unitId === undefined && !field(e.after, "unitId") && !field(e.before, "unitId")).map((e) => e.id);
    if (unresolved.length > 0) await fillAuditUnits(tx, Prisma.sql`"id" IN (${Prisma.join(unresolved)})`);
  }
}

/**
 * Sets the unit of the entries matching `where` that have none, from their
 * entities. Used by auditMany and by the data migration that fills the
 * entries written before the column existed.
 */
export async function fillAuditUnits(
  tx: { $executeRaw: (query: Prisma.Sql) => Prisma.PrismaPromise<number> },
  where: Prisma.Sql = Prisma.sql`1 = 1`,
): Promise<number> {
  let updated = 0;
  for (const [entity, lookup] of Object.entries(UNIT_OF_ENTITY)) {
    const unit = lookup(Prisma.raw(`"AuditLog"."entityId"`));
    // Only entries whose entity still leads to a unit: the count says what was filled.
    updated += await tx.$executeRaw(
      Prisma.sql`UPDATE "AuditLog" SET "unitId" = (${unit}) WHERE "entity" = ${entity} AND "unitId" IS NULL AND ${where} AND (${unit}) IS NOT NULL`,
    );
  }
  return updated;
}
