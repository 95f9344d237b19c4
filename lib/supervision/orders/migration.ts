/**
 * Data migration (lib/data-migrations.ts) for the 督办件 lifecycle: orders
 * issued before it get their history as steps — 立项 and 交办 when issued,
 * each answer an 办结申请, each decision an 办结 or 退回 (by the issuer: the
 * old model did not record who decided) — and an order still waiting for an
 * answer counts as signed (承办中) when it was issued, since the old orders
 * went straight to work without a 签收 step.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export async function migrateOrdersToLifecycle(tx: Prisma.TransactionClient): Promise<number> {
  const orders = await tx.supervisionOrder.findMany({
    where: { steps: { none: {} } },
    select: {
      id: true,
      issuerId: true,
      unitId: true,
      status: true,
      createdAt: true,
      deadline: true,
      responses: {
        orderBy: { createdAt: "asc" },
        select: { authorId: true, text: true, createdAt: true, decision: true, decisionNote: true, decidedAt: true },
      },
    },
  });
  for (const o of orders) {
    const steps: Prisma.OrderStepCreateManyInput[] = [
      { orderId: o.id, kind: "REGISTER", actorId: o.issuerId, at: o.createdAt, deadlineAfter: o.deadline },
      { orderId: o.id, kind: "ASSIGN", actorId: o.issuerId, at: o.createdAt },
    ];
    for (const r of o.responses) {
      steps.push({ orderId: o.id, kind: "REQUEST_CLOSE", actorId: r.authorId, unitId: o.unitId, at: r.createdAt, note: r.text });
      if (r.decision && r.decidedAt)
        steps.push({ orderId: o.id, kind: r.decision === "ACCEPTED" ? "CLOSE" : "RETURN", actorId: o.issuerId, at: r.decidedAt, note: r.decisionNote });
    }
    await tx.orderStep.createMany({ data: steps });
    if (o.status === "OPEN") await tx.supervisionOrder.update({ where: { id: o.id }, data: { status: "SIGNED", signedAt: o.createdAt } });
    else await tx.supervisionOrder.update({ where: { id: o.id }, data: { signedAt: o.createdAt } });
  }
  return orders.length;
}
