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
