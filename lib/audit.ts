/** The audit log: who did what, when, with the record before and after. */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

type AuditClient = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } };

export async function audit(
  client: AuditClient,
  entry: { actorId: string | null; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown; ip?: string | null },
): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    },
  });
}

/**
 * Many entries at once, in the caller's transaction (an import writes one per
 * task). A multi-row INSERT rather than createMany, whose per-row mapping in
 * Prisma's client engine dominates a 5,000-row import; plain portable SQL.
 */
export async function auditMany(
  tx: { $executeRaw: (query: Prisma.Sql) => Prisma.PrismaPromise<number> },
  entries: { actorId: string | null; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown }[],
): Promise<void> {
  const now = new Date();
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  for (let i = 0; i < entries.length; i += 500) {
    const values = entries
      .slice(i, i + 500)
      .map((e) => Prisma.sql`(${randomUUID()}, ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${json(e.before)}, ${json(e.after)}, ${now})`);
    await tx.$executeRaw(Prisma.sql`INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "createdAt") VALUES ${Prisma.join(values)}`);
  }
}
