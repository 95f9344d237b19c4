/** The audit log: who did what, when, with the record before and after. */
import type { Prisma } from "@/lib/generated/prisma/client";

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

/** Many entries at once (an import writes one per task), in the caller's transaction. */
export async function auditMany(
  client: { auditLog: { createMany: (args: { data: Prisma.AuditLogCreateManyInput[] }) => Promise<unknown> } },
  entries: { actorId: string | null; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown }[],
): Promise<void> {
  const data = entries.map((entry) => ({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }));
  for (let i = 0; i < data.length; i += 500) await client.auditLog.createMany({ data: data.slice(i, i + 500) });
}
